import { rx, type ExtractionRule } from "../extraction-rule.ts";

/** "X were supplied to C by A", "X supplied by A to C", "C was supplied with X by A". */
export const passiveSupply: ExtractionRule = {
  id: "extract/03-passive-supply",
  description: "passive supply verb with the supplier after by",
  patterns: [
    rx("(?<items>[^«;]{0,80}?)\\s*(?<trig>supplied|delivered|provided|sold|shipped|exported|re-exported|transferred|sent|donated|given|handed over|smuggled|transshipped|funnell?ed)\\s+to\\s+(?<rec>{EL})\\s+by\\s+(?<sup>{EL})"),
    rx("(?<items>[^«;]{0,80}?)\\s*(?<trig>supplied|delivered|provided|sold|shipped|exported|re-exported|transferred|sent|donated|given|handed over|smuggled|transshipped|funnell?ed)\\s+by\\s+(?<sup>{EL})\\s+to\\s+(?<rec>{EL})"),
    rx("(?<rec>{EL})\\s+(?:has|have|had)?\\s*(?:been|was|were|is|are)\\s+(?:\\w+ly\\s+)?(?<trig>supplied|provided|armed|equipped)\\s+with\\s+(?<items>[^«;]{1,100}?)\\s+by\\s+(?<sup>{EL})"),
    rx("(?<rec>{EL}){GAP}\\s+(?:received|receives|got|obtained|acquired)\\s+(?<items>[^«;]{1,100}?)\\s+(?<trig>supplied|provided|delivered|sold|sent|made|built|manufactured|produced)\\s+by\\s+(?<sup>{EL})"),
  ],
};
