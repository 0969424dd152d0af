import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Report } from "../domain/types.ts";
import { extractReport } from "../pipeline/run-pipeline.ts";
import { openSqliteStore } from "../store/sqlite/sqlite-store.ts";
import type { Store } from "../store/store.ts";
import { ingestFiles, type UploadedFile } from "./ingest-files.ts";

const REPORT = "Norinco supplied assault rifles to the Myanmar military in 2023, Reuters reported.";

let dir: string;
let store: Store;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "armstrace-files-"));
  store = await openSqliteStore(join(dir, "files.db"));
});
after(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const file = (name: string, content: string | Uint8Array): UploadedFile => ({ name, bytes: typeof content === "string" ? Buffer.from(content) : content });

/** The real pipeline, except that a report mentioning BOOM makes it throw. */
function extract(report: Report) {
  if (report.text.includes("BOOM")) throw new Error("extractor exploded");
  return extractReport(report);
}

test("each report gets its own result, in upload order; the good ones are stored whatever the bad ones do", async () => {
  const results = await ingestFiles(
    store,
    [
      file("rifles.txt", REPORT),
      file("scan.txt", Uint8Array.from([0, 1, 2, 3])),
      file("batch.jsonl", [JSON.stringify({ id: "copy", text: REPORT }), "{oops", JSON.stringify({ id: "boom", text: "BOOM went the drones." })].join("\n")),
      file("rifles.txt", "Rosoboronexport delivered Su-30 fighters to Myanmar in 2022, Reuters reported."),
    ],
    { extract },
  );
  assert.deepEqual(
    results.map((r) => [r.name, r.status, r.error?.replace(/\(.*\)/, "(…)")]),
    [
      ["rifles.txt", "added", undefined],
      ["scan.txt", "failed", "scan.txt looks binary, not a text report"],
      ["batch.jsonl:1", "duplicate", undefined],
      ["batch.jsonl:2", "failed", "batch.jsonl:2: invalid JSON (…)"],
      ["batch.jsonl:3", "failed", "extractor exploded"],
      ["rifles.txt", "added", undefined],
    ],
  );
  const [first, , copy, , , second] = results;
  assert.equal(first?.claims?.length, 1);
  assert.equal(copy?.documentId, first?.documentId, "the duplicate names the document stored before");
  assert.deepEqual(copy?.claims, first?.claims);
  assert.notEqual(second?.documentId, first?.documentId);
  assert.equal((await store.claims({})).length >= 2, true);
});

test("uploading the same file again adds nothing", async () => {
  const [again] = await ingestFiles(store, [file("rifles-again.md", REPORT)]);
  assert.equal(again?.status, "duplicate");
});
