import type { Modality, Stance } from "../../domain/types.ts";

/** What the words around a transfer say of it: stance, claimant, modality, and whether it is a claim at all. */
export interface Assessment {
  stance: Stance;
  /** Mention index of whoever makes the claim, or null for the author's own voice. */
  claimant: number | null;
  modality: Modality;
  /** Conditional ("if China provided"), pleas ("urged allies to donate"), shows and tests are no claims. */
  skip: boolean;
  cues: string[];
}

const CLAUSE_BOUNDARY = /\b(?:because|since|while|whereas|although|though|unless|but|so that|as a result)\b|[;—]|\s–\s/giu;
// A denial verb counts when it takes a claim as object ("denied claims that", "rejected
// the accusation", "denied supplying"), not for "denying access to U.S. equipment".
const DENIAL_VERB = /\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|rebuff(?:s|ed)?|repudiat\w*|contest(?:s|ed)?)\s+(?:(?:the|these|those|such|all|any|a|an|media|western|u\.s\.|us)\s+)*(?:«\d+»(?:['’]s)?\s+)?(?:that|claims?|reports?|allegations?|accusations?|charges?|suggestions?|assertions?|accounts?|statements?|having|ever|it|they|any|«\d+»['’]s\s+\w+|\w+ing)\b|\bdenial\b/iu;
const DENIAL_PHRASE = /\b(?:utterly false|completely false|absolutely false|false and|baseless|groundless|fabricat\w+|unfounded|absurd|nonsense|red herring|no information about|not true|untrue|fake news|lies|smear|slander\w*|categorically)\b/iu;
const HEDGE = /\b(?:may|might|could|reportedly|allegedly|alleged|accus\w+|suspect\w*|believed to|thought to|said to|claim(?:s|ed)? that|possibl[ey]|likely|apparently|purportedly|implicated|reports? (?:indicate|suggest|say|said|claim)|media reports|appear(?:s|ed)? to|seem(?:s|ed)? to|rumou?r\w*|unconfirmed|unverified|potential(?:ly)?|presumably|probably|suggest(?:s|ed)? that|if proven|was reported|were reported|it is reported|conspiracy|scheme to)\b/iu;
const FUTURE = /\b(?:considering|weighing|mulling|preparing to|poised to|signed (?:a|an) (?:deal|contract|agreement)|will|shall|plans? to|planned to|planning to|intends? to|intended to|intent to|agreed to|agrees to|agree to|pledged to|pledges to|pledge to|promised to|promises to|is to|are to|set to|expected to|going to|offered to|offers to|would|to be delivered|possible|proposed|prospective|approv\w+|authoriz\w+|authoris\w+|announced (?:plans|a package))\b/iu;
const NEGATION = /\b(?:not|never|no longer|neither|nor|refused to|declined to|stopped|ceased|halted)\b|n['’]t\b/iu;
const CONDITIONAL = /\b(?:if|unless|whether)\b(?!\s+proven)/iu;
const PLEA = /\b(?:urg\w+|call(?:ed|s|ing)? (?:on|for)|ask\w*|appeal\w*|press\w*|demand\w*|encourag\w+|want\w*)\b[^«;]{0,80}?\bto\s*(?:[\p{L}]+\s+){0,2}$/iu;
const STOP = /\b(?:stop|cease|halt|end)\b/iu;

const SAY = "(?:said|says|say|told|tells|reported|reports|report|stated|states|claimed|claims|alleged|alleges|warned|warns|announced|announces|noted|notes|wrote|writes|added|adds|confirmed|confirms|accused|accuses|accusing|condemn\\w*|denied|denies|deny|denying|rejected|rejects|dismissed|cited|believes|believe|estimated|estimates|found|finds|concluded|asserted|argued|insisted|revealed|reveals|disclosed|showed|shows|documented|documents|identified|determined|designated|charged|indicated|indicates|highlighted|acknowledged|admitted|explained|testified|tweeted|posted|claim|called|calls|labelled|labeled|described|termed|insisted|maintained|show|showed|shows|suggest|suggests|suggested|indicate)";
const CLAIMANT_BEFORE = new RegExp(`«(\\d+)»(?:['’]s)?(?:\\s*,[^,]{1,80}?,)?(?:\\s+(?!(?:that|which|who|and|or|by|to|of|in|on|for|with|from|at|as|after|before|under|over|into)\\b)[a-z][\\w-]*){0,3}\\s+["“]?(?:(?:also|has|have|had|previously|publicly|repeatedly|strongly|today|on \\w+)\\s+)*${SAY}\\b`, "giu");
const CLAIMANT_PAREN = new RegExp(`,\\s*(?:[\\p{L}.’'-]+\\s+){0,5}?(?:«\\d+»\\s+)?«(\\d+)»(?:['’]s)?(?:\\s+[a-z][\\w-]*){0,3}(?:\\s*\\(«\\d+»\\))?\\s+(?:(?:also|has|had)\\s+)?${SAY}\\b`, "giu");
const ACCORDING = /according to\s+(?:(?:the|an?|[\p{L}-]+)\s+){0,5}?«(\d+)»/giu;
const CITING = /\b(?:citing|quoting|cited by|as reported by|reported by|sources? (?:at|in|from|close to))\s+(?:(?:the|an?|[\p{L}-]+)\s+){0,4}?«(\d+)»(?!['’]?s?\s+[a-z])/giu;
const STATEMENT = /\b(?:in a (?:statement|report|letter|post|tweet|decree|designation|press release|filing)|a (?:decree|designation|statement|report) (?:by|from|of))\s+(?:the\s+)?«(\d+)»/giu;

/**
 * Reads the stance, claimant and modality of one transfer from its sentence.
 * `roleStart` is where the first role mention or the trigger begins, `trigStart` and
 * `trigEnd` bound the trigger, all in masked-string offsets.
 */
export function assessClaim(masked: string, roleStart: number, trigStart: number, trigEnd: number, roles: number[], baseStance: Stance | undefined): Assessment {
  const cues: string[] = [];
  let clauseStart = 0;
  for (const b of masked.matchAll(CLAUSE_BOUNDARY)) if (b.index < roleStart) clauseStart = b.index + b[0].length;
  const before = masked.slice(clauseStart, trigStart);
  const near = masked.slice(Math.max(clauseStart, trigStart - 40), trigStart);
  const after = masked.slice(trigEnd, trigEnd + 120);

  let skip = false;
  if (CONDITIONAL.test(masked.slice(clauseStart, trigStart).replace(/«\d+»/g, ""))) { skip = true; cues.push("conditional"); }
  const plea = PLEA.exec(masked.slice(Math.max(0, trigStart - 120), trigStart));
  if (plea && !STOP.test(plea[0])) { skip = true; cues.push("plea"); }

  let stance: Stance = baseStance ?? "asserted";
  const denialV = DENIAL_VERB.exec(masked.slice(clauseStart, trigEnd));
  if (denialV || DENIAL_PHRASE.test(masked)) {
    stance = "denied";
    cues.push(`denial: ${(denialV ?? DENIAL_PHRASE.exec(masked))![0]}`);
  } else {
    const h = HEDGE.exec(before) ?? /\bif proven\b/iu.exec(after);
    if (h) { stance = "hedged"; cues.push(`hedge: ${h[0]}`); }
  }

  let modality: Modality = "actual";
  const trig = masked.slice(trigStart, trigEnd);
  const neg = NEGATION.exec(near.split(/«\d+»/).pop() ?? "") ?? /\bneither\b|\bno\s+(?:[\p{L}-]+\s+)?«\d+»/iu.exec(before);
  if (neg && stance !== "denied" && !/not only/iu.test(near)) { modality = "negated"; cues.push(`negation: ${neg[0]}`); }
  else {
    const f = FUTURE.exec(near) ?? FUTURE.exec(trig);
    if (f) { modality = "future"; cues.push(`future: ${f[0]}`); }
  }

  const claimant = findClaimant(masked, trigStart, roles, stance, denialV?.index !== undefined ? clauseStart + denialV.index : -1);
  return { stance, claimant, modality, skip, cues };
}

function findClaimant(masked: string, trigStart: number, roles: number[], stance: Stance, denialAt: number): number | null {
  const pick = (re: RegExp, limit = masked.length): number | null => {
    let found: number | null = null;
    for (const m of masked.matchAll(re)) {
      if (m.index > limit) break;
      found = Number(m[1]);
    }
    return found;
  };
  // The nearest source wins in nested attribution: "X reported, citing Y" → Y.
  const citing = pick(CITING);
  if (citing !== null) return citing;
  const according = pick(ACCORDING);
  if (according !== null) return according;
  if (stance === "denied" && denialAt >= 0) {
    const denier = [...masked.slice(0, denialAt).matchAll(/«(\d+)»/g)].pop();
    if (denier) return Number(denier[1]);
  }
  // A party in the claim's own roles is not its claimant ("A and B have announced …").
  let saidBefore: number | null = null;
  for (const m of masked.matchAll(CLAIMANT_BEFORE)) {
    if (m.index > trigStart) break;
    if (!roles.includes(Number(m[1]))) saidBefore = Number(m[1]);
  }
  if (saidBefore !== null) return saidBefore;
  const paren = pick(CLAIMANT_PAREN);
  if (paren !== null && !roles.includes(paren)) return paren;
  const statement = pick(STATEMENT);
  if (statement !== null) return statement;
  return null;
}
