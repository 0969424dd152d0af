import { rx, type ExtractionRule } from "../extraction-rule.ts";

/** "A assisted C in acquiring X", "A helped C obtain X", "A supported C through the acquisition of X". */
export const assistAcquiring: ExtractionRule = {
  id: "extract/09-assist-acquiring",
  description: "supplier helps the recipient acquire or build",
  requires: /\b(?:assist|help|aid|support|enabl)/i,
  patterns: [
    rx("(?<sup>{EL}){GAP}\\s+(?<trig>assisted|assists|assist|assisting|helped|helps|help|helping|aided|aids|aid|supported|supports|support|supporting|enabled|enables|enable)\\s+(?<rec>{EL})\\s+(?:in|to|with|through|via)\\s+(?:the\\s+)?(?:acquir\\w*|acquisition of|obtain\\w*|procur\\w*|procurement of|buy\\w*|purchas\\w*|import\\w*|develop\\w*|build\\w*|produc\\w*|manufactur\\w*|establish\\w*|evad\\w*)(?<items>[^«;]{0,120})"),
    rx("(?<sup>{EL}){GAP}\\s+(?<trig>supported|supports|support|supporting|assisted|assists|assist|helped|helps|help|aided|aids)\\s+(?<rec>{E})['’]s?\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:efforts?|attempts?|drive|bid|programs?|programmes?)\\s+to\\s+(?<items>(?:build|develop|produce|manufacture|acquire|establish|operate|expand|modernize|modernise)[^«;]{0,100})"),
  ],
};
