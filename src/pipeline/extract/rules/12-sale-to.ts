import { rx, type ExtractionRule } from "../extraction-rule.ts";

/** "a (possible) sale to C of X", "approved the sale of X to C" with the approving government as seller. */
export const saleTo: ExtractionRule = {
  id: "extract/12-sale-to",
  description: "a sale or package approved by the supplier's government",
  supplierAsState: true,
  requires: /\b(?:sales?|package|drawdown)\b/i,
  patterns: [
    rx("(?<sup>{EL}){GAP}\\s+(?:[^«;]{0,60}?\\s)?(?<trig>(?:foreign military )?sales?|(?:security |military )?(?:assistance|aid) package|drawdown)\\s+to\\s+(?<rec>{EL})\\s+of\\s+(?<items>{ITEMS})(?=\\s+(?:for|at|worth|valued|with)\\b|[.;]|$)"),
    rx("(?<sup>{EL}){GAP}\\s+(?:[^«;]{0,60}?\\s)?(?<trig>(?:foreign military )?sales?|(?:security |military )?(?:assistance|aid) package|drawdown)\\s+(?:of\\s+(?<items>{ITEMS})\\s+)?(?:to|for)\\s+(?<rec>{EL})"),
  ],
};
