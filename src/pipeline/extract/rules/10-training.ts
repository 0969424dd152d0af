import { rx, type ExtractionRule } from "../extraction-rule.ts";

/** "A trained C's pilots", "A continued to train Burmese students", "A provides training to C". */
export const training: ExtractionRule = {
  id: "extract/10-training",
  description: "military training given to a recipient's people",
  kind: "services",
  requires: /\btrain/i,
  patterns: [
    rx("(?<sup>{EL}){GAP}\\s+(?<trig>trained|trains|train|training)\\s+(?<rec>{EL})(?<items>)"),
  ],
};
