import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as XLSX from "@e965/xlsx";
import type { Vendor } from "../../domain/screening.ts";
import { InputError } from "../../pipeline/normalize/index.ts";
import { countryCode, readVendorList, vendorListFormat, type VendorListFormat } from "./read-vendor-list.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

function read(source: string | Uint8Array, label = "vendors.csv", format?: VendorListFormat) {
  return readVendorList(typeof source === "string" ? utf8(source) : source, label, format);
}

/** The vendors as [name, country, website, identifiers, line], for compact tables. */
function rows(vendors: readonly Vendor[]): Array<[string, string | null, string | null, string[], number]> {
  return vendors.map((v) => [v.name, v.country, v.website, v.identifiers, v.line]);
}

/** Asserts that reading fails with an `InputError` with exactly this message (or one matching it). */
function assertInputError(fn: () => unknown, message: string | RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof InputError, `expected InputError, got ${String(error)}`);
    if (typeof message === "string") assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

function workbook(table: unknown[][] | XLSX.WorkSheet): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, Array.isArray(table) ? XLSX.utils.aoa_to_sheet(table) : table, "Vendors");
  return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

describe("vendorListFormat", () => {
  const cases: Array<[string, VendorListFormat | undefined]> = [
    ["vendors.csv", "csv"],
    ["VENDORS.CSV", "csv"],
    ["export.tsv", "csv"],
    ["list.txt", "csv"],
    ["book.xlsx", "xlsx"],
    ["Book.XLSX", "xlsx"],
    ["feed.jsonl", "jsonl"],
    ["feed.ndjson", "jsonl"],
    ["old.xls", undefined],
    ["vendors.json", undefined],
    ["vendors", undefined],
    ["archive.csv.gz", undefined],
    ["", undefined],
  ];
  for (const [name, format] of cases) {
    test(`${JSON.stringify(name)} → ${String(format)}`, () => assert.equal(vendorListFormat(name), format));
  }
});

describe("countryCode", () => {
  const cases: Array<[string, string | null]> = [
    ["DE", "DE"],
    ["de", "DE"],
    ["DEU", "DE"],
    ["Germany", "DE"],
    ["  germany ", "DE"],
    ["Германия", "DE"],
    ["德国", "DE"],
    ["Россия", "RU"],
    ["Russian Federation", "RU"],
    ["中国", "CN"],
    ["Китай", "CN"],
    ["CHN", "CN"],
    ["Ruritania", null],
    ["XX", null],
  ];
  for (const [value, code] of cases) {
    test(`${JSON.stringify(value)} → ${String(code)}`, () => assert.equal(countryCode(value), code));
  }
});

