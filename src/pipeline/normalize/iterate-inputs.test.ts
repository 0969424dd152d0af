import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { Report } from "../../domain/types.ts";
import { InputError } from "./input-error.ts";
import type { InputProblem } from "./input-problem.ts";
import { DEFAULT_MAX_BYTES, iterateInputs, type ReadOptions } from "./iterate-inputs.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-"));
after(() => fs.rmSync(root, { recursive: true, force: true }));

let fixtureCount = 0;
/** Writes `files` into a fresh folder under the temp root and returns that folder. */
function fixture(files: Record<string, string | Uint8Array>): string {
  fixtureCount += 1;
  const dir = path.join(root, `case-${fixtureCount}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function collect(paths: string[], opts: Partial<ReadOptions> = {}): Promise<(Report | InputProblem)[]> {
  const items: (Report | InputProblem)[] = [];
  for await (const item of iterateInputs(paths, { maxBytes: DEFAULT_MAX_BYTES, ...opts })) items.push(item);
  return items;
}

async function only(paths: string[], opts: Partial<ReadOptions> = {}): Promise<Report | InputProblem> {
  const items = await collect(paths, opts);
  assert.equal(items.length, 1, JSON.stringify(items));
  return items[0] as Report | InputProblem;
}

async function onlyReport(paths: string[], opts: Partial<ReadOptions> = {}): Promise<Report> {
  const item = await only(paths, opts);
  assert.ok("text" in item, `expected a report, got ${JSON.stringify(item)}`);
  return item;
}

async function onlyProblem(paths: string[], opts: Partial<ReadOptions> = {}): Promise<InputProblem> {
  const item = await only(paths, opts);
  assert.ok(!("text" in item), `expected a problem, got ${JSON.stringify(item)}`);
  return item;
}

const stdin = (...chunks: (string | Uint8Array)[]): NodeJS.ReadableStream => Readable.from(chunks.map((chunk) => Buffer.from(chunk)));

const HTML_PAGE = `<!doctype html><html><head><title>Drone deal</title>
<meta name="publisher" content="Wire"><meta name="published" content="2024-06-01T12:00:00Z"></head>
<body><nav>NAV-JUNK</nav><article><h1>Drone deal</h1>
<p>The company delivered twelve reconnaissance drones to the border guard last month, officials said in a statement.</p>
<p>A second batch of spare parts and training is expected before the end of the year, according to the contract.</p>
</article><div class="comments">COMMENT-JUNK</div><footer>FOOTER-JUNK</footer><script>globalThis.__pwned = 1</script></body></html>`;

// ---------------------------------------------------------------- formats

test("a .txt file becomes a txt report named after the file, text unchanged", async () => {
  const dir = fixture({ "first-report.txt": "Plain report\r\n  with CRLF and   spaces.\r\n" });
  const file = path.join(dir, "first-report.txt");
  assert.deepEqual(await onlyReport([file]), {
    id: "first-report",
    text: "Plain report\r\n  with CRLF and   spaces.\r\n",
    url: undefined,
    title: undefined,
    publisher: undefined,
    published: undefined,
    format: "txt",
    origin: file,
  });
});

test("a .md file keeps its Markdown and takes metadata from front matter", async () => {
  const raw = "---\ntitle: Arms to X\nurl: https://news.example/x\npublisher: News\npublished: 2023-09-09\nid: md-1\n---\n\n\n## Heading\n\n- **bold** item\n";
  const dir = fixture({ "r.md": raw });
  const file = path.join(dir, "r.md");
  assert.deepEqual(await onlyReport([file]), {
    id: "md-1",
    text: "## Heading\n\n- **bold** item\n",
    url: "https://news.example/x",
    title: "Arms to X",
    publisher: "News",
    published: "2023-09-09",
    format: "md",
    origin: file,
  });
});

test("a .markdown file is md", async () => {
  const dir = fixture({ "notes.markdown": "# Notes" });
  assert.equal((await onlyReport([path.join(dir, "notes.markdown")])).format, "md");
});

for (const name of ["page.html", "page.htm"]) {
  test(`a ${path.extname(name)} file is readable article text with page metadata`, async () => {
    const dir = fixture({ [name]: HTML_PAGE });
    const file = path.join(dir, name);
    const report = await onlyReport([file]);
    assert.equal(report.id, "page");
    assert.equal(report.format, "html");
    assert.equal(report.origin, file);
    assert.equal(report.title, "Drone deal");
    assert.equal(report.publisher, "Wire");
    assert.equal(report.published, "2024-06-01");
    assert.match(report.text, /delivered twelve reconnaissance drones[^\n]*\n\nA second batch/);
    assert.doesNotMatch(report.text, /NAV-JUNK|COMMENT-JUNK|FOOTER-JUNK|__pwned/);
    assert.equal((globalThis as { __pwned?: number }).__pwned, undefined);
  });
}

test("a .jsonl file gives one report per line, origins carry line numbers", async () => {
  const dir = fixture({
    "batch.jsonl": [
      JSON.stringify({ id: "j1", text: "First.", url: "https://a.example", published: "2024-01-01" }),
      "",
      JSON.stringify({ id: "j2", html: HTML_PAGE, title: "Own title" }),
    ].join("\n") + "\n",
  });
  const file = path.join(dir, "batch.jsonl");
  const items = await collect([file]);
  assert.equal(items.length, 2);
  const [first, second] = items as Report[];
  assert.deepEqual(first, { id: "j1", text: "First.", url: "https://a.example", published: "2024-01-01", format: "jsonl", origin: `${file}:1` });
  assert.equal(second?.id, "j2");
  assert.equal(second?.origin, `${file}:3`);
  assert.equal(second?.title, "Own title");
  assert.equal(second?.publisher, "Wire");
  assert.match(second?.text ?? "", /twelve reconnaissance drones/);
  assert.doesNotMatch(second?.text ?? "", /NAV-JUNK/);
});

test("a BOM is stripped and a report truncated mid-sentence is still a report", async () => {
  const dir = fixture({ "cut.txt": "\uFEFFThe shipment of howitzers was confirmed by the minis" });
  const report = await onlyReport([path.join(dir, "cut.txt")]);
  assert.equal(report.text, "The shipment of howitzers was confirmed by the minis");
});

test("upper-case extensions are read", async () => {
  const dir = fixture({ "LOUD.TXT": "Shouted report." });
  assert.equal((await onlyReport([path.join(dir, "LOUD.TXT")])).text, "Shouted report.");
});

// ---------------------------------------------------------------- directories

test("a directory is read recursively, report files only, sorted by path", async () => {
  const dir = fixture({
    "b.txt": "B",
    "a/inner.md": "Inner",
    "a/deeper/page.html": "<p>Deep page</p>",
    "a-first.jsonl": '{"id":"line","text":"From JSONL"}\n',
    "skip.pdf": "%PDF-1.4",
    "skip.json": "{}",
  });
  const items = await collect([dir]);
  assert.deepEqual(
    items.map((item) => ("text" in item ? `${path.relative(dir, item.origin)}=${item.text}` : item.message)),
    ["a-first.jsonl:1=From JSONL", "a/deeper/page.html=Deep page", "a/inner.md=Inner", "b.txt=B"],
  );
});

test("several inputs are read in the order given", async () => {
  const dir = fixture({ "z.txt": "Z", "y.txt": "Y" });
  const items = await collect([path.join(dir, "z.txt"), path.join(dir, "y.txt")]);
  assert.deepEqual(items.map((item) => ("text" in item ? item.id : item.message)), ["z", "y"]);
});

// ---------------------------------------------------------------- stdin

const stdinCases: { name: string; chunks: string[]; expected: Partial<Report>[] }[] = [
  { name: "plain text", chunks: ["Text from a pipe.\n"], expected: [{ id: "stdin", text: "Text from a pipe.\n", format: "txt", origin: "stdin" }] },
  {
    name: "text with front matter",
    chunks: ["---\nid: piped\ntitle: Piped\n---\n", "Body.\n"],
    expected: [{ id: "piped", title: "Piped", text: "Body.\n", format: "txt", origin: "stdin" }],
  },
  { name: "HTML", chunks: ["  <html><body><p>Piped page.</p></body></html>"], expected: [{ id: "stdin", text: "Piped page.", format: "html", origin: "stdin" }] },
  {
    name: "JSON Lines split across chunks",
    chunks: ['{"id":"s1","text":"One"}\n{"id":"s', '2","text":"Two"}\n'],
    expected: [
      { id: "s1", text: "One", format: "jsonl", origin: "stdin:1" },
      { id: "s2", text: "Two", format: "jsonl", origin: "stdin:2" },
    ],
  },
];

for (const { name, chunks, expected } of stdinCases) {
  test(`stdin (-) is sniffed: ${name}`, async () => {
    const items = await collect(["-"], { stdin: stdin(...chunks) });
    assert.equal(items.length, expected.length, JSON.stringify(items));
    expected.forEach((fields, index) => {
      const item = items[index];
      assert.ok(item !== undefined && "text" in item);
      for (const [key, value] of Object.entries(fields)) assert.equal(item[key as keyof Report], value, key);
    });
  });
}

test("stdin JSON Lines bigger than the limit is streamed, the limit applying per line", async () => {
  const lines = Array.from({ length: 50 }, (_, index) => `${JSON.stringify({ id: `r${index}`, text: `Report number ${index}.` })}\n`);
  const items = await collect(["-"], { stdin: stdin(...lines), maxBytes: 100 });
  assert.equal(items.length, 50);
  assert.ok(items.every((item) => "text" in item));
  assert.equal(items[49] && "text" in items[49] ? items[49].origin : "", "stdin:50");
});

test("stdin text bigger than the limit is a problem", async () => {
  const problem = await onlyProblem(["-"], { stdin: stdin("x".repeat(60), "y".repeat(60)), maxBytes: 100 });
  assert.deepEqual(problem, { origin: "stdin", message: "stdin is over the 100 bytes limit (raise it with --max-size)" });
});

const stdinProblems: { name: string; chunks: (string | Uint8Array)[]; message: string }[] = [
  { name: "empty", chunks: [], message: "stdin is empty" },
  { name: "binary", chunks: [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])], message: "stdin looks binary, not a text report" },
  { name: "invalid UTF-8", chunks: [Uint8Array.from([0x61, 0x62, 0xe9])], message: "stdin is not valid UTF-8 (first bad byte at offset 2)" },
];

for (const { name, chunks, message } of stdinProblems) {
  test(`stdin problem: ${name}`, async () => {
    assert.deepEqual(await onlyProblem(["-"], { stdin: stdin(...chunks) }), { origin: "stdin", message });
  });
}

test("stdin given twice is read once", async () => {
  const items = await collect(["-", "-"], { stdin: stdin("Once.") });
  assert.deepEqual(
    items.map((item) => ("text" in item ? item.text : item.message)),
    ["Once.", "stdin (-) was given more than once; it is read only once"],
  );
});

// ---------------------------------------------------------------- problems

test("every per-input problem is reported with a one-line message and reading goes on", async () => {
  const MB = 1024 * 1024;
  const dir = fixture({
    "good-1.txt": "Good one.",
    "big.txt": Buffer.alloc(Math.round(6.2 * MB), 0x61),
    "image.txt": Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 1, 0]),
    "controls.txt": Uint8Array.from([1, 2, 3, 4, 5, 6, 0x41, 7, 8, 0x42]),
    "latin1.txt": Uint8Array.from([...Buffer.from("Caf"), 0xe9, 0x20, 0x6f, 0x6b]),
    "doc.pdf": "%PDF-1.4",
    "README": "no extension",
    "empty.txt": "",
    "blank.md": "\n  \n",
    "meta-only.md": "---\ntitle: Only metadata\n---\n",
    "empty.jsonl": "",
    "nothing.html": "<html><body><nav>Home</nav></body></html>",
    "empty-dir/.keep": "",
    "no-reports/photo.jpg": "jpg",
    "good-2.txt": "Good two.",
  });
  const p = (name: string): string => path.join(dir, name);
  const items = await collect([
    p("good-1.txt"),
    p("missing.txt"),
    p("big.txt"),
    p("image.txt"),
    p("controls.txt"),
    p("latin1.txt"),
    p("doc.pdf"),
    p("README"),
    p("empty.txt"),
    p("blank.md"),
    p("meta-only.md"),
    p("empty.jsonl"),
    p("nothing.html"),
    p("empty-dir"),
    p("no-reports"),
    p("good-2.txt"),
  ]);
  assert.deepEqual(
    items.map((item) => ("text" in item ? `report ${item.id}` : item)),
    [
      "report good-1",
      { origin: p("missing.txt"), message: `no such file or directory: ${p("missing.txt")}` },
      { origin: p("big.txt"), message: `${p("big.txt")} is 6.2 MB, over the 5 MB limit (raise it with --max-size)` },
      { origin: p("image.txt"), message: `${p("image.txt")} looks binary, not a text report` },
      { origin: p("controls.txt"), message: `${p("controls.txt")} looks binary, not a text report` },
      { origin: p("latin1.txt"), message: `${p("latin1.txt")} is not valid UTF-8 (first bad byte at offset 3)` },
      { origin: p("doc.pdf"), message: `${p("doc.pdf")}: unsupported file type .pdf (expected .txt, .md, .html, .jsonl)` },
      { origin: p("README"), message: `${p("README")}: unsupported file type (no extension) (expected .txt, .md, .html, .jsonl)` },
      { origin: p("empty.txt"), message: `${p("empty.txt")} is empty` },
      { origin: p("blank.md"), message: `${p("blank.md")} is empty` },
      { origin: p("meta-only.md"), message: `${p("meta-only.md")} is empty` },
      { origin: p("empty.jsonl"), message: `${p("empty.jsonl")} is empty` },
      { origin: p("nothing.html"), message: `${p("nothing.html")} has no readable text` },
      { origin: p("empty-dir"), message: `no reports found in directory ${p("empty-dir")}` },
      { origin: p("no-reports"), message: `no reports found in directory ${p("no-reports")}` },
      "report good-2",
    ],
  );
  for (const item of items) if (!("text" in item)) assert.doesNotMatch(item.message, /\n|\s at /);
});

test("a directory with a problem file still yields its other reports", async () => {
  const dir = fixture({ "a.txt": "A", "b.txt": Uint8Array.from([0xff, 0xfe, 0x41, 0]), "c.txt": "C" });
  const items = await collect([dir]);
  assert.deepEqual(
    items.map((item) => ("text" in item ? item.id : item.message)),
    ["a", `${path.join(dir, "b.txt")} is not valid UTF-8 (it looks like UTF-16; save it as UTF-8)`, "c"],
  );
});

test("JSON Lines: bad lines are problems on their line, good lines still read, duplicates rejected", async () => {
  const dir = fixture({
    "mixed.jsonl": [
      '{"id":"ok-1","text":"Fine."}',
      "{broken",
      "[]",
      '{"text":"no id"}',
      '{"id":"x"}',
      '{"id":"y","text":42}',
      '{"id":"ok-1","text":"Same id again."}',
      '{"id":"ok-2","text":"Also fine."}',
    ].join("\n"),
  });
  const file = path.join(dir, "mixed.jsonl");
  const items = await collect([file]);
  assert.deepEqual(
    items.map((item) => ("text" in item ? `report ${item.id} @ ${item.origin}` : `${item.origin} | ${item.message.replace(/\(.*\)$/, "(…)")}`)),
    [
      `report ok-1 @ ${file}:1`,
      `${file}:2 | ${file}:2: invalid JSON (…)`,
      `${file}:3 | ${file}:3: expected a JSON object, got an array`,
      `${file}:4 | ${file}:4: missing required field "id"`,
      `${file}:5 | ${file}:5: needs a "text" or an "html" field`,
      `${file}:6 | ${file}:6: "text" must be a string, got a number`,
      `${file}:7 | ${file}:7: duplicate report id "ok-1" (…)`,
      `report ok-2 @ ${file}:8`,
    ],
  );
  const duplicate = items[6];
  assert.ok(duplicate !== undefined && !("text" in duplicate));
  assert.equal(duplicate.message, `${file}:7: duplicate report id "ok-1" (first read from ${file}:1)`);
});

test("JSON Lines: the size limit applies per line, not per file", async () => {
  const small = Array.from({ length: 40 }, (_, index) => JSON.stringify({ id: `s${index}`, text: "short" })).join("\n");
  const dir = fixture({ "big.jsonl": `${small}\n${JSON.stringify({ id: "huge", text: "h".repeat(500) })}\n` });
  const file = path.join(dir, "big.jsonl");
  assert.ok(fs.statSync(file).size > 300);
  const items = await collect([file], { maxBytes: 300 });
  assert.equal(items.filter((item) => "text" in item).length, 40);
  assert.deepEqual(items[40], { origin: `${file}:41`, message: `${file}:41 is 523 bytes, over the 300 bytes limit (raise it with --max-size)` });
});

test("JSON Lines: a binary file is one problem, not one per line", async () => {
  const dir = fixture({ "blob.jsonl": Buffer.concat([Buffer.from("{\n"), Buffer.alloc(100, 0), Buffer.from("\n{\n")]) });
  const file = path.join(dir, "blob.jsonl");
  assert.deepEqual(await onlyProblem([file]), { origin: file, message: `${file} looks binary, not a text report` });
});

test("the same id from two files is a duplicate; the first one is kept", async () => {
  const dir = fixture({ "one/report.txt": "First.", "two/report.md": "Second." });
  const items = await collect([dir]);
  const first = path.join(dir, "one", "report.txt");
  const second = path.join(dir, "two", "report.md");
  assert.deepEqual(
    items.map((item) => ("text" in item ? item.origin : item)),
    [first, { origin: second, message: `${second}: duplicate report id "report" (first read from ${first})` }],
  );
});

// ---------------------------------------------------------------- fatal errors and streaming

const fatal: { name: string; paths: string[]; maxBytes: number; message: RegExp }[] = [
  { name: "no inputs", paths: [], maxBytes: DEFAULT_MAX_BYTES, message: /no inputs given/ },
  { name: "zero limit", paths: ["x.txt"], maxBytes: 0, message: /size limit must be a positive number/ },
  { name: "NaN limit", paths: ["x.txt"], maxBytes: Number.NaN, message: /size limit must be a positive number/ },
];

for (const { name, paths, maxBytes, message } of fatal) {
  test(`InputError when reading cannot start: ${name}`, async () => {
    await assert.rejects(collect(paths, { maxBytes }), (error: unknown) => error instanceof InputError && message.test(error.message));
  });
}

test("iterateInputs is lazy: stopping early leaves later inputs unread", async () => {
  const dir = fixture({ "a.txt": "A" });
  const iterator = iterateInputs([path.join(dir, "a.txt"), "-"], {
    maxBytes: DEFAULT_MAX_BYTES,
    stdin: new Readable({
      read() {
        throw new Error("stdin must not be read");
      },
    }),
  });
  const first = await iterator.next();
  assert.equal(first.done, false);
  assert.equal(first.value !== undefined && "text" in first.value ? first.value.text : "", "A");
  await iterator.return(undefined);
});
