import { rx, type ExtractionRule } from "../extraction-rule.ts";

/** "A provided C with X", "A continues to supply C", "A armed C with X". */
export const supplyRecipientObject: ExtractionRule = {
  id: "extract/02-supply-recipient-object",
  description: "recipient as direct object of supply/provide/arm/equip, goods after with",
  requires: /supp|provid|arm|equip|furnish/i,
  patterns: [
    rx("(?<sup>{EL}){GAP}\\s+(?<trig>supplied|supplies|supply|supplying|resupplied|resupply|provided|provides|provide|providing|armed|arms|arm|arming|equipped|equips|equip|equipping|furnished|furnish)\\s+(?<rec>{EL})(?:,[^,«]{1,80},)?\\s+with\\s+(?<items>[^«;]{1,160})"),
    rx("(?<sup>{EL}){GAP}\\s+(?<trig>supplied|supplies|supply|supplying|resupplied|resupply|armed|arming|equipped|equipping)\\s+(?<rec>{EL})(?<items>)(?=\\s*(?:[.,;:]|$|\\s+(?:and|since|in|during|with|for|through|via|until|after|before|despite)\\b))"),
  ],
};