describe("readVendorList: CSV", () => {
  test("columns by header, whatever their order, case and spacing", () => {
    const list = read("Website, COUNTRY ,Name,Identifiers\nhttps://acme.example,DE,Acme GmbH,HRB 1234\n");
    assert.deepEqual(rows(list.vendors), [["Acme GmbH", "DE", "https://acme.example", ["HRB 1234"], 2]]);
    assert.deepEqual(list.warnings, []);
  });

  test("quoted fields hold commas, doubled quotes and line breaks, and lines count inside them", () => {
    const csv = [
      "name,country,website",
      '"Acme, Inc.",US,',
      '"The ""Best"" Optics",FR,"https://best.example"',
      '"Two',
      'Lines Ltd",GB,',
      "Plain Co,DE,",
    ].join("\n");
    assert.deepEqual(rows(read(csv).vendors), [
      ["Acme, Inc.", "US", null, [], 2],
      ['The "Best" Optics', "FR", "https://best.example", [], 3],
      ["Two\nLines Ltd", "GB", null, [], 4],
      ["Plain Co", "DE", null, [], 6],
    ]);
  });

  test("a quote inside an unquoted field is kept as written", () => {
    assert.deepEqual(read('name,identifiers\nPipes 5" Ltd,X1\n').vendors.map((v) => v.name), ['Pipes 5" Ltd']);
  });

  const delimited: Array<[string, string]> = [
    ["semicolon", "Name;Country;Website\nAcme, Inc.;DE;acme.example\nBeta;FR;\n"],
    ["tab", "Name\tCountry\tWebsite\nAcme, Inc.\tDE\tacme.example\nBeta\tFR\t\n"],
    ["comma, CRLF", 'Name,Country,Website\r\n"Acme, Inc.",DE,acme.example\r\nBeta,FR,\r\n'],
    ["comma, UTF-8 BOM", '\uFEFFName,Country,Website\n"Acme, Inc.",DE,acme.example\nBeta,FR,\n'],
    ["semicolon, BOM and CRLF", "\uFEFFname;country;website\r\nAcme, Inc.;DE;acme.example\r\nBeta;FR;\r\n"],
    ["semicolon after blank lines", "\n\nName;Country;Website\nAcme, Inc.;DE;acme.example\nBeta;FR;\n"],
  ];
  for (const [what, csv] of delimited) {
    test(`${what} separated`, () => {
      const offset = what.includes("blank lines") ? 2 : 0;
      assert.deepEqual(rows(read(csv).vendors), [
        ["Acme, Inc.", "DE", "acme.example", [], 2 + offset],
        ["Beta", "FR", null, [], 3 + offset],
      ]);
    });
  }

  test("countries as ISO2, alpha-3, English, Russian and Chinese names; an unknown one is left out with a warning", () => {
    const csv = ["name,country", "A,de", "B,RUS", "C,China", "D,Россия", "E,德国", "F,Ruritania", "G,"].join("\n");
    const list = read(csv);
    assert.deepEqual(
      list.vendors.map((v) => [v.name, v.country]),
      [["A", "DE"], ["B", "RU"], ["C", "CN"], ["D", "RU"], ["E", "DE"], ["F", null], ["G", null]],
    );
    assert.deepEqual(list.warnings, ['line 7: country "Ruritania" not recognised, screened without it']);
  });

  test("identifiers split on ; | and , with blanks dropped", () => {
    const csv = 'name,identifiers\nA,"LEI 5493; DE123 | HRB 9, VAT 7"\nB,\nC," ;; | "\n';
    assert.deepEqual(read(csv).vendors.map((v) => v.identifiers), [["LEI 5493", "DE123", "HRB 9", "VAT 7"], [], []]);
  });

  test("names and fields are trimmed; missing trailing fields read as empty", () => {
    assert.deepEqual(rows(read("name,country,website\n  Acme  ,  DE  \n").vendors), [["Acme", "DE", null, [], 2]]);
  });

  test("empty rows, trailing or between, are skipped", () => {
    const list = read("name,country\nAcme,DE\n\n,\n  ,  \nBeta,FR\n,\n\n\n");
    assert.deepEqual(list.vendors.map((v) => [v.name, v.line]), [["Acme", 2], ["Beta", 6]]);
  });

  test("extra empty fields beyond the header are tolerated", () => {
    assert.deepEqual(read("name,country\nAcme,DE,,\n").vendors.map((v) => v.name), ["Acme"]);
  });

  const failures: Array<[string, string, string]> = [
    ["a row with fields but no name", "name,country\nAcme,DE\n,FR\n", "vendors.csv: line 3 has no name"],
    ["a row whose name is blank", "name,country\nAcme,DE\n   ,FR\n", "vendors.csv: line 3 has no name"],
    ["no name column", "Company Name, Country \nAcme,DE\n", 'vendors.csv has no "name" column (columns: Company Name, Country)'],
    ["a quote that never closes", 'name,country\nAcme,DE\n"Beta,FR\nGamma,GB\n', "vendors.csv: line 3 opens a quote that never closes"],
    ["too many fields", "name,country\nAcme,DE\nBeta, Inc.,FR\n", "vendors.csv: line 3 has 3 fields, the header 2"],
    ["only a header", "name,country\n", "vendors.csv lists no vendors"],
    ["only empty rows", "name,country\n,\n\n", "vendors.csv lists no vendors"],
    ["whitespace only", " \n\n\t\n", "vendors.csv is empty"],
    ["nothing at all", "", "vendors.csv is empty"],
  ];
  for (const [what, csv, message] of failures) {
    test(`${what} is an InputError naming the file and line`, () => assertInputError(() => read(csv), message));
  }

  test("a line number after a quoted line break counts the break", () => {
    assertInputError(() => read('name,country\n"Multi\nline",DE\n,FR\n'), "vendors.csv: line 4 has no name");
  });
});

