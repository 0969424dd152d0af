import { rx, type ExtractionRule } from "../extraction-rule.ts";

/** "A and B supplied X to C", "A has provided to C X", "A funneled X into C", "A is providing X for C". */
export const activeSupply: ExtractionRule = {
  id: "extract/01-active-supply",
  description: "supplier as subject of a supply verb, recipient after to/into/for",
  requires: /supp|deliver|provid|sold|sell|ship|export|transfer|sen[dt]|gave|give|giving|donat|funnel|smuggl|transship|transhipp|hand|furnish|leas|lent|loan|dispatch|channel|rout|pass|offer|gift|get/i,
  patterns: [
    rx("(?<sup>{EL}){GAP}\\s+(?<trig>{SUPPLY})\\s+(?<items>{ITEMS})\\s+(?:to|into|for|into the hands of|in the hands of)\\s+(?<rec>{REL})"),
    rx("(?<sup>{EL}){GAP}\\s+(?<trig>{SUPPLY})\\s+(?:to|into the hands of)\\s+(?<rec>{EL})(?<items>[^«;.]{0,160})"),
  ],
};
