/**
 * Word classes the pair features speak in, so that a verb the training data never
 * paired with a party still counts through its class ("furnished" is a supply word).
 * Matched on a token's lower-case form; the first class that matches wins.
 */
const CLASSES: Array<[string, RegExp]> = [
  ["SUPPLY", /^(?:re-?)?(?:suppl(?:y|ied|ies|ying|ier|iers)|deliver\w*|provid\w*|sold|sells?|selling|sale|sales|ship(?:s|ped|ping|ment|ments)?|export\w*|transfer\w*|sen[dt]|sends|sending|gave|gives?|giving|given|donat\w*|smuggl\w*|furnish\w*|funnel\w*|dispatch\w*|leas(?:e|ed|es|ing)|lent|loan\w*|hand(?:ed|s|ing)?|gift\w*|arm(?:s|ed|ing)|equip(?:s|ped|ping)?|channel\w*|rout(?:e|ed|ing)|transship\w*|tranship\w*|pass(?:ed|es|ing)?|aid|assistance|package|packages|pledg\w*|promis\w*|offer\w*)$/u],
  ["RECEIVE", /^(?:receiv\w*|acquir\w*|acquisition\w*|bought|buy(?:s|ing|er|ers)?|purchas\w*|import\w*|obtain\w*|procur\w*|got|gets?|getting|order(?:s|ed)?|took|taking|inducted|commission(?:ed)?|took|imported|sourc(?:e|ed|ing))$/u],
  ["USE", /^(?:us(?:e|ed|es|ing)|deploy\w*|operat\w*|fir(?:e|ed|es|ing)|launch\w*|field(?:s|ed|ing)?|employ\w*|wield\w*|flown|fly(?:ing)?|flew)$/u],
  ["MAKE", /^(?:made|make|makes|making|maker|makers|built|build|builds|building|manufactur\w*|produc\w*|design\w*|develop\w*|origin|assembl\w*)$/u],
  ["TRAIN", /^(?:train(?:s|ed|ing)?|maintain\w*|maintenance|repair\w*|servic(?:ed|ing|es)|instruct\w*)$/u],
  ["DENY", /^(?:den(?:y|ies|ied|ying|ial|ials)|reject\w*|refut\w*|dismiss\w*|false|baseless|groundless|unfounded|lie|lies|fabricat\w*|untrue|nonsense|absurd)$/u],
  ["HEDGE", /^(?:alleg\w*|accus\w*|suspect\w*|reportedly|may|might|could|possibl[ey]|likely|believ\w*|purported\w*|apparently|claim(?:s|ed)?|suggest\w*|rumou?r\w*|unconfirmed|suspicion\w*)$/u],
  ["NEG", /^(?:not|never|no|n't|neither|nor|without|none)$/u],
  ["SAY", /^(?:said|say|says|told|tell|tells|stated|states|announc\w*|report(?:s|ed)?|according|wrote|writes|added|noted|confirm\w*|revealed|disclosed|showed|shows|found|cited|citing|quoted|statement)$/u],
  ["SANCTION", /^(?:sanction\w*|designat\w*|blacklist\w*|ban(?:s|ned)?|indict\w*|charg(?:e|ed|es|ing)|penal\w*|prosecut\w*|arrest\w*|convict\w*|embargo\w*|restrict\w*|list)$/u],
  ["FUTURE", /^(?:will|would|shall|plan(?:s|ned)?|intend\w*|agreed|approv\w*|authori[sz]\w*|contract|contracts|deal|deals|expected|soon|upcoming)$/u],
  ["FROM", /^(?:from)$/u],
  ["TO", /^(?:to|into)$/u],
  ["FOR", /^(?:for)$/u],
  ["VIA", /^(?:via|through)$/u],
  ["BY", /^(?:by)$/u],
  ["WITH", /^(?:with)$/u],
  ["COORD", /^(?:and|or|as well as|along)$/u],
  ["GOODS", /^(?:weapons?|arms|munitions?|ammunition|missiles?|rockets?|shells?|artillery|howitzers?|tanks?|vehicles?|aircraft|jets?|fighters?|helicopters?|drones?|uavs?|warships?|frigates?|submarines?|rifles?|guns?|grenades?|mortars?|bombs?|equipment|systems?|components?|parts|chips?|microelectronics|semiconductors?|engines?|technology|electronics|launchers?|radars?|materiel|hardware|goods|items|firearms|explosives|armou?r(?:ed)?|air-defen[cs]e|defen[cs]e|military)$/u],
];

const memo = new Map<string, string>();

/** The class of one lower-case word, or "" when it has none. */
export function wordClass(norm: string): string {
  const hit = memo.get(norm);
  if (hit !== undefined) return hit;
  let c = "";
  for (const [name, re] of CLASSES) if (re.test(norm)) { c = name; break; }
  if (memo.size < 100_000) memo.set(norm, c);
  return c;
}

/** A crude stem so inflections share a feature: "supplied", "supplies", "supplying" → "suppli". */
export function stem(norm: string): string {
  if (norm.length <= 4) return norm;
  return norm.replace(/(?:ing|ed|es|s|ly)$/u, "").replace(/y$/u, "i");
}
