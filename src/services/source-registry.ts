/**
 * Who a publisher is and how far it can be trusted: the shipped, hand-curated list
 * of sources in `data/kb/sources.json` with the analyst's overrides from the store
 * laid over it. Grades belong to the source (Admiralty reliability A–F); a publisher
 * the registry does not know is graded F, "reliability cannot be judged", rather
 * than guessed.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  RELIABILITIES,
  SOURCE_KINDS,
  type Reliability,
  type Source,
  type SourceKind,
} from "../domain/admiralty.ts";
import { normalizeName } from "../domain/normalize-name.ts";

const DEFAULTS_URL = new URL("../../data/kb/sources.json", import.meta.url);

/** The grade and kind a publisher nobody has graded gets. */
export const UNKNOWN_SOURCE: Omit<Source, "name"> = {
  aliases: [],
  reliability: "F",
  kind: "other",
  reason: "not in the source list: reliability cannot be judged",
  url: null,
};

/** A source as listed: where its grade comes from. */
export interface ListedSource extends Source {
  origin: "default" | "override";
}

let defaults: Source[] | undefined;

/** The shipped sources (read once); throws if the file is malformed, naming the entry. */
export function defaultSources(): Source[] {
  if (defaults === undefined) defaults = parseSources(JSON.parse(readFileSync(DEFAULTS_URL, "utf8")), "data/kb/sources.json");
  return defaults;
}

/** Checks a parsed sources file: every entry has a name, a reliability A–F, a known kind and a reason. */
export function parseSources(value: unknown, label: string): Source[] {
  if (!Array.isArray(value)) throw new Error(`${label}: expected a JSON array of sources`);
  return value.map((raw: unknown, i) => {
    const where = `${label}[${i}]`;
    if (typeof raw !== "object" || raw === null) throw new Error(`${where}: not an object`);
    const r = raw as Record<string, unknown>;
    const name = r["name"];
    const aliases = r["aliases"] ?? [];
    const reliability = r["reliability"];
    const kind = r["kind"];
    const reason = r["reason"];
    const url = r["url"] ?? null;
    if (typeof name !== "string" || name.trim() === "") throw new Error(`${where}: name must be a non-empty string`);
    if (!Array.isArray(aliases) || !aliases.every((a): a is string => typeof a === "string")) throw new Error(`${where} (${name}): aliases must be strings`);
    if (!isReliability(reliability)) throw new Error(`${where} (${name}): reliability must be one of ${RELIABILITIES.join(", ")}`);
    if (!isSourceKind(kind)) throw new Error(`${where} (${name}): kind must be one of ${SOURCE_KINDS.join(", ")}`);
    if (typeof reason !== "string" || reason.trim() === "" || reason.includes("\n")) throw new Error(`${where} (${name}): reason must be one line`);
    if (url !== null && typeof url !== "string") throw new Error(`${where} (${name}): url must be a string`);
    return { name, aliases, reliability, kind, reason, url };
  });
}

export function isReliability(value: unknown): value is Reliability {
  return typeof value === "string" && (RELIABILITIES as readonly string[]).includes(value);
}

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === "string" && (SOURCE_KINDS as readonly string[]).includes(value);
}

/**
 * Looks publishers up among the sources. An override replaces the default source
 * whose name or alias it names (keeping the default's aliases too), or adds a source.
 */
export class SourceRegistry {
  readonly #sources: ListedSource[];
  readonly #byKey = new Map<string, ListedSource>();

  constructor(defaultList: readonly Source[], overrides: readonly Source[] = []) {
    const sources: ListedSource[] = defaultList.map((s) => ({ ...s, aliases: [...s.aliases], origin: "default" }));
    const index = (list: ListedSource[]) => {
      const keys = new Map<string, number>();
      list.forEach((s, i) => {
        for (const name of [s.name, ...s.aliases]) {
          const key = normalizeName(name);
          if (key !== "" && !keys.has(key)) keys.set(key, i);
        }
      });
      return keys;
    };
    for (const override of overrides) {
      const keys = index(sources);
      const at = [override.name, ...override.aliases].map((n) => keys.get(normalizeName(n))).find((i) => i !== undefined);
      if (at === undefined) {
        sources.push({ ...override, origin: "override" });
      } else {
        const base = sources[at]!;
        const aliases = [...new Set([...base.aliases, ...override.aliases, ...(base.name === override.name ? [] : [base.name])])].filter(
          (a) => a !== override.name,
        );
        sources[at] = { ...override, aliases, url: override.url ?? base.url, origin: "override" };
      }
    }
    this.#sources = sources;
    // Names before aliases, so an alias never hides another source's own name.
    for (const s of sources) this.#add(s.name, s);
    for (const s of sources) for (const a of s.aliases) this.#add(a, s);
  }

  #add(name: string, source: ListedSource): void {
    const key = normalizeName(name);
    if (key !== "" && !this.#byKey.has(key)) this.#byKey.set(key, source);
  }

  /** Every source, defaults in file order then added overrides. */
  all(): ListedSource[] {
    return this.#sources.map((s) => ({ ...s, aliases: [...s.aliases] }));
  }

  /** The source whose name or alias is exactly `name` (compared by `normalizeName`), if any. */
  byName(name: string): ListedSource | undefined {
    return this.#byKey.get(normalizeName(name));
  }

  /**
   * The source behind a document's publisher line, which is often decorated:
   * "KEYT (Associated Press)", "DOD News (republished by the 307th Bomb Wing …)",
   * "U.S. Embassy & Consulate in Poland (U.S. Department of State)". Tried in order:
   * the whole line; the part before a parenthesis; the parenthesised part (a local
   * outlet carrying a wire's copy, an embassy speaking for its ministry); then each
   * side of a " - " or " | ". Undefined when nothing matches: the caller grades F.
   */
  resolve(publisher: string | null | undefined): ListedSource | undefined {
    const line = publisher?.trim();
    if (!line) return undefined;
    const whole = this.byName(line);
    if (whole) return whole;
    const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(line);
    if (paren) {
      const hit = this.resolve(paren[1]);
      if (hit) return hit;
      for (const part of paren[2]!.split(/[,;]/)) {
        const inner = this.resolve(part.replace(/^\s*(?:republished|reprinted|carried|via|from)\b(?:\s+by)?\s*/i, ""));
        if (inner) return inner;
      }
    }
    for (const part of line.split(/\s+[-|–—]\s+/)) {
      if (part !== line) {
        const hit = this.byName(part);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  /** The reliability of a publisher line: its source's, or F when unknown. */
  reliabilityOf(publisher: string | null | undefined): Reliability {
    return this.resolve(publisher)?.reliability ?? "F";
  }

  /**
   * A digest of every grade, so stored relations graded under other grades
   * (an override changed, or a new build ships other defaults) can be detected.
   */
  digest(): string {
    const h = createHash("sha256");
    for (const s of this.#sources) h.update(JSON.stringify([s.name, s.aliases, s.reliability, s.kind]));
    return h.digest("hex").slice(0, 16);
  }
}
