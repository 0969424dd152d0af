import type { EntityType } from "../../domain/types.ts";
import type { Token } from "../analyze/tokenize.ts";
import type { Lexicon } from "./lexicon.ts";

/** A party a mention refers to, keyed so mentions of the same party in one report share it. */
export interface EntitySpec {
  /** "state:RU", "kb:norinco", "group:CN:companies", "name:<normalized>", "person:<surname>". */
  key: string;
  name: string;
  type: EntityType;
  country?: string | undefined;
  kb?: string | undefined;
  /** Extra names a resolver would give the party (canonical forms), added as aliases. */
  aliases?: string[] | undefined;
}

/** What a description or pronoun may point back to. */
export type CorefWant = "armed" | "org" | "orgOrGroup" | "plural" | "state" | "forces" | "person" | "media" | "any";

/** A span some recognition rule proposes as naming one or more parties. */
export interface Candidate {
  /** First and last token index, inclusive. */
  first: number;
  last: number;
  /** One entity, or several for a distributed list ("firms based in Singapore and Taiwan"). */
  entities: EntitySpec[];
  /** Set for descriptions and pronouns, resolved against earlier mentions. */
  coref?: { want: CorefWant; demonym?: string | undefined } | undefined;
  rule: string;
  /** Higher wins among candidates of the same length. */
  priority: number;
  /** Adjectival use ("Chinese-built", "U.S. arms"): the party is named as an origin. */
  origin?: boolean | undefined;
}

/** What each recognition rule sees: one sentence, its tokens and the dictionaries. */
export interface SentenceContext {
  /** The whole report text; token offsets index it. */
  text: string;
  tokens: Token[];
  lexicon: Lexicon;
  /** True when most words are capitalised (headlines), where capitalisation says little. */
  titleCase: boolean;
}

/** A recognition rule: a small function that proposes candidates for one sentence. */
export interface RecognitionRule {
  id: string;
  run(ctx: SentenceContext): Candidate[];
}
