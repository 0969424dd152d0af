/**
 * Word lists shared by the recognition rules. Kept as data so a reviewer can read
 * what counts as an organisation suffix or a group noun without reading code.
 */

/** Last words that make a capitalised phrase an organisation name. */
export const ORG_SUFFIXES = new Set([
  "corp", "corporation", "co", "company", "ltd", "limited", "inc", "incorporated", "llc", "llp", "plc", "jsc", "pjsc", "ojsc",
  "cjsc", "ooo", "ao", "pao", "gmbh", "ag", "sa", "srl", "spa", "bv", "nv", "kg", "group", "industries", "industry",
  "technology", "technologies", "tech", "electronics", "systems", "aviation", "aerospace", "dynamics", "holdings",
  "holding", "trading", "engineering", "machinery", "works", "plant", "factory", "bureau", "agency", "center", "centre",
  "institute", "directorate", "ministry", "department", "office", "administration", "commission", "council",
  "committee", "service", "services", "corps", "bank", "enterprises", "enterprise", "concern", "association",
  "foundation", "network", "research", "laboratory", "laboratories", "labs", "logistics", "shipping", "export",
  "import", "exports", "imports", "international", "consortium", "partnership", "authority", "army", "guard",
  "brigade", "militia", "front", "movement", "party", "forces", "force", "navy", "alliance", "union", "organization",
  "organisation", "federation", "manufacturing", "instruments", "devices", "components", "solutions", "microelectronics",
  "semiconductor", "semiconductors", "optics", "defense", "defence", "arms", "armaments", "munitions", "motors",
  "robotics", "avionics", "optronics", "photonics", "airlines", "airways", "marine", "shipyard", "shipbuilding", "helicopters", "aircraft", "missiles", "design",
]);

/** Nouns that introduce a name: "advocacy group Justice For Myanmar", "drone maker DJI". */
export const DESCRIPTOR_NOUNS = new Set([
  "group", "firm", "company", "maker", "manufacturer", "agency", "supplier", "exporter", "distributor", "retailer",
  "giant", "conglomerate", "outlet", "organization", "organisation", "ngo", "broker", "trader", "contractor",
  "subsidiary", "producer", "developer", "vendor", "dealer", "shipper", "carrier", "airline", "bank", "monitor",
  "watchdog", "newspaper", "broadcaster", "channel", "think-tank", "tank", "institute", "entity", "operator",
  "startup", "intermediary",
]);

/** Plural nouns that name a set of parties: "Chinese companies", "firms based in Taiwan". */
export const GROUP_HEADS: Record<string, string> = {
  companies: "companies", firms: "companies", entities: "entities", enterprises: "companies", businesses: "companies",
  networks: "networks", brokers: "brokers", traders: "traders", suppliers: "suppliers", manufacturers: "manufacturers",
  producers: "manufacturers", makers: "manufacturers", exporters: "exporters", distributors: "suppliers",
  vendors: "suppliers", dealers: "brokers", middlemen: "brokers", intermediaries: "brokers", parties: "entities",
  nations: "nations", countries: "nations", governments: "nations", allies: "nations", partners: "partners",
  members: "members", individuals: "individuals", factories: "manufacturers", plants: "manufacturers",
  contractors: "contractors", shippers: "shippers",
};

/** Nouns for a state's forces or government, which stand for the state as a party. */
export const FORCE_PHRASES = [
  "military end users", "military end-users", "military end user", "armed forces", "military forces", "air force",
  "air forces", "ground forces", "naval forces", "defense ministry", "defence ministry", "ministry of defense",
  "ministry of defence", "war machine", "military junta", "security forces", "special forces", "military",
  "army", "forces", "troops", "soldiers", "navy", "government", "regime", "junta", "authorities", "servicemen",
  "personnel", "units", "pilots", "administration", "state", "federation", "students", "cadets", "officers",
  "specialists", "engineers", "technicians", "crews", "servicemembers", "service members", "military personnel",
  "defence forces", "defense forces", "national army", "people's army", "foreign ministry", "foreign affairs ministry",
  "ministry of foreign affairs", "officials", "official", "intelligence", "military intelligence", "intelligence services",
  "defence intelligence", "defense intelligence", "intelligence agency", "military intelligence agency", "security service",
  "defence minister", "defense minister", "foreign minister", "embassy", "diplomats", "customs", "state media",
  "leadership", "fighters",
].map((p) => p.split(/[ -]/));

/** Nouns for a state's arms industry, a party of its own. */
export const INDUSTRY_PHRASES = [
  "defense industrial base", "defence industrial base", "defense industry", "defence industry", "arms industry",
  "military industry", "military-industrial complex", "defense sector", "defence sector", "defense companies",
  "defence companies", "arms industry",
].map((p) => p.split(/[ -]/));

/** Capitalised words that start sentences or headlines and are not names. */
export const NOT_NAME_WORDS = new Set([
  "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "in", "on", "at",
  "for", "of", "and", "or", "but", "as", "by", "from", "with", "to", "after", "before", "since", "while", "when",
  "what", "who", "how", "why", "where", "there", "here", "according", "also", "however", "meanwhile", "today",
  "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
  "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "breaking",
  "news", "file", "photo", "update", "exclusive", "analysis", "opinion", "read", "more", "join", "us", "share",
  "click", "subscribe", "skip", "main", "content", "whereas", "resolved", "section", "sec", "both", "all", "some",
  "many", "several", "other", "our", "his", "her", "their", "my", "your", "not", "no", "new", "first", "last",
  "said", "says", "under", "over", "among", "between", "into", "about", "against", "during", "without", "within",
  "if", "unless", "although", "though", "because", "so", "such", "each", "every", "any", "once", "again",
]);

/** Words for people's roles that mark a nearby capitalised pair as a person. */
export const PERSON_TITLES = new Set([
  "president", "secretary", "minister", "gen", "general", "adm", "admiral", "mr", "ms", "mrs", "dr", "senator", "sen",
  "rep", "representative", "ambassador", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
  "director", "chief", "commander", "colonel", "col", "lt", "lieutenant", "governor", "prime", "premier", "deputy",
  "envoy", "official", "analyst", "researcher", "founder", "ceo", "king", "prince", "emir", "sheikh", "leader",
  "rapporteur", "professor", "prof", "judge", "speaker", "sergeant", "captain", "capt", "major", "maj",
]);

/** Words that complete a title ("Secretary of Defense", "minister of digital transformation") and are not names. */
export const TITLE_COMPLEMENTS = new Set([
  "defense", "defence", "state", "commerce", "treasury", "foreign", "affairs", "digital", "transformation", "homeland",
  "security", "energy", "interior", "justice", "finance", "industry", "trade", "economy", "army", "navy", "air",
  "force", "staff", "joint", "chiefs", "export", "administration", "national", "general", "under", "assistant",
  "deputy", "executive", "vice", "house", "senate", "committee", "council", "ministry", "department", "office",
  "white", "pentagon", "kremlin", "un", "nato", "eu", "president", "minister", "secretary", "spokesperson",
]);

/** Verbs of saying that mark the capitalised phrase before them as a speaker. */
export const SAY_VERBS = new Set(["said", "says", "told", "added", "wrote", "writes", "stated", "noted", "claimed", "argued", "warned", "announced", "confirmed", "denied", "tweeted", "posted"]);

export const NUMBER_WORDS = new Set([
  "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen", "dozens",
  "several", "multiple", "numerous", "hundreds", "scores",
]);
