/**
 * Matching extracted transfers against expectations written as names, shared by the
 * table-driven extraction tests. Names compare the way the gold scorer compares them.
 */
import type { ExtractedTransfer, Modality, Stance } from "../../src/domain/types.ts";
import type { extractReport } from "../../src/pipeline/run-pipeline.ts";

/** One accepted name or several. */
export type Names = string | readonly string[];

/** A transfer a careful reader finds; stance, claimant, modality and items only when given. */
export interface Expected {
  s: Names;
  r: Names;
  stance?: Stance;
  claimant?: Names | null;
  modality?: Modality;
  items?: readonly string[];
  absent?: true;
}

export type Result = ReturnType<typeof extractReport>;

const LEGAL_FORMS: ReadonlySet<string> = new Set([
  "co", "corp", "corporation", "company", "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc",
  "pte", "jsc", "ojsc", "pjsc", "cjsc", "ao", "pao", "ooo", "gmbh", "ag", "sa", "sarl", "bv", "nv", "srl", "spa",
  "fze", "fzco", "sro",
]);

/** Lower case, no accents, no possessive 's, no punctuation, no leading "the", no legal forms. */
export function norm(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/(?<=[\p{L}\p{N}])['’ʼ]s(?![\p{L}\p{N}])/gu, "")
    .replace(/(?<![\p{L}\p{N}.])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu, (m) => m.replaceAll(".", ""))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
  while (words.length > 1 && words[0] === "the") words.shift();
  const kept = words.filter((w) => !LEGAL_FORMS.has(w));
  return (kept.length > 0 ? kept : words).join(" ");
}

export const list = (n: Names): readonly string[] => (typeof n === "string" ? [n] : n);

function namesOf(res: Result, id: string | null): Set<string> {
  const e = res.entities.find((x) => x.id === id);
  return new Set(e ? [e.name, ...e.aliases].map(norm) : []);
}

export function nameMatches(res: Result, id: string | null, wanted: Names): boolean {
  const have = namesOf(res, id);
  return list(wanted).some((w) => have.has(norm(w)));
}

function display(res: Result, id: string | null): string {
  if (id === null) return "null";
  return res.entities.find((x) => x.id === id)?.name ?? id;
}

export function describe(res: Result, t: ExtractedTransfer): string {
  const items = t.items.length > 0 ? ` items=${JSON.stringify(t.items)}` : "";
  return `${display(res, t.supplier)} → ${display(res, t.recipient)} [${t.stance}, claimant=${display(res, t.claimant)}, ${t.modality}]${items}`;
}

/** Whether an output transfer meets an expectation; a negated transfer meets none unless asked for. */
export function matches(res: Result, t: ExtractedTransfer, e: Expected): boolean {
  if (!nameMatches(res, t.supplier, e.s) || !nameMatches(res, t.recipient, e.r)) return false;
  if (e.stance !== undefined && t.stance !== e.stance) return false;
  if (e.modality !== undefined && t.modality !== e.modality) return false;
  if (e.modality === undefined && e.stance !== "denied" && t.modality === "negated") return false;
  if (e.claimant === null && t.claimant !== null) return false;
  if (e.claimant !== undefined && e.claimant !== null && !nameMatches(res, t.claimant, e.claimant)) return false;
  if (e.items) {
    const got = t.items.map((i) => i.toLowerCase());
    if (!e.items.every((w) => got.some((g) => g.includes(w.toLowerCase())))) return false;
  }
  return true;
}

export function showExpected(e: Expected): string {
  const parts: string[] = [];
  if (e.stance) parts.push(e.stance);
  if (e.claimant !== undefined) parts.push(`claimant=${e.claimant === null ? "null" : list(e.claimant).join("|")}`);
  if (e.modality) parts.push(e.modality);
  if (e.items) parts.push(`items⊇${JSON.stringify(e.items)}`);
  const head = `${list(e.s).join("|")} → ${list(e.r).join("|")}`;
  return `${head}${parts.length > 0 ? ` [${parts.join(", ")}]` : ""}`;
}
