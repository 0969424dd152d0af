import { rx, type ExtractionRule } from "../extraction-rule.ts";

/** "A and B supplied X to C", "A has provided to C X", "A funneled X into C", "A is providing X for C". */
export const activeSupply: ExtractionRule = {
  id: "extract/01-active-supply",
  description: "supplier as subject of a supply verb, recipient after to/into/for",
  requires: /\b(?:supp|deliver|provid|sold|sell|ship|export|re-export|transfer|sen[dt]|gave|giv|donat|funnel|smuggl|transs?hip|hand(?:ed|s|ing)? over|furnish|lease|lent|loan|dispatch|channel|routed|pass(?:ed|es)? on|offer|gift|get)/i,
  patterns: [
    rx("(?<sup>{EL}){GAP}\\s+(?<trig>{SUPPLY})\\s+(?<items>{ITEMS})\\s+(?:to|into|for|into the hands of|in the hands of)\\s+(?<rec>{REL})"),
    rx("(?<sup>{EL}){GAP}\\s+(?<trig>{SUPPLY})\\s+(?:to|into the hands of)\\s+(?<rec>{EL})(?<items>[^«;.]{0,160})"),
  ],
};
