import { rx, type ExtractionRule } from "../extraction-rule.ts";

const NOMINAL = "(?:provision|provisions|supply|supplies|supplying|delivery|deliveries|transfer|transfers|sale|sales|shipment|shipments|export|exports|re-exports?|donation|donations|consignment|consignments|flow|flows|smuggling|transshipment|transshipments)";

/**
 * Nouns of supply: "A is among the biggest suppliers of X to C", "C's main suppliers of X
 * were A and B", "A's provision of X to C", "the provision of X by A to C",
 * "arms transfers to C by A", "shipments of X from A to C", "arms agreements between A and C".
 */
export const nominalSupply: ExtractionRule = {
  id: "extract/06-nominal-supply",
  description: "supplier and recipient around a noun of supply",
  requires: /suppl|provi|export|source|vendor|seller|purveyor|deliver|transfer|sale|shipment|donation|consignment|flow|smuggl|transship|agreement|deal|contract/i,
  patterns: [
    rx("(?<sup>{EL}){GAP}\\s+(?:is|are|was|were|has been|have been|remains|remained|became|becomes|is seen as|is considered|as)\\s+(?:[^«;]{0,50}?\\s)?(?<trig>suppliers?|providers?|exporters?|sources?|vendors?|sellers?|purveyors?)\\s+of\\s+(?<items>{ITEMS})\\s+(?:to|for)\\s+(?<rec>{EL})"),
    rx("(?<sup>{EL}){GAP}\\s+(?:is|are|was|were|has been|have been|remains|remained|became|becomes)\\s+(?<items>[^«;]{0,50}?)\\s*(?<trig>suppliers?|providers?|exporters?|sources?|vendors?|sellers?)\\s+(?:to|for)\\s+(?<rec>{EL})"),
    rx(`(?<sup>{E}){GAP}\\s+(?:completed|made|began|begun|started|resumed|carried out|conducted|finished|halted|suspended|stepped up|increased|expanded)\\s+(?:(?:the|its|their|first|further|new|regular)\\s+)*(?<trig>deliveries|delivery|shipments?|transfers?|exports?|sales?|supplies)\\s+of\\s+(?<items>{ITEMS})\\s+to\\s+(?<rec>{EL})`),
    rx(`(?<trig>${NOMINAL})\\s+of\\s+(?<sup>{E})\\s+(?<items>[^«;]{1,80}?)\\s+to\\s+(?<rec>{EL})`),
    rx("(?<sup>{EL}){GAP}\\s+(?<trig>supplied|provided|accounted for)\\s+(?<items>[^«;]{0,40}?)\\s*of\\s+(?<rec>{E})['’]s?\\s+(?:[\\p{L}-]+\\s+)?(?:imports|purchases|acquisitions|procurement|arsenal|inventory)"),
    rx("(?<rec>{E})['’]s?\\s+(?:[\\p{L}-]+\\s+){0,3}?(?<trig>suppliers?|sources?|providers?)\\s+of\\s+(?<items>{ITEMS})\\s+(?:were|are|was|is|include|included|includes|continued to be|continue to be|remain|remained)\\s+(?<sup>{EL})"),
    rx(`(?<sup>{E})['’]s?\\s+(?:[\\p{L}-]+\\s+){0,2}?(?<trig>${NOMINAL})\\s+of\\s+(?<items>{ITEMS})\\s+to\\s+(?<rec>{EL})`),
    rx(`(?<trig>${NOMINAL})\\s+of\\s+(?<items>{ITEMS})\\s+by\\s+(?<sup>{EL}),?\\s+to\\s+(?<rec>{EL})`),
    rx(`(?<items>(?:arms|weapons?|military|munitions?|drones?|missiles?|ammunition|equipment|technology)?)\\s*(?<trig>${NOMINAL})\\s+to\\s+(?<rec>{EL})\\s+by\\s+(?<sup>{EL})`),
    rx(`(?<trig>${NOMINAL})\\s+(?:of\\s+(?<items>{ITEMS})\\s+)?from\\s+(?<sup>{EL})\\s+to\\s+(?<rec>{EL})`),
    rx(`(?<sup>{E})['’]s?\\s+(?<items>(?:arms|weapons?|military|munitions?|drones?|missiles?|ammunition|equipment|technology|[\\p{L}-]+)?)\\s*(?<trig>${NOMINAL})\\s+(?:of\\s+[^«;]{1,80}?\\s+)?to\\s+(?<rec>{EL})`),
    rx("(?<items>arms|weapons|military|defen[cs]e)\\s+(?:transfer\\s+|supply\\s+|sales?\\s+)?(?<trig>agreements?|deals?|contracts?)\\s+between\\s+(?<sup>{E})\\s+and\\s+(?<rec>{E})"),
  ],
};
