import { rx, type ExtractionRule } from "../extraction-rule.ts";

/**
 * Supply verbs in a purpose or reason clause whose subject is the clause's first party:
 * "A was designated for having supplied X to C", "A established new entities to deliver
 * X to C", "A have been implicated in a scheme to supply C with X", "A and B, a company
 * making X, were among the platforms transferred to C". No other party may stand between
 * the subject and the verb, so the subject is not guessed across clauses.
 */
export const subjectPurpose: ExtractionRule = {
  id: "extract/13-subject-purpose",
  description: "subject of a sentence tied to a supply verb in a purpose or reason clause",
  requires: /supp|provid|deliver|sell|sold|ship|export|divert|transfer|sen[dt]/i,
  patterns: [
    rx("^(?:[^«;]{0,60}?,\\s*)?(?<sup>{EL})(?:\\s*,[^«;]{1,90}?,)?\\s+(?:[^«;]|«\\d+»){1,220}?\\b(?:for|in|to|of)\\s+(?:having\\s+)?(?:(?:[a-z]+ed|a (?:scheme|conspiracy|plot|plan|bid|effort|attempt)|schemes?|conspiracy|efforts?|attempts?)\\s+to\\s+)?(?:continue\\s+to\\s+)?(?<trig>supply|supplying|supplied|provide|providing|provided|deliver|delivering|delivered|sell|selling|sold|ship|shipping|shipped|export|exporting|exported|divert|diverting|diverted|transfer|transferring|transferred|send|sending|sent)\\s+(?:(?<items2>[^«;]{1,120}?)\\s+(?:to|for)\\s+)?(?<rec>{EL})(?:\\s*,[^«;]{1,90}?,)?(?:\\s+with\\s+(?<items>(?:[^«;]|«\\d+»){1,160}))?"),
    rx("^(?:[^«;]{0,60}?,\\s*)?(?<sup>{EL})(?:\\s*,[^«;]{1,90}?,)?\\s+(?:has|have|had|is|are|was|were)\\s+(?:[a-z]+\\s+){1,4}?to\\s+(?<trig>supply|provide|deliver|sell|ship|export|transfer|send)\\s+(?<items>(?:[^«;]|«\\d+»){1,160}?)\\s+(?:to|for)\\s+(?<rec>{EL})"),
    rx("(?<sup>{EL})(?:\\s*,[^«;]{1,90}?,)?\\s+(?:were|was|are|is)\\s+among\\s+(?:the\\s+)?(?<items>[^«;]{0,60}?)\\s*(?<trig>transferred|supplied|sent|delivered|provided|sold|exported|shipped)\\s+to\\s+(?<rec>{EL})"),
  ],
};
