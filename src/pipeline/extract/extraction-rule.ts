import type { Stance, TransferKind } from "../../domain/types.ts";

/**
 * One extraction rule: regular expressions over a masked sentence whose named groups
 * give the roles: `sup` and `rec` (mention markers, lists allowed), `trig` (the word
 * that signals the transfer) and `items` (free text naming the goods).
 */
export interface ExtractionRule {
  id: string;
  description: string;
  patterns: RegExp[];
  /** A cheap test a sentence must pass before the patterns run (most sentences fail it). */
  requires: RegExp;
  /** Stance the construction carries by itself ("accused of supplying" is hedged). */
  stance?: Stance | undefined;
  kind?: TransferKind | undefined;
  /** Which parties may fill the supplier slot; the use and origin rules need a maker, not a user. */
  supplierTypes?: Array<"organization" | "state" | "armed_force" | "person" | "media"> | undefined;
  /** A government body named as approving a sale stands for its state as the seller. */
  supplierAsState?: boolean | undefined;
}

const PARTS: Record<string, string> = {
  E: "«\\d+»",
  // A list of mentions: "«1», «2» and «3»", "«1» or «2»", "«1» as well as «2»". A list of
  // commas alone is not taken: "in Ukraine, the Party has" is no coordination.
  EL: "(?:(?:both|either|neither)\\s+)?«\\d+»(?:(?:\\s*,\\s*(?:[\\p{L}]+-(?:based|owned|run|registered)\\s+)?«\\d+»)*\\s*,?\\s*(?:and|or|nor|as well as|along with|together with|plus)\\s+(?:[\\p{L}]+-(?:based|owned|run|registered)\\s+)?«\\d+»)?",
  // A recipient list must not run into the next clause's subject: "to Ukraine, and Italy sent".
  REL: "(?:(?:both|either)\\s+)?«\\d+»(?:(?:\\s*,\\s*«\\d+»)*\\s*,?\\s*(?:and|or|as well as|along with|together with|plus)\\s+«\\d+»(?!\\s+(?:has|have|had|is|are|was|were|will|would|also|then|later|did|does|supplied|sent|delivered|provided|sold|shipped|transferred|donated|gave|exported|pledged|promised|announced|said)\\b))?",
  // Auxiliaries, adverbs and catenative verbs allowed between a subject and its verb.
  GAP: "(?:\\s*[–—:](?=\\s+[a-z]))?(?:\\s+[\"“](?=[a-z]))?,?(?:,\\s*(?:[^«,;]{1,90}?|[^,;]{0,90}?«\\d+»[^,;]{0,60}?),)?(?:\\s+(?:has|have|had|is|are|was|were|be|been|being|will|would|shall|should|may|might|must|can|could|did|does|do|also|reportedly|allegedly|apparently|secretly|illegally|covertly|openly|still|already|previously|recently|further|then|now|once|not|never|no longer|which|who|that|continued|continue|continues|continuing|began|begun|begin|started|start|agreed|agree|agrees|plans?|planned|planning|intends?|intended|promised|promise|pledged|pledge|offered|offer|helped|help|helps|sought|seeks?|seeking|tried|tries|attempted|attempts?|is believed|are believed|believed|suspected|accused|alleged|expected|set|going|used|likely|possibly|probably|quietly|directly|indirectly|regularly|repeatedly|actively|jointly|together|since|first|last|again|even|only|just|largely|mostly|mainly|primarily|in turn|to|of|having|[a-z]+ly|[a-z]+ed to|[a-z]+(?:ed|d|t) and|announced their intent to|announced its intent to|announced plans to|is working to|are working to|working together [a-z ]*?to|contracted to|approved|authori[sz]ed|decided to|moved to|later|earlier|soon|subsequently|eventually|since then|last year|this year|in 20\\d\\d|denied|denies|deny|denying|rejected|dismissed|thought|said|understood|reported|known|appears?|appeared|seems?|seemed|considering|weighing|mulling|discussing|preparing|poised|ready|signed (?:a|an) (?:deal|contract|agreement)(?: worth [^«,;]{1,30}?)? to|placed (?:an )?orders? to|in turn|flatly|categorically|repeatedly|neither|nor|either))*",
  SUPPLY: "(?:supplied|supplies|supply|supplying|resupplied|delivered|delivers|deliver|delivering|provided|provides|provide|providing|sold|sells|sell|selling|shipped|ships|ship|shipping|exported|exports|export|exporting|re-exported|re-exports|re-export|transferred|transfers|transfer|transferring|sent|sends|send|sending|gave|gives|give|giving|donated|donates|donate|donating|funnell?ed|funnels|funnel|funnell?ing|smuggled|smuggles|smuggle|smuggling|transshipped|transhipped|handed over|hands over|hand over|handing over|furnished|furnishes|furnish|leased|leases|lease|lent|loaned|dispatched|dispatches|dispatch|channell?ed|routed|passed on|passes on|pass on|offered|offers|gifted|gifts|get)(?!\\s+(?:controls?|restrictions?|licen[cs]es?|licen[cs]ing|bans?|regulations?|rules?|laws?|administration|credits?|markets?|revenues?|earnings|capacity|chains?|routes?|volumes?|data|figures|statistics|agency|agencies|department|ministry|destinations?|shortages?|policy|policies)\\b)",
  // Goods never run across another "to" or an attribution: "arms to the junta for …, according to X".
  ITEMS: "(?:(?!\\s(?:to|according to|citing)\\s)[^«;]|«\\d+»){1,160}?",
};

/** Builds a case-insensitive global RegExp from a template using {E}, {EL}, {GAP}, {SUPPLY}, {ITEMS}. */
export function rx(template: string): RegExp {
  const source = template.replace(/\{(E|EL|REL|GAP|SUPPLY|ITEMS)\}/g, (_, k: string) => {
    const part = PARTS[k];
    if (part === undefined) throw new Error(`unknown pattern part ${k}`);
    return part;
  });
  return new RegExp(source, "giud");
}
