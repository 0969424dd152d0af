/**
 * "Citing the same original": a report that says "Iran sent drones to Russia, Reuters
 * reported" or "according to Reuters" adds no independent evidence beyond Reuters'
 * own report. This finds, per document, the source its claims mainly rest on, so
 * the aggregator can collapse every document with that origin into one source.
 *
 * Only sources in the registry are recognized as origins: "according to officials"
 * names nobody whose other reports could be matched, and an unknown outlet is F anyway.
 */
import type { ExtractionResult, Report } from "../domain/types.ts";
import type { ListedSource, SourceRegistry } from "./source-registry.ts";

/** Words in front of a source name that make it the origin: "citing Reuters", "according to a report by AP". */
const CUE_BEFORE =
  /(?:\bciting|\baccording to|\breported by|\bquoted by|\bcited by|\btold|\bcarried by|\breport(?:s|ed)? (?:by|from|in))\s+(?:(?:the|a|an)\s+)?(?:(?:new\s+)?(?:report|story|article|investigation|dispatch|analysis)s?\s+(?:by|from|in|of)\s+(?:the\s+)?)?$/i;
/** Words after a source name that make it the origin: "Reuters reported", "a TASS report said", "Reuters writes". */
const CUE_AFTER =
  /^(?:['’]s)?\s+(?:(?:news agency|newspaper|reporters?|journalists?|correspondents?)\s+)?(?:reported|reports|writes|wrote|has reported|had reported|first reported|revealed|cited|quoted|report(?:ed)?\b)/i;

/** How far into a document its lead reaches: the headline and first paragraph or so. */
const LEAD_CHARS = 500;

/** A source name that is all capitals and short ("AP", "CAR", "RT") is matched case-sensitively, or it would match ordinary words. */
const ACRONYM = /^[A-Z0-9&./-]{1,5}$/;

interface Citation {
  source: ListedSource;
  start: number;
  end: number;
}

export class OriginDetector {
  readonly #registry: SourceRegistry;
  readonly #patterns: RegExp[];

  constructor(registry: SourceRegistry) {
    this.#registry = registry;
    const names = registry.all().flatMap((s) => [s.name, ...s.aliases]);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    const alternation = (list: string[]) =>
      [...new Set(list)].sort((a, b) => b.length - a.length).map(escape).join("|");
    const acronyms = names.filter((n) => ACRONYM.test(n));
    const words = names.filter((n) => !ACRONYM.test(n));
    const bounded = (alt: string) => `(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`;
    this.#patterns = [
      ...(words.length ? [new RegExp(bounded(alternation(words)), "giu")] : []),
      ...(acronyms.length ? [new RegExp(bounded(alternation(acronyms)), "gu")] : []),
    ];
  }

  /** Every place where the text names a known source as the one reporting ("citing X", "X reported"). */
  citations(text: string): Citation[] {
    const found: Citation[] = [];
    for (const pattern of this.#patterns) {
      for (const m of text.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        const before = text.slice(Math.max(0, start - 60), start);
        const after = text.slice(end, end + 40);
        if (!CUE_BEFORE.test(before) && !CUE_AFTER.test(after) && !isDateline(before, after)) continue;
        const source = this.#registry.byName(m[0].replace(/\s+/g, " "));
        if (source) found.push({ source, start, end });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /**
   * The name of the source a document mainly relays, or null when it reports on its
   * own authority. Each claim is attributed to its claimant when the claimant is a
   * media outlet or organisation in the registry, else to a source cited in the
   * claim's sentence. The origin is the source most claims are attributed to, if it
   * carries at least half of them; failing that, a source cited in the lead ("…,
   * citing Reuters" in the first paragraph). A document's own publisher is never its
   * origin: Reuters writing "Reuters reported" is Reuters' own reporting.
   */
  detect(report: Report, extraction: ExtractionResult): string | null {
    const own = this.#registry.resolve(report.publisher);
    const citations = this.citations(report.text).filter((c) => c.source !== own);
    const entities = new Map(extraction.entities.map((e) => [e.id, e]));
    const votes = new Map<ListedSource, number>();
    for (const t of extraction.transfers) {
      let source: ListedSource | undefined;
      const claimant = t.claimant === null ? undefined : entities.get(t.claimant);
      if (claimant && (claimant.type === "media" || claimant.type === "organization")) {
        source = [claimant.name, ...claimant.aliases].map((n) => this.#registry.byName(n)).find((s) => s !== undefined);
      }
      if (!source) {
        const [from, to] = sentenceAround(report.text, t.evidence.start, t.evidence.end);
        source = citations.find((c) => c.start >= from && c.end <= to)?.source;
      }
      if (source && source !== own) votes.set(source, (votes.get(source) ?? 0) + 1);
    }
    const [best] = [...votes.entries()].sort((a, b) => b[1] - a[1]);
    if (best && best[1] * 2 >= extraction.transfers.length) return best[0].name;
    const lead = citations.find((c) => c.start < LEAD_CHARS);
    return lead ? lead.source.name : null;
  }
}

/** A wire dateline: "KYIV (Reuters) -" at the start of a line names the agency whose copy this is. */
function isDateline(before: string, after: string): boolean {
  return /(?:^|\n)[\p{Lu}\p{Lt}][\p{L} ,.'-]{0,40}\($/u.test(before) && /^\)\s*[-–—]/.test(after);
}

/** The bounds of the sentence(s) holding [start, end): from after the previous ". " to the next one. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  const before = text.slice(0, start);
  const cut = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n"), before.lastIndexOf("? "), before.lastIndexOf("! "));
  const rest = /[.!?](?:\s|$)|\n/.exec(text.slice(end));
  return [cut < 0 ? 0 : cut + 1, rest ? end + rest.index + 1 : text.length];
}