describe("readVendorList: JSON Lines", () => {
  test("objects with any key case, arrays as identifiers, blank lines skipped", () => {
    const jsonl = [
      '{"Name": "Acme GmbH", "Country": "Germany", "website": "https://acme.example", "identifiers": ["HRB 1234", "LEI 5493"]}',
      "",
      '{"name": "Рособоронэкспорт", "country": "Россия", "identifiers": "A1; B2"}',
      '{"name": "中国北方工业公司", "country": "中国", "website": null}',
      "   ",
    ].join("\r\n");
    const list = read(jsonl, "vendors.jsonl");
    assert.deepEqual(rows(list.vendors), [
      ["Acme GmbH", "DE", "https://acme.example", ["HRB 1234", "LEI 5493"], 1],
      ["Рособоронэкспорт", "RU", null, ["A1", "B2"], 3],
      ["中国北方工业公司", "CN", null, [], 4],
    ]);
    assert.deepEqual(list.warnings, []);
  });

  test("an unknown country is a warning with the line", () => {
    const list = read('{"name": "A"}\n{"name": "B", "country": "Atlantis"}\n', "v.ndjson");
    assert.deepEqual(list.vendors.map((v) => v.country), [null, null]);
    assert.deepEqual(list.warnings, ['line 2: country "Atlantis" not recognised, screened without it']);
  });

  const failures: Array<[string, string, string | RegExp]> = [
    ["a broken line", '{"name": "A"}\n{"name": "B",\n', /^v\.jsonl: line 2 is not valid JSON \(.+\)$/],
    ["an array line", '{"name": "A"}\n["B", "FR"]\n', "v.jsonl: line 2 is not a JSON object"],
    ["a string line", '"A"\n', "v.jsonl: line 1 is not a JSON object"],
    ["a null line", '{"name": "A"}\n\nnull\n', "v.jsonl: line 3 is not a JSON object"],
    ["an object without a name", '{"name": "A"}\n{"country": "FR"}\n', 'v.jsonl: line 2 has no "name"'],
    ["an object with an empty name", '{"name": "", "country": "FR"}\n', "v.jsonl: line 1 has no name"],
  ];
  for (const [what, jsonl, message] of failures) {
    test(`${what} is an InputError naming the file and line`, () => assertInputError(() => read(jsonl, "v.jsonl"), message));
  }
});

describe("readVendorList: Excel workbooks", () => {
  test("the first sheet's rows, in Cyrillic and Chinese, with their row numbers", () => {
    const bytes = workbook([
      ["Name", " Country ", "Website", "Identifiers"],
      ["Рособоронэкспорт", "Россия", "", "ИНН 7718852163"],
      ["中国北方工业公司", "中国", "https://norinco.example", "LEI 1; LEI 2"],
      ["", "", "", ""],
      ["Acme GmbH", "DEU", "", 12345],
      ["", "", "", ""],
    ]);
    const list = read(bytes, "vendors.xlsx");
    assert.deepEqual(rows(list.vendors), [
      ["Рособоронэкспорт", "RU", null, ["ИНН 7718852163"], 2],
      ["中国北方工业公司", "CN", "https://norinco.example", ["LEI 1", "LEI 2"], 3],
      ["Acme GmbH", "DE", null, ["12345"], 5],
    ]);
  });

  test("a plain Uint8Array (as an upload arrives) reads the same as a Buffer", () => {
    const bytes = workbook([["name"], ["Acme"]]);
    assert.deepEqual(read(new Uint8Array(bytes), "upload.xlsx").vendors.map((v) => v.name), ["Acme"]);
  });

  test("row numbers are the sheet's own when its used range starts below row 1", () => {
    // Excel writes the used range, so with rows 1 and 2 empty the table starts at row 3.
    const text = (v: string): XLSX.CellObject => ({ t: "s", v });
    const sheet: XLSX.WorkSheet = { "!ref": "A3:B5", A3: text("name"), B3: text("country"), A4: text("Acme"), B4: text("DE"), B5: text("FR") };
    const bytes = workbook(sheet);
    assertInputError(() => read(bytes, "moved.xlsx"), "moved.xlsx: line 5 has no name");
  });

  test("empty rows above the header are skipped", () => {
    const bytes = workbook([[], ["", ""], ["Name", "Country"], ["Acme", "FR"]]);
    assert.deepEqual(rows(read(bytes, "gap.xlsx").vendors), [["Acme", "FR", null, [], 4]]);
  });

  test("a row with fields but no name names its row", () => {
    assertInputError(() => read(workbook([["name", "country"], ["Acme", "DE"], ["", "FR"]]), "book.xlsx"), "book.xlsx: line 3 has no name");
  });

  test("a sheet without a name column lists its columns", () => {
    assertInputError(() => read(workbook([["Vendor", "Land"], ["Acme", "DE"]]), "book.xlsx"), 'book.xlsx has no "name" column (columns: Vendor, Land)');
  });

  test("an empty sheet is empty", () => {
    assertInputError(() => read(workbook([]), "book.xlsx"), "book.xlsx is empty");
  });

  test("a workbook is recognised by its bytes when the name says nothing", () => {
    assert.deepEqual(read(workbook([["name"], ["Acme"]]), "upload-7f3a").vendors.map((v) => v.name), ["Acme"]);
  });

  const broken: Array<[string, Uint8Array, string, string]> = [
    ["a truncated zip", workbook([["name"], ["Acme"]]).subarray(0, 300), "book.xlsx", "book.xlsx is not a readable Excel workbook (Unsupported ZIP file)"],
    ["zip-like bytes without a name", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "upload", "upload is not a readable Excel workbook (Unsupported ZIP file)"],
    ["text named .xlsx", utf8("name\nAcme\n"), "book.xlsx", "book.xlsx is not a readable Excel workbook (it is not an .xlsx or .xls file)"],
    ["binary named .xlsx", new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 7, 8]), "book.xlsx", "book.xlsx is not a readable Excel workbook (it is not an .xlsx or .xls file)"],
    ["an empty file named .xlsx", new Uint8Array(), "book.xlsx", "book.xlsx is empty"],
  ];
  for (const [what, bytes, label, message] of broken) {
    test(`${what} is an InputError`, () => assertInputError(() => read(bytes, label), message));
  }
});

