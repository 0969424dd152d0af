import { test } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import type { Report } from "../../domain/types.ts";
import type { InputProblem } from "./input-problem.ts";
import { readJsonl } from "./read-jsonl.ts";

async function read(chunks: (string | Uint8Array)[], maxBytes = 1000): Promise<(Report | InputProblem)[]> {
  const out: (Report | InputProblem)[] = [];
  for await (const item of readJsonl(Readable.from(chunks), "in.jsonl", maxBytes)) out.push(item);
  return out;
}

function summary(items: (Report | InputProblem)[]): string[] {
  return items.map((item) => ("text" in item ? `${item.origin} ${item.id}=${JSON.stringify(item.text)}` : `${item.origin} ! ${item.message}`));
}

test("readJsonl reads every good line and reports bad ones by line number", async () => {
  const input = [
    '\uFEFF{"id":"a","text":"Alpha"}',
    "",
    "not json",
    '{"id":"b","text":"Beta\\r\\nline"}',
    "   ",
    '{"text":"no id"}',
    '{"id":"c","html":"<p>Gamma</p>"}',
  ].join("\r\n");
  assert.deepEqual(summary(await read([input])), [
    'in.jsonl:1 a="Alpha"',
    `in.jsonl:3 ! in.jsonl:3: invalid JSON (${errorOf("not json")})`,
    'in.jsonl:4 b="Beta\\r\\nline"',
    'in.jsonl:6 ! in.jsonl:6: missing required field "id"',
    'in.jsonl:7 c="Gamma"',
  ]);
});

function errorOf(json: string): string {
  try {
    JSON.parse(json);
  } catch (error) {
    return error instanceof Error ? error.message : "";
  }
  return "";
}

test("readJsonl applies the size limit per line", async () => {
  const big = JSON.stringify({ id: "big", text: "x".repeat(3000) });
  const items = await read([`{"id":"a","text":"ok"}\n${big}\n{"id":"b","text":"ok"}\n`], 2048);
  assert.deepEqual(summary(items), [
    'in.jsonl:1 a="ok"',
    "in.jsonl:2 ! in.jsonl:2 is 3 KB, over the 2 KB limit (raise it with --max-size)",
    'in.jsonl:3 b="ok"',
  ]);
});

test("readJsonl reports invalid UTF-8 on its line with the offset in that line", async () => {
  const bad = Buffer.concat([Buffer.from('{"id":"a","text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n{"id":"b","text":"fine"}')]);
  assert.deepEqual(summary(await read([bad])), [
    "in.jsonl:1 ! in.jsonl:1 is not valid UTF-8 (first bad byte at offset 21 in the line)",
    'in.jsonl:2 b="fine"',
  ]);
});

const whole: { name: string; chunks: (string | Uint8Array)[]; message: string }[] = [
  { name: "no bytes", chunks: [], message: "in.jsonl is empty" },
  { name: "only blank lines", chunks: ["\n  \r\n\n"], message: "in.jsonl is empty" },
  { name: "binary", chunks: [Uint8Array.from([0x7b, 0, 1, 2, 0x0a, 0x7b])], message: "in.jsonl looks binary, not a text report" },
];

for (const { name, chunks, message } of whole) {
  test(`readJsonl whole-input problem: ${name}`, async () => {
    assert.deepEqual(await read(chunks), [{ origin: "in.jsonl", message }]);
  });
}
