import { rx, type ExtractionRule } from "../extraction-rule.ts";

/** "Ethiopia's army used Iran's Mohajer-6 drones": the possessor of the goods used is their supplier, state or firm. */
export const usePossessive: ExtractionRule = {
  id: "extract/15-use-possessive",
  description: "recipient uses goods a named party owns or makes",
  requires: /\b(?:use[ds]?|using|deploy|field|operat|employ|fl[eiy]|fir(?:e|ed|es|ing)\b|launch)/i,
  patterns: [
    rx("(?<rec>{EL}){GAP}\\s+(?<trig>used|uses|use|using|deployed|deploys|deploying|fielded|operated|operates|operating|employed|flew|fired|launched)\\s+(?<sup>{E})['’]s?\\s+(?<items>(?:[\\p{L}\\d-]+\\s*){1,4})"),
  ],
};
