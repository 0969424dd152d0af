import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import type { ScreeningResult } from "../../../domain/screening.ts";
import { apiFixture, NORINCO_REPORT, type ApiFixture } from "../../api-fixture.ts";

type SheetJs = typeof import("@e965/xlsx");
const xlsx = createRequire(import.meta.url)("@e965/xlsx") as SheetJs;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Answer {
  results: ScreeningResult[];
  warnings: string[];
}

async function expectProblem(res: Response, status: number, detail: RegExp): Promise<void> {
  assert.equal(res.status, status, await res.clone().text());
  assert.match(res.headers.get("content-type") ?? "", /^application\/problem\+json/);
  assert.match(((await res.json()) as { detail: string }).detail, detail);
}

const CSV = "name,country\nXiamen Airlines,CN\nNorinco,CN\nAcme Tools GmbH,Ruritania\n";

describe("POST /api/screenings", () => {
  let api: ApiFixture;
  before(async () => {
    api = await apiFixture({ maxBodyBytes: 64 * 1024 });
    assert.equal((await api.post("/api/ingest", NORINCO_REPORT, api.tokens.analyst)).status, 201);
  });
  after(async () => api.close());

  const send = async (body: BodyInit, type: string | undefined, query = "", token: string | null = api.tokens.viewer): Promise<Response> =>
    api.app.request(`/api/screenings${query}`, {
      method: "POST",
      headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(type === undefined ? {} : { "content-type": type }) },
      body,
    });
  const screened = async (res: Response): Promise<Answer> => {
    assert.equal(res.status, 200, await res.clone().text());
    assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
    return (await res.json()) as Answer;
  };

  test("a viewer screens an uploaded CSV: input order, the implicated firm flagged, the look-alike clear, unknown countries reported", async () => {
    const { results, warnings } = await screened(await send(CSV, "text/csv", "?name=suppliers.csv"));
    assert.deepEqual(results.map((r) => r.vendor.name), ["Xiamen Airlines", "Norinco", "Acme Tools GmbH"]);
    const [airline, norinco, acme] = results;
    assert.equal(norinco?.flagged, true);
    assert.equal(norinco?.tier, "high");
    assert.equal(norinco?.rule.id, "R1-credible-supplier");
    assert.equal(norinco?.matches[0]?.strength, "strong");
    assert.equal(norinco?.evidence[0]?.recipient, "Myanmar");
    assert.match(norinco?.evidence[0]?.quote?.text ?? "", /Norinco supplied assault rifles/);
    assert.equal(airline?.flagged, false);
    assert.equal(airline?.tier, "clear");
    assert.equal(acme?.vendor.country, null);
    assert.deepEqual(warnings, ['line 4: country "Ruritania" not recognised, screened without it']);
  });

  test("the same vendors as JSON come back in the order given", async () => {
    const vendors = [{ name: "Acme Tools GmbH" }, { name: "Norinco", country: "China" }, { name: "Xiamen Airlines", country: "CN", website: "https://www.xiamenair.com", identifiers: ["LEI-1"] }];
    const { results, warnings } = await screened(await api.post("/api/screenings", { vendors }, api.tokens.viewer));
    assert.deepEqual(results.map((r) => [r.vendor.name, r.vendor.line, r.tier]), [["Acme Tools GmbH", 1, "clear"], ["Norinco", 2, "high"], ["Xiamen Airlines", 3, "clear"]]);
    assert.equal(results[1]?.vendor.country, "CN", "country names are read as codes");
    assert.deepEqual(results[2]?.vendor.identifiers, ["LEI-1"]);
    assert.deepEqual(warnings, []);
    const unknown = await screened(await api.post("/api/screenings", { vendors: [{ name: "Norinco", country: "Ruritania" }] }, api.tokens.viewer));
    assert.deepEqual(unknown.warnings, ['vendor 1: country "Ruritania" not recognised, screened without it']);
  });

  test("JSON Lines and XLSX uploads are read by their media type, and an octet stream by its file name", async () => {
    const lines = `${JSON.stringify({ name: "Norinco", country: "CN" })}\n${JSON.stringify({ name: "Xiamen Airlines" })}\n`;
    for (const type of ["application/x-ndjson", "application/jsonl"]) {
      const { results } = await screened(await send(lines, type));
      assert.deepEqual(results.map((r) => r.tier), ["high", "clear"], type);
    }
    const byName = await screened(await send(lines, "application/octet-stream", "?name=vendors.jsonl"));
    assert.deepEqual(byName.results.map((r) => r.vendor.name), ["Norinco", "Xiamen Airlines"]);

    const book = xlsx.utils.book_new();
    xlsx.utils.book_append_sheet(book, xlsx.utils.aoa_to_sheet([["Name", "Country"], ["Xiamen Airlines", "CN"], ["Norinco", "CN"]]), "Vendors");
    const bytes = new Uint8Array(xlsx.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer);
    const sheet = await screened(await send(bytes, XLSX_TYPE, "?name=vendors.xlsx"));
    assert.deepEqual(sheet.results.map((r) => [r.vendor.name, r.vendor.line, r.tier]), [["Xiamen Airlines", 2, "clear"], ["Norinco", 3, "high"]]);
  });

  test("format=html is the report as an attachment, with names from the list escaped", async () => {
    const res = await send('name\n"<script>alert(1)</script> Trading"\nNorinco\n', "text/csv", "?format=html&name=q1%20suppliers.csv");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
    assert.equal(res.headers.get("content-disposition"), `attachment; filename="q1_suppliers-screening.html"; filename*=UTF-8''q1%20suppliers-screening.html`);
    const html = await res.text();
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /q1 suppliers\.csv/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; Trading/);
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /Norinco/);
  });

  test("format=pdf is the PDF report as an attachment", async () => {
    const res = await send("name\nNorinco\n", "text/csv", "?format=pdf");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/pdf");
    assert.match(res.headers.get("content-disposition") ?? "", /^attachment; filename="vendor_list-screening\.pdf"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
  });

  test("lists that cannot be read are 400 with the reader's message, naming the list and line", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await expectProblem(await send(png, "text/csv", "?name=logo.csv"), 400, /^logo\.csv looks binary, not a CSV or JSON Lines vendor list/);
    await expectProblem(await send("company,country\nNorinco,CN\n", "text/csv", "?name=v.csv"), 400, /^v\.csv has no "name" column \(columns: company, country\)/);
    await expectProblem(await send("name,country\nNorinco,CN\n,DE\n", "text/csv", "?name=v.csv"), 400, /v\.csv: line 3 has no name/);
    await expectProblem(await send('{"name": "Norinco"}\n{"name": \n', "application/x-ndjson", "?name=v.jsonl"), 400, /v\.jsonl: line 2 is not valid JSON/);
    await expectProblem(await send("name\nNorinco\n", XLSX_TYPE, "?name=v.xlsx"), 400, /v\.xlsx is not a readable Excel workbook/);
    await expectProblem(await send("", "text/csv"), 400, /vendor list is empty/);
  });

  test("unknown media types are 415, unknown formats and bad JSON bodies 400", async () => {
    await expectProblem(await send("<vendors/>", "application/xml"), 415, /text\/csv.*got application\/xml/);
    await expectProblem(await send("name\nNorinco\n", undefined), 415, /no Content-Type|got text\/plain/);
    await expectProblem(await send("name\nNorinco\n", "application/octet-stream", "?name=vendors.pdf"), 415, /octet-stream/);
    await expectProblem(await send(CSV, "text/csv", "?format=xml"), 400, /format: must be one of json, html, pdf/);
    await expectProblem(await api.post("/api/screenings", { vendors: [] }, api.tokens.viewer), 400, /vendors: must list at least one vendor/);
    await expectProblem(await api.post("/api/screenings", { vendors: [{ name: "  " }] }, api.tokens.viewer), 400, /vendors\.0\.name: must not be empty/);
    await expectProblem(await api.post("/api/screenings", [{ name: "Norinco" }], api.tokens.viewer), 400, /invalid body/);
  });

  test("a list over the body limit is 413", async () => {
    await expectProblem(await send(`name\n${"Acme Tools GmbH\n".repeat(5000)}`, "text/csv"), 413, /larger than 65536 bytes/);
  });

  test("screening needs a token, even when reads are open to anyone", async () => {
    const open = await apiFixture({ allowAnonymousReads: true });
    try {
      const res = await open.app.request("/api/screenings", { method: "POST", headers: { "content-type": "text/csv" }, body: CSV });
      await expectProblem(res, 401, /bearer token/);
      assert.equal(res.headers.get("www-authenticate"), 'Bearer realm="armstrace"');
      assert.equal((await open.get("/api/relations")).status, 200, "the evidence graph stays open");
    } finally {
      await open.close();
    }
    await expectProblem(await send(CSV, "text/csv", "", "atr_not-a-token"), 401, /not valid/);
    await expectProblem(await send(CSV, "text/csv", "", null), 401, /bearer token/);
  });
});
