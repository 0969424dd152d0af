import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ExtractedEntity, ExtractionResult, Report } from "../domain/types.ts";
import { openSqliteStore } from "../store/sqlite/sqlite-store.ts";
import type { Store } from "../store/store.ts";
import { ingestReports } from "./ingest.ts";

/**
 * A stand-in for the pipeline: every sentence "A supplied B to C." is an asserted
 * arms transfer. Text containing "BOOM" makes it throw; text containing "BROKEN"
 * makes it return a transfer naming an entity it does not define, which the store
 * must refuse.
 */
function fakeExtract(report: Report): ExtractionResult {
  if (report.text.includes("BOOM")) throw new Error("extractor exploded");
  const entities = new Map<string, ExtractedEntity>();
  const ref = (name: string): string => {
    const id = `e${entities.size + 1}`;
    const known = [...entities.values()].find((e) => e.name === name);
    if (known) return known.id;
    entities.set(id, { id, name, type: "organization", aliases: [] });
    return id;
  };
  const result: ExtractionResult = { id: report.id, entities: [], mentions: [], transfers: [] };
  for (const m of report.text.matchAll(/(\p{Lu}[\p{L} ]*?) supplied ([\p{L} -]+?) to (\p{Lu}[\p{L} ]*?)\./gu)) {
    const [sentence, supplier = "", item = "", recipient = ""] = m;
    const start = m.index;
    const supplierId = ref(supplier);
    const recipientId = ref(recipient);
    result.mentions.push({ entity: supplierId, text: supplier, start, end: start + supplier.length });
    const triggerStart = start + supplier.length + 1;
    result.transfers.push({
      supplier: supplierId,
      recipient: report.text.includes("BROKEN") ? "nobody" : recipientId,
      items: [item],
      kind: "arms",
      stance: "asserted",
      claimant: null,
      modality: "actual",
      rule: "fake/supplied",
      evidence: { text: sentence, start, end: start + sentence.length },
      trigger: { text: "supplied", start: triggerStart, end: triggerStart + "supplied".length },
    });
  }
  result.entities = [...entities.values()];
  return result;
}

function report(id: string, text: string): Report {
  return { id, text, format: "txt", origin: `in/${id}.txt` };
}

async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-"));
  const store = await openSqliteStore(path.join(dir, "ingest.db"));
  try {
    await fn(store);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("ingestReports stores every report and sums what it stored", () =>
  withStore(async (store) => {
    const reports = [
      report("a", "Acme supplied drones to Ruritania. Acme supplied shells to Ruritania."),
      report("b", "Zeta supplied radars to Acme."),
    ];
    const summary = await ingestReports(store, reports, fakeExtract);
    assert.deepEqual(summary, {
      reports: 2,
      added: 2,
      duplicates: 0,
      failed: [],
      claims: 3,
      entities: 3,
      mentions: 3,
      bytes: reports[0]!.text.length + reports[1]!.text.length,
      relations: 2,
    });
    assert.deepEqual(await store.counts(), { documents: 2, entities: 3, mentions: 3, claims: 3 });
  }));

test("ingestReports skips known texts without extracting them again", () =>
  withStore(async (store) => {
    let calls = 0;
    const counting = (r: Report) => {
      calls += 1;
      return fakeExtract(r);
    };
    const composed = "Société supplied rifles to Ruritania.";
    const decomposed = composed.normalize("NFD");
    assert.notEqual(composed, decomposed);
    const first = await ingestReports(store, [report("a", composed), report("b", decomposed)], counting);
    assert.equal(first.added, 1);
    assert.equal(first.duplicates, 1, "NFC and NFD spellings of one text are one document");
    assert.equal(calls, 1);
    const again = await ingestReports(store, [report("a2", composed)], counting);
    assert.deepEqual({ added: again.added, duplicates: again.duplicates, claims: again.claims }, { added: 0, duplicates: 1, claims: 0 });
    assert.equal(calls, 1);
  }));

test("ingestReports records a failing report and carries on", () =>
  withStore(async (store) => {
    const summary = await ingestReports(
      store,
      [
        report("good1", "Acme supplied drones to Ruritania."),
        report("boom", "BOOM. Acme supplied mines to Ruritania."),
        report("broken", "BROKEN. Zeta supplied tanks to Acme."),
        report("good2", "Zeta supplied radars to Acme."),
      ],
      fakeExtract,
    );
    assert.equal(summary.reports, 4);
    assert.equal(summary.added, 2);
    assert.deepEqual(summary.failed.map((f) => f.origin), ["in/boom.txt", "in/broken.txt"]);
    assert.match(summary.failed[0]!.message, /extractor exploded/);
    assert.match(summary.failed[1]!.message, /nobody/);
    assert.deepEqual(await store.counts(), { documents: 2, entities: 3, mentions: 2, claims: 2 });
    // A failed report is not remembered as stored, so a fixed extractor can retry it.
    const retry = await ingestReports(store, [report("broken", "BROKEN. Zeta supplied tanks to Acme.")], (r) =>
      fakeExtract({ ...r, text: r.text.replace("BROKEN", "fixed") }),
    );
    assert.equal(retry.added, 1);
  }));

test("ingestReports reads async iterables, awaits async extractors and reports progress", () =>
  withStore(async (store) => {
    async function* source(): AsyncGenerator<Report> {
      yield report("a", "Acme supplied drones to Ruritania.");
      yield report("b", "Ελλάδα supplied ships to Ruritania.");
      yield report("c", "Acme supplied drones to Ruritania.");
    }
    const progress: Array<[number, number]> = [];
    const summary = await ingestReports(store, source(), async (r) => fakeExtract(r), {
      onProgress: (done, bytes) => progress.push([done, bytes]),
    });
    const b1 = Buffer.byteLength("Acme supplied drones to Ruritania.");
    const b2 = Buffer.byteLength("Ελλάδα supplied ships to Ruritania.");
    assert.ok(b2 > "Ελλάδα supplied ships to Ruritania.".length, "bytes are UTF-8 bytes, not characters");
    assert.deepEqual(progress, [
      [1, b1],
      [2, b1 + b2],
      [3, b1 + b2 + b1],
    ]);
    assert.deepEqual({ added: summary.added, duplicates: summary.duplicates, bytes: summary.bytes }, {
      added: 2,
      duplicates: 1,
      bytes: b1 + b2 + b1,
    });
  }));

test("ingestReports lets an error from the input itself propagate", () =>
  withStore(async (store) => {
    async function* source(): AsyncGenerator<Report> {
      yield report("a", "Acme supplied drones to Ruritania.");
      throw new Error("disk on fire");
    }
    await assert.rejects(ingestReports(store, source(), fakeExtract), /disk on fire/);
    assert.equal((await store.counts()).documents, 1, "what was stored before stays stored");
  }));
