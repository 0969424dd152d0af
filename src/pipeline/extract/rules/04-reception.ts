import { rx, type ExtractionRule } from "../extraction-rule.ts";

/** "C received X from A", "C bought X from A and B", "C imported X from A". */
export const reception: ExtractionRule = {
  id: "extract/04-reception",
  description: "recipient as subject of receive/buy/import, supplier after from",
  requires: /\b(?:receiv|acquir|bought|buy|purchas|import|obtain|procur|sourc|order|took delivery|take delivery|got|gets)/i,
  patterns: [
    rx("(?<rec>{EL}){GAP}\\s+(?<trig>received|receives|receive|receiving|acquired|acquires|acquire|acquiring|bought|buys|buy|buying|purchased|purchases|purchase|purchasing|imported|imports|import|importing|obtained|obtains|obtain|obtaining|procured|procures|procure|procuring|sourced|sources|source|sourcing|ordered|orders|took delivery of|takes delivery of|take delivery of|got|gets)\\s+(?<items>(?:[^«;]|«\\d+»){0,160}?)\\s*(?:from|via)\\s+(?:«\\d+»['’]s\\s+)?(?:the\\s+(?:[\\p{L}-]+\\s+){0,3}?)?(?<sup>{EL})"),
  ],
};