describe("readVendorList: bytes that are no vendor list", () => {
  const cases: Array<[string, Uint8Array, string, string]> = [
    ["binary", new Uint8Array([0x00, 0x13, 0x37, 0x00, 0xde, 0xad, 0xbe, 0xef]), "vendors.csv", "vendors.csv looks binary, not a CSV or JSON Lines vendor list"],
    ["binary without a name", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), "upload", "upload looks binary, not a CSV or JSON Lines vendor list"],
    ["UTF-16 LE", new Uint8Array([0xff, 0xfe, 0x6e, 0x00, 0x61, 0x00]), "vendors.csv", "vendors.csv is not valid UTF-8 (it looks like UTF-16; save it as UTF-8)"],
    ["UTF-16 BE", new Uint8Array([0xfe, 0xff, 0x00, 0x6e, 0x00, 0x61]), "vendors.jsonl", "vendors.jsonl is not valid UTF-8 (it looks like UTF-16; save it as UTF-8)"],
    ["Latin-1", new Uint8Array([...utf8("name\nM"), 0xfc, ...utf8("ller AG\n")]), "vendors.csv", "vendors.csv is not valid UTF-8 (first bad byte at offset 6)"],
    ["empty", new Uint8Array(), "vendors.csv", "vendors.csv is empty"],
    ["empty without a name", new Uint8Array(), "upload", "upload is empty"],
  ];
  for (const [what, bytes, label, message] of cases) {
    test(`${what} is an InputError`, () => assertInputError(() => read(bytes, label), message));
  }
});

describe("readVendorList: format", () => {
  test("sniffed from the bytes when the name has no known extension", () => {
    const jsonl = read('\uFEFF\n  {"name": "Acme", "country": "DE"}\n', "upload");
    assert.deepEqual(rows(jsonl.vendors), [["Acme", "DE", null, [], 2]]);
    const csv = read("name;country\nAcme;DE\n", "vendors.dat");
    assert.deepEqual(rows(csv.vendors), [["Acme", "DE", null, [], 2]]);
  });

  test("an explicit format wins over the name", () => {
    assert.deepEqual(read('{"name": "Acme"}\n', "list.csv", "jsonl").vendors.map((v) => v.name), ["Acme"]);
    assert.deepEqual(read("name\nAcme\n", "list.jsonl", "csv").vendors.map((v) => v.name), ["Acme"]);
    assertInputError(() => read("name\nAcme\n", "list.csv", "xlsx"), "list.csv is not a readable Excel workbook (it is not an .xlsx or .xls file)");
  });

  test("the name's extension wins over sniffing", () => {
    assertInputError(() => read('{"name": "Acme"}\n', "list.csv"), 'list.csv has no "name" column (columns: {"name": "Acme"})');
  });
});
