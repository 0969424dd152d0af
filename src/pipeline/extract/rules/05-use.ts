import { rx, type ExtractionRule } from "../extraction-rule.ts";

/**
 * "C used A's drones", "C is using its drones", "C Used A", "X made by A are used by C",
 * "A's chips are used by C", "A's X in service with C". The supplier must be a maker
 * or seller (an organisation), since "C used D" says nothing of supply when D is a state.
 */
export const use: ExtractionRule = {
  id: "extract/05-use",
  description: "recipient uses goods of a named maker",
  supplierTypes: ["organization"],
  requires: /\b(?:use[ds]?|using|deploy|field|operat|employ|fl[eiy]|fir(?:e|ed|es|ing)\b|launch|in service|hands of)/i,
  patterns: [
    rx("(?<rec>{EL}){GAP}\\s+(?<trig>used|uses|use|using|deployed|deploys|deploy|deploying|fielded|fields|operated|operates|operating|employed|employs|employing|flew|flies|flying|fired|fires|firing|launched|launches|launching)\\s+(?:(?:the|a|an|some|its|their)\\s+)?(?<sup>{EL})(?:['’]s)?(?<items>(?:\\s+(?!(?:in|on|at|to|for|against|from|with|by|and|as|during|since)\\b)[\\p{L}\\d-]+){0,3})"),
    rx("(?<rec>{EL}){GAP}\\s+(?<trig>used|uses|use|using|deployed|deploys|deploying|fielded|operated|operates|operating|employed|flew|fired|launched)\\s+(?<items>(?:[^«;]|«\\d+»){1,60}?)\\s+(?:made|built|manufactured|produced|supplied|provided|sold|designed|developed)\\s+by\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?<sup>{EL})"),
    rx("(?<sup>{EL})(?:['’]s)?\\s+(?<items>[^«;,]{1,60}?)\\s+(?:is|are|was|were|being|been|has been|have been|had been)\\s+(?:\\w+ly\\s+)?(?<trig>used|deployed|operated|fielded|employed|flown|fired|launched)\\s+by\\s+(?<rec>{EL})"),
    rx("(?<sup>{EL})(?:['’]s|\\s*-\\s*(?:made|built|manufactured|produced))?\\s+(?<items>[^«;,]{1,60}?)\\s+(?<trig>in service with|in the hands of|in use by|operated by|used by)\\s+(?<rec>{EL})"),
  ],
};
