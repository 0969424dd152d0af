import { rx, type ExtractionRule } from "../extraction-rule.ts";

/**
 * Goods of a named origin that "reached" a recipient, often "via" or "through" an
 * intermediary: "Chinese microelectronics reached Russia via front companies in Hong
 * Kong". The origin and the intermediary both count as suppliers.
 */
export const reachVia: ExtractionRule = {
  id: "extract/14-reach-via",
  description: "goods of an origin reaching a recipient, with an intermediary",
  requires: /\b(?:reach|ended up|end up|found (?:their|its) way|made (?:their|its) way|turned up|flow)/i,
  patterns: [
    rx("(?<sup>{E})\\s+(?<items>[^«;]{1,60}?)\\s+(?:have|has|had)?\\s*(?<trig>reached|reach|reaches|ended up (?:in|with)|end up (?:in|with)|found (?:their|its) way (?:to|into)|made (?:their|its) way to|turned up (?:in|with)|flowed to|flow to)\\s+(?<rec>{EL})(?:\\s+(?:via|through)\\s+(?<via>{EL}))?"),
  ],
};
