import { rx, type ExtractionRule } from "../extraction-rule.ts";

/**
 * Making goods for a party supplies it: "AO Radiozavod Vega, which builds fire-control
 * systems for the Russian army", "the plant produced shells for Russia's forces".
 */
export const makeFor: ExtractionRule = {
  id: "extract/17-make-for",
  description: "a maker producing goods for a recipient",
  requires: /\b(?:buil[dt]|make|made|produc|manufactur|assembl)/i,
  patterns: [
    rx("(?<sup>{EL})(?:,\\s+(?:which|that|who))?{GAP}\\s+(?<trig>builds|built|makes|made|produces|produced|manufactures|manufactured|assembles|assembled)\\s+(?<items>{ITEMS})\\s+for\\s+(?<rec>{REL})"),
  ],
};
