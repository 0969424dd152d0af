import { test } from "node:test";
import assert from "node:assert/strict";
import { displayWidth, formatRows, truncate, type Column } from "./format-rows.ts";

const columns: Column[] = [
  { key: "name", header: "NAME", width: 10 },
  { key: "n", header: "N" },
  { key: "note", header: "NOTE" },
];

test("table: columns are aligned, the last is not padded", () => {
  const out = formatRows(
    [
      { name: "Acme", n: 1, note: "first" },
      { name: "Zeta", n: 22, note: null },
    ],
    columns,
    "table",
  );
  assert.equal(out, ["NAME  N   NOTE", "Acme  1   first", "Zeta  22"].join("\n") + "\n");
});

test("table: long cells are cut to the column width with …", () => {
  const out = formatRows([{ name: "China North Industries", n: 1, note: "x" }], columns, "table");
  assert.equal(out, ["NAME        N  NOTE", "China Nor…  1  x"].join("\n") + "\n");
});

test("table: line breaks and control characters cannot break the layout", () => {
  const out = formatRows([{ name: "a\nb", n: "\u001b[31mred", note: "tab\there" }], columns, "table");
  const lines = out.trimEnd().split("\n");
  assert.equal(lines.length, 2);
  assert.ok(!out.includes("\u001b"));
  assert.equal(lines[1], "a b   [31mred  tab here");
});

test("table: lists are joined, objects shown as JSON, missing keys empty", () => {
  const out = formatRows([{ name: ["a", "b"], n: { x: 1 } }], columns, "table");
  assert.equal(out, ["NAME  N        NOTE", "a; b  {\"x\":1}"].join("\n") + "\n");
});

test("table: no rows gives the header alone", () => {
  assert.equal(formatRows([], columns, "table"), "NAME  N  NOTE\n");
});

test("table: widths count terminal cells (CJK wide, accents by grapheme, emoji whole)", () => {
  const out = formatRows(
    [
      { name: "中国北方工业公司", n: 1, note: "x" },
      { name: "Türkiye", n: 2, note: "y" },
      { name: "Ce\u0301sar", n: 3, note: "z" },
    ],
    columns,
    "table",
  );
  const lines = out.trimEnd().split("\n");
  assert.deepEqual(lines, [
    "NAME        N  NOTE",
    "中国北方…   1  x", // 4 wide characters (8 cells) + … (1) = 9, padded to 10
    "Türkiye     2  y",
    "Ce\u0301sar       3  z",
  ]);
  for (const line of lines.slice(1)) assert.equal(displayWidth(line.slice(0, line.search(/\d/))), 12, line);
});

test("truncate never splits a grapheme", () => {
  assert.equal(truncate("🇷🇺🇨🇳🇮🇷", 5), "🇷🇺🇨🇳…");
  assert.equal(truncate("👨‍👩‍👧 family", 4), "👨‍👩‍👧…");
  assert.equal(truncate("e\u0301e\u0301e\u0301e\u0301", 3), "e\u0301e\u0301…");
  assert.equal(truncate("short", 10), "short");
  assert.equal(truncate("abc", 1), "…");
  assert.equal(truncate("abc", 0), "");
  assert.equal(truncate("ab cd", 4), "ab…", "no space before the ellipsis");
});

test("displayWidth", () => {
  const cases: Array<[string, number]> = [
    ["abc", 3],
    ["", 0],
    ["中国", 4],
    ["ＮＯＲＩＮＣＯ", 14],
    ["e\u0301", 1],
    ["🚀", 2],
    ["❤️", 2],
    ["©", 1],
    ["Ростех", 6],
    ["한국", 4],
  ];
  for (const [text, width] of cases) assert.equal(displayWidth(text), width, text);
});

test("csv: RFC 4180 quoting, CRLF line ends, values whole", () => {
  const out = formatRows(
    [
      { name: "plain", n: 1, note: "no quoting needed" },
      { name: "Smith, Jones", n: 2, note: 'he said "no"' },
      { name: "two\nlines", n: null, note: ["a", "b"] },
      { name: "ünïcödé 中国", n: 0, note: "a very long note that a table would truncate" },
    ],
    columns,
    "csv",
  );
  assert.equal(
    out,
    [
      "NAME,N,NOTE",
      "plain,1,no quoting needed",
      '"Smith, Jones",2,"he said ""no"""',
      '"two\nlines",,a; b',
      "ünïcödé 中国,0,a very long note that a table would truncate",
    ].join("\r\n") + "\r\n",
  );
});

test("csv: headers are quoted too when needed", () => {
  assert.equal(formatRows([], [{ key: "a", header: "A, B" }], "csv"), '"A, B"\r\n');
});

test("json: an array of objects with the column keys, missing values null", () => {
  const out = formatRows(
    [
      { name: "Acme", n: 1, note: ["a", "b"], hidden: "not a column" },
      { name: "中国 \"q\"" },
    ],
    columns,
    "json",
  );
  assert.ok(out.endsWith("\n"));
  assert.ok(out.includes('\n  {\n    "name": "Acme"'), "pretty-printed");
  assert.deepEqual(JSON.parse(out), [
    { name: "Acme", n: 1, note: ["a", "b"] },
    { name: "中国 \"q\"", n: null, note: null },
  ]);
  assert.equal(formatRows([], columns, "json"), "[]\n");
});
