import { test } from "node:test";
import assert from "node:assert/strict";
import type { ExtractedEntity, ExtractionResult, Report } from "../domain/types.ts";
import { OriginDetector } from "./origin-detector.ts";
import { SourceRegistry, defaultSources } from "./source-registry.ts";

const detector = new OriginDetector(new SourceRegistry(defaultSources()));

/** A report whose one claim is the first sentence; `claimant` names an entity of the given type. */
function detect(text: string, opts: { publisher?: string; claimant?: [string, ExtractedEntity["type"]]; claims?: number } = {}): string | null {
  const report: Report = { id: "t", text, format: "txt", origin: "t.txt", ...(opts.publisher ? { publisher: opts.publisher } : {}) };
  const entities: ExtractedEntity[] = [
    { id: "s", name: "Iran", type: "state", aliases: [] },
    { id: "r", name: "Russia", type: "state", aliases: [] },
  ];
  if (opts.claimant) entities.push({ id: "c", name: opts.claimant[0], type: opts.claimant[1], aliases: [] });
  const end = text.indexOf(".") + 1 || text.length;
  const transfer = {
    supplier: "s", recipient: "r", items: [], kind: "arms" as const, stance: "asserted" as const, modality: "actual" as const,
    claimant: opts.claimant ? "c" : null, rule: "test", evidence: { text: text.slice(0, end), start: 0, end }, trigger: { text: "sent", start: 0, end: 4 },
  };
  const extraction: ExtractionResult = { id: "t", entities, mentions: [], transfers: Array.from({ length: opts.claims ?? 1 }, () => transfer) };
  return detector.detect(report, extraction);
}

const cases: Array<[name: string, origin: string | null, text: string, opts?: Parameters<typeof detect>[1]]> = [
  ["'X reported' after the claim", "Reuters", "Iran sent drones to Russia, Reuters reported on Monday."],
  ["'citing X'", "Reuters", "Iran sent drones to Russia, the newspaper said, citing Reuters."],
  ["'according to X'", "Associated Press", "Iran sent drones to Russia, according to the Associated Press."],
  ["'X writes'", "Bloomberg", "Iran sent drones to Russia, Bloomberg writes."],
  ["'a X report said'", "TASS", "Iran sent drones to Russia, a TASS report said."],
  ["'told X'", "Reuters", "Iran sent drones to Russia, two officials told Reuters."],
  ["'according to a report by X'", "Justice For Myanmar", "Iran sent drones to Russia, according to a report by Justice For Myanmar."],
  ["an acronym only as written: 'AP reported'", "Associated Press", "Iran sent drones to Russia, AP reported."],
  ["a media claimant", "Reuters", "Iran sent drones to Russia, the agency said.", { claimant: ["Reuters", "media"] }],
  ["an organisation claimant in the registry", "U.S. Department of the Treasury", "Iran sent drones to Russia, the Treasury said.", { claimant: ["U.S. Department of the Treasury", "organization"] }],
  ["a citation in the lead covers the report", "Reuters", "Iran sent drones to Russia. (Reuters reported the story first.)"],
  ["a wire dateline", "Reuters", "VESSK (Reuters) - Iran sent drones to Russia, officials said."],
  ["a dateline-like aside later in a line is no dateline", null, "Iran sent drones to Russia, officials said (Reuters) - twice."],
  ["no citation: own reporting", null, "Iran sent drones to Russia, our correspondent saw."],
  ["a mere mention is no citation", null, "Iran sent drones to Russia. Reuters has an office in Moscow."],
  ["'car' is not Conflict Armament Research", null, "Iran sent drones to Russia, according to a car dealer."],
  ["a state claimant is not a source", null, "Iran sent drones to Russia, Ukraine said.", { claimant: ["Ukraine", "state"] }],
  ["the publisher's own name is not an origin", null, "Iran sent drones to Russia, Reuters reported.", { publisher: "Reuters" }],
  ["a local station carrying the wire is not citing itself", null, "Iran sent drones to Russia, AP reported.", { publisher: "KEYT (Associated Press)" }],
];

for (const [name, origin, text, opts] of cases) {
  test(`OriginDetector: ${name}`, () => {
    assert.equal(detect(text, opts), origin);
  });
}

test("OriginDetector: a citation attached to a minority of claims outside the lead is not the origin", () => {
  const lead = "Iran sent drones to Russia, officials said. ".repeat(20);
  const text = `${lead}Iran also sent shells to Russia, Reuters reported.`;
  assert.equal(detect(text, { claims: 3 }), null);
});
