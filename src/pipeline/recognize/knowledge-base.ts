/**
 * The knowledge base the entity recognizer matches against: countries (names,
 * demonyms, capital metonyms), armed forces and armed groups, organisations
 * (defence industry, traders, agencies, NGOs, media), arms-fair exhibitors,
 * and the goods vocabulary (item categories and model designations).
 *
 * The JSON lives in `data/kb/` and is compiled by `npm run build:data` from the
 * public datasets in `../shared/data` plus the hand-curated files in
 * `data/curated/` (see `data/kb/NOTICE.md` for sources and licences). Loading
 * needs no network and no shared data: the compiled files are committed.
 *
 * Surface forms (`names`, `aliases`, `forms`) are written as they appear in
 * prose, with ASCII apostrophes; normalise U+2019 to `'` before matching. All
 * upper-case acronyms are meant to be matched case-sensitively. A form listed
 * in `ambiguousForms` is also an ordinary word, a person's name, or names
 * several things: use it only with supporting context.
 */
import { readFileSync } from "node:fs";
import type { TransferKind } from "../../domain/types.ts";

/** Which public dataset (or hand curation) a record or field came from. */
export type Provenance =
  | "curated"
  | "world-countries"
  | "rigour-territories"
  | "cameo"
  | "arms-fair-exhibitors"
  | "oryx-ru-equipment"
  | "uas-components";

/** Fields every matchable record may carry about forms that need context. */
export interface AmbiguityMarks {
  /** True when at least one of the record's surface forms is ambiguous. */
  ambiguous?: boolean;
  /** The surface forms that are common words, personal names, or shared with another record. */
  ambiguousForms?: string[];
}

/** A sovereign state, or one of the few widely reported territories (Taiwan, Hong Kong, Palestine, Kosovo). */
export interface CountryRecord extends AmbiguityMarks {
  /** ISO 3166-1 alpha-2 code (XK for Kosovo). */
  code: string;
  alpha3: string;
  /** Common English name, e.g. "Russia". */
  name: string;
  /** Official English name, e.g. "Russian Federation". */
  officialName: string;
  /** English names and alternative spellings, the common name first. */
  names: string[];
  /** Adjective/noun forms, e.g. "Russian". */
  demonyms: string[];
  capital: string | null;
  /** Names that stand for the state's government in news prose ("Moscow", "the Kremlin"). */
  metonyms: string[];
  /** Names in non-Latin scripts (Cyrillic, Han, Arabic, Hangul, ...), for transliteration. */
  otherScripts: string[];
  /** False for Taiwan, Hong Kong, Palestine and Kosovo, whose status is disputed or dependent. */
  sovereign: boolean;
  /** Wikidata id, from rigour-territories. */
  qid?: string;
  from: Provenance[];
  /** A public page describing the country. */
  source: string;
}

/** A national military (or one of its arms such as the IRGC or GRU), or a non-state armed group. */
export interface ArmedForceRecord extends AmbiguityMarks {
  id: string;
  name: string;
  /** ISO alpha-2 of the state it belongs to or mainly operates in; null for transnational groups. */
  country: string | null;
  kind: "state" | "non_state";
  /** Every surface form, the name first. */
  aliases: string[];
  /** A public page stating what the force or group is. */
  source: string;
  from: Provenance[];
}

export const ORGANIZATION_SECTORS = ["defence", "dual_use", "trading", "agency", "ngo", "media"] as const;
/** defence: arms makers; dual_use: electronics, drones, machine tools; trading: export agencies and brokers; agency: governments' and IGOs' bodies. */
export type OrganizationSector = (typeof ORGANIZATION_SECTORS)[number];

/** A company, state body, NGO or media outlet (also the shape of `exhibitors.json` rows). */
export interface OrganizationRecord extends AmbiguityMarks {
  id: string;
  name: string;
  /** `media` for news outlets, otherwise `organization`. */
  type: "organization" | "media";
  /** ISO alpha-2 of its home country; null for international bodies or when unknown. */
  country: string | null;
  aliases: string[];
  sector: OrganizationSector;
  /** A public page stating the facts recorded (hand-curated entries always have one). */
  source?: string;
  from: Provenance[];
  /** Id of the parent organisation in this file, when recorded. */
  parent?: string;
  /** Exhibitors only: web host names listed by the fairs. */
  websites?: string[];
  /** Exhibitors only: number of arms-fair editions the exhibitor attended. */
  nEvents?: number;
}

/** Kinds an item vocabulary entry can imply (everything but `unspecified`). */
export type ItemKind = Exclude<TransferKind, "unspecified">;

/** A goods category and the words that name it ("drones", "UAVs", "loitering munitions"). */
export interface ItemCategory {
  /** Canonical term, e.g. "drone". */
  term: string;
  /** Surface forms, singular and plural. */
  forms: string[];
  kind: ItemKind;
  /** Category slug shared with designations, e.g. "uav". */
  category: string;
}

/** A named model or system ("Shahed-136", "Orlan-10", "M777"). */
export interface Designation extends AmbiguityMarks {
  name: string;
  aliases: string[];
  kind: ItemKind;
  category: string;
  /** ISO alpha-2 of the country of origin; "SU" for the Soviet Union; null when unknown. */
  origin: string | null;
  /** Organisation id (organizations.json) of the maker, when recorded. */
  maker?: string;
  /** Brand as the source names it, when no organisation record exists. */
  brand?: string;
  source?: string;
  from: Provenance[];
}

export interface ItemsVocabulary {
  categories: ItemCategory[];
  designations: Designation[];
}

export interface KnowledgeBase {
  countries: CountryRecord[];
  armedForces: ArmedForceRecord[];
  organizations: OrganizationRecord[];
  /** Arms-fair exhibitors (noisy, large): match after the curated organisations. */
  exhibitors: OrganizationRecord[];
  items: ItemsVocabulary;
}

/** The folder the compiled JSON is read from. */
export const KB_DIR_URL = new URL("../../../data/kb/", import.meta.url);

let cached: KnowledgeBase | undefined;

function readKb<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, KB_DIR_URL), "utf8")) as T;
}

/** Reads `data/kb/*.json` once and returns the same object on later calls. */
export function loadKnowledgeBase(): KnowledgeBase {
  if (cached === undefined) {
    cached = {
      countries: readKb<CountryRecord[]>("countries.json"),
      armedForces: readKb<ArmedForceRecord[]>("armed-forces.json"),
      organizations: readKb<OrganizationRecord[]>("organizations.json"),
      exhibitors: readKb<OrganizationRecord[]>("exhibitors.json"),
      items: readKb<ItemsVocabulary>("items.json"),
    };
  }
  return cached;
}
