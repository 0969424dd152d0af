/**
 * Screens a vendor list against the evidence graph: uploaded as the file a compliance
 * team keeps (CSV, XLSX, JSON Lines) or sent as JSON, answered as JSON in input order
 * or as the HTML or PDF report to file. Nothing is stored: screening only reads.
 */
import { Hono } from "hono";
import type { Vendor } from "../../../domain/screening.ts";
import { InputError } from "../../../pipeline/normalize/index.ts";
import { countryCode, readVendorList, vendorListFormat, type VendorList } from "../../../services/screening/read-vendor-list.ts";
import { renderScreeningHtml, type ReportMeta } from "../../../services/screening/render-screening-html.ts";
import { renderScreeningPdf } from "../../../services/screening/render-screening-pdf.ts";
import { screenVendors } from "../../../services/screening/screen-vendors.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { HttpProblem } from "../../http-problem.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { readJsonBody } from "../../read-json-body.ts";
import { queryOf, validate } from "../../validate.ts";
import { screeningQuery, UPLOAD_TYPES, vendorsBody } from "./schema.ts";

export function screeningsRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>().post("/screenings", async (c) => {
    const query = validate(screeningQuery, queryOf(c.req.url), "query");
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const listName = query.name ?? (type === "application/json" ? "vendors.json" : "vendor list");
    let list: VendorList;
    if (type === "application/json") list = jsonVendorList(validate(vendorsBody, await readJsonBody(c.req.raw), "body"));
    else {
      const format = UPLOAD_TYPES[type] ?? (type === "application/octet-stream" && query.name !== undefined ? vendorListFormat(query.name) : undefined);
      if (format === undefined) {
        throw new HttpProblem(
          415,
          `send the vendor list as text/csv, application/x-ndjson, application/jsonl or an .xlsx workbook (${XLSX}), ` +
            `as application/octet-stream with ?name= ending in .csv, .xlsx or .jsonl, or as JSON {"vendors": [...]}; got ${type === "" ? "no Content-Type" : type}`,
        );
      }
      try {
        list = readVendorList(new Uint8Array(await c.req.arrayBuffer()), listName, format);
      } catch (error) {
        if (error instanceof InputError) throw new HttpProblem(400, error.message);
        throw error;
      }
    }
    const results = await screenVendors(store, list.vendors);
    if (query.format === "json") return jsonResponse({ results, warnings: list.warnings });
    const meta: ReportMeta = {
      generatedAt: new Date().toISOString(),
      store: `armstrace at ${new URL(c.req.url).host}`,
      listName,
      ...(c.get("caller") === undefined ? {} : { generatedBy: c.get("caller")!.name }),
    };
    return query.format === "html"
      ? report(renderScreeningHtml(results, meta), "text/html; charset=utf-8", listName, "html")
      : report(await renderScreeningPdf(results, meta), "application/pdf", listName, "pdf");
  });
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Vendors sent as JSON, checked as a list's rows are: a country we do not know is left out and reported. */
function jsonVendorList(body: { vendors: Array<{ name: string; country?: string | null | undefined; website?: string | null | undefined; identifiers?: string[] | undefined }> }): VendorList {
  const warnings: string[] = [];
  const vendors = body.vendors.map((v, i): Vendor => {
    const line = i + 1;
    const given = v.country ?? "";
    const country = given === "" ? null : countryCode(given);
    if (given !== "" && country === null) warnings.push(`vendor ${line}: country "${given}" not recognised, screened without it`);
    return { name: v.name, country, website: v.website || null, identifiers: v.identifiers ?? [], line };
  });
  return { vendors, warnings };
}

/** A report as a download named after the list ("suppliers.csv" → "suppliers-screening.pdf"). */
function report(body: string | Buffer, type: string, listName: string, ext: string): Response {
  const stem = listName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "vendors";
  const name = `${stem}-screening.${ext}`;
  // An ASCII name for every client, the exact one (RFC 6266) for those that read filename*.
  const ascii = name.replace(/[^\w.-]+/g, "_");
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
}
