import { rx, type ExtractionRule } from "../extraction-rule.ts";

/**
 * Buying on someone's behalf makes the buyer a supplier: "A procured X for C",
 * "their procurement of X on behalf of C", "funds for procuring X for C".
 */
export const procureFor: ExtractionRule = {
  id: "extract/08-procure-for",
  description: "procurement on behalf of a recipient",
  requires: /\b(?:procur|purchas|bought|buy|acquir|sourc)/i,
  patterns: [
    rx("(?<sup>{EL}){GAP}\\s+(?:[^«;]{0,70}?\\s)?(?<trig>procured|procures|procure|procuring|purchased|purchases|purchase|purchasing|bought|buys|buy|buying|acquired|acquires|acquire|acquiring|sourced|sourcing|source)\\s+(?<items>{ITEMS})\\s+(?:for|on behalf of)\\s+(?<rec>{EL})"),
    rx("(?<sup>{E})['’]?s?\\s+(?<trig>procurement|purchases?|acquisition)\\s+of\\s+(?<items>{ITEMS})\\s+(?:for|on behalf of)\\s+(?<rec>{EL})"),
  ],
};
