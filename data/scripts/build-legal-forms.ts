/**
 * Builds data/kb/legal-forms.json: the words and abbreviations that say what kind of
 * company something is ("Ltd", "GmbH", "ООО", "有限公司"), not which company, so that
 * name comparison (`src/domain/name-keys.ts`) can drop them. Compiled from rigour's
 * org_types.yml (MIT) plus data/curated/legal-forms.json, which adds Chinese forms
 * rigour lacks (集团, 有限责任公司) and removes entries that are ordinary words.
 *
 * Non-commercial organisation types (NGO, religious, military) are left out: "Wagner
 * Private Military Company" and "Wagner" need not be the same thing, and an NGO's
 * type is part of what it is called.
 *
 * The YAML is parsed here rather than with a library: the file is one list of flat
 * records with a list of aliases each, and a strict reader of just that shape fails
 * loudly if upstream ever changes it.
 */
import { byCodeUnit, isEntryPoint, readCurated, readText, runMain, sharedPath, writeKb } from "./lib.ts";

/** One `types:` entry of org_types.yml. */
export interface OrgType {
  display?: string | undefined;
  compare?: string | undefined;
  generic?: string | undefined;
  aliases: string[];
}

interface CuratedLegalForms {
  /** Forms rigour lacks, each with a public page that shows it is a legal-form word. */
  add: Array<{ form: string; source: string }>;
  /** rigour aliases that are also ordinary words in names ("in"), with why they are dropped. */
  ignore: Array<{ form: string; reason: string }>;
}

/** `generic` tags of organisation types that are not company legal forms. */
const NON_COMMERCIAL = new Set(["NGO", "REL", "MIL"]);

const SCALAR_KEYS = new Set(["display", "compare", "generic"]);

/**
 * Reads the `types:` list of org_types.yml. Accepts only the shapes the file uses:
 * `- key: value` starting a record, `key: value` continuing it, `aliases:` followed by
 * `- value` items, comments and blank lines. Anything else throws with the line number.
 */
export function parseOrgTypes(text: string): OrgType[] {
  const types: OrgType[] = [];
  let current: OrgType | undefined;
  let inAliases = false;
  let seenRoot = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const where = `org_types.yml line ${index + 1}`;
    const line = stripComment(raw).trimEnd();
    if (line.trim() === "") return;
    if (!seenRoot) {
      if (line !== "types:") throw new Error(`${where}: expected "types:", got ${JSON.stringify(raw)}`);
      seenRoot = true;
      return;
    }
    const record = /^ {2}- ([a-z_]+):(?: (.*))?$/.exec(line);
    const field = /^ {4}([a-z_]+):(?: (.*))?$/.exec(line);
    const item = /^ {6}- (.+)$/.exec(line);
    if (record !== null || field !== null) {
      const [, key = "", value] = (record ?? field)!;
      if (record !== null) {
        current = { aliases: [] };
        types.push(current);
      }
      if (current === undefined) throw new Error(`${where}: field outside a record`);
      inAliases = key === "aliases";
      if (inAliases) {
        if (value !== undefined && value.trim() !== "") throw new Error(`${where}: aliases must be a list`);
      } else if (SCALAR_KEYS.has(key)) {
        current[key as "display" | "compare" | "generic"] = scalar(value ?? "", where);
      } else {
        throw new Error(`${where}: unknown field ${JSON.stringify(key)}`);
      }
      return;
    }
    if (item !== null && current !== undefined && inAliases) {
      current.aliases.push(scalar(item[1] ?? "", where));
      return;
    }
    throw new Error(`${where}: unexpected line ${JSON.stringify(raw)}`);
  });
  return types;
}

/** Drops a `#` comment that starts a line or follows a space, outside quotes. */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1] ?? ""))) {
      return line.slice(0, i);
    }
  }
  return line;
}

/** A plain, single-quoted ('' is a quote) or double-quoted (JSON escapes) YAML scalar. */
function scalar(value: string, where: string): string {
  const v = value.trim();
  if (v.startsWith('"')) {
    if (!v.endsWith('"') || v.length < 2) throw new Error(`${where}: unterminated string ${v}`);
    return JSON.parse(v) as string;
  }
  if (v.startsWith("'")) {
    if (!v.endsWith("'") || v.length < 2) throw new Error(`${where}: unterminated string ${v}`);
    return v.slice(1, -1).replaceAll("''", "'");
  }
  return v;
}

/** How a form is written in the compiled list: NFC, lower case, single spaces, no trailing colon. */
export function foldForm(form: string): string {
  return form.normalize("NFC").toLowerCase().replace(/\s+/g, " ").replace(/[\s:]+$/u, "").trim();
}

export function buildLegalForms(types: readonly OrgType[], curated: CuratedLegalForms): string[] {
  const ignore = new Set(curated.ignore.map((i) => foldForm(i.form)));
  const forms = new Set<string>();
  for (const t of types) {
    if (t.generic !== undefined && NON_COMMERCIAL.has(t.generic)) continue;
    for (const f of [t.display, t.compare, ...t.aliases]) {
      if (f === undefined) continue;
      const folded = foldForm(f);
      if (folded !== "" && !ignore.has(folded)) forms.add(folded);
    }
  }
  for (const a of curated.add) {
    if (!/^https?:\/\/\S+$/.test(a.source)) throw new Error(`legal-forms: ${a.form} needs a "source" URL`);
    forms.add(foldForm(a.form));
  }
  for (const i of ignore) forms.delete(i);
  return [...forms].sort(byCodeUnit);
}

export function main(): void {
  const types = parseOrgTypes(readText(sharedPath("rigour-territories", "org_types.yml")));
  const forms = buildLegalForms(types, readCurated<CuratedLegalForms>("legal-forms.json"));
  const size = writeKb("legal-forms.json", forms);
  console.log(`legal-forms.json: ${forms.length} forms from ${types.length} organisation types, ${size} bytes`);
}

if (isEntryPoint(import.meta.url)) runMain(main);
