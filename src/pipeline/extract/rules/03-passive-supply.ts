import { rx, type ExtractionRule } from "../extraction-rule.ts";

/** "X were supplied to C by A", "X supplied by A to C", "C was supplied with X by A". */
export const passiveSupply: ExtractionRule = {
  id: "extract/03-passive-supply",
  description: "passive supply verb with the supplier after by",
  requires: /supplied|delivered|provided|sold|shipped|exported|transferred|sent|donated|given|handed|smuggled|transs?hipped|funnel|armed|equipped|made|built|manufactured|produced|routed|diverted/i,
  patterns: [
    rx("\\b(?<trig>supplied|delivered|provided|sold|shipped|exported|re-exported|transferred|sent|donated|given|handed over|smuggled|transshipped|funnell?ed)\\s+to\\s+(?<rec>{EL})(?:\\s+in\\s+«\\d+»)?\\s+by\\s+(?:«\\d+»['’]s\\s+)?(?<sup>{EL})"),
    rx("\\b(?<trig>supplied|delivered|provided|sold|shipped|exported|re-exported|transferred|sent|donated|given|handed over|smuggled|transshipped|funnell?ed)\\s+by\\s+(?:«\\d+»['’]s\\s+)?(?<sup>{EL})\\s+to\\s+(?<rec>{EL})"),
    rx("(?<sup>{E}),\\s+whose\\s+(?<items>[^«;]{1,80}?)\\s+(?:were|was|have been|had been|has been|are being|is being)\\s+(?<trig>delivered|supplied|sold|shipped|exported|transferred|sent|donated|provided)\\s+to\\s+(?<rec>{EL})"),
    rx("(?<sup>{E})\\s+(?<items>[^«;]{1,60}?)\\s+(?:were|was|have been|had been)\\s+(?<trig>transshipped|transhipped|re-exported|smuggled|shipped|routed|diverted|delivered|sent)\\s+(?:via|through)\\s+(?<via>{EL})\\s+to\\s+(?<rec>{EL})"),
    rx("(?<rec>{EL})\\s+(?:has|have|had)?\\s*(?:been|was|were|is|are)\\s+(?:\\w+ly\\s+)?(?<trig>supplied|provided|armed|equipped)\\s+with\\s+(?<items>[^«;]{1,100}?)\\s+by\\s+(?<sup>{EL})"),
    rx("(?<rec>{EL}){GAP}\\s+(?:received|receives|got|obtained|acquired)\\s+(?<items>[^«;]{1,100}?)\\s+(?<trig>supplied|provided|delivered|sold|sent|made|built|manufactured|produced)\\s+by\\s+(?<sup>{EL})"),
  ],
};
