/**
 * The web app's client for the REST API: same origin, the analyst's bearer token (if
 * any) from local storage, and problem+json errors turned into one readable message.
 * Shapes are the server's own types, imported as types only.
 */
import type { ClaimReview, ClaimRow, DocumentRow, EntityRow, RelationRow } from "../../src/store/store.ts";
import type { EntityProfile } from "../../src/services/entity-profile.ts";
import type { TimelineEntry } from "../../src/services/entity-timeline.ts";
import type { SearchHit } from "../../src/services/search-entities.ts";
import type { AuditEntry } from "../../src/services/audit-log.ts";
import type { Decision, ScreeningResult, VendorDecision } from "../../src/domain/screening.ts";
import type { InboxAlert } from "../../src/server/routes/alerts/inbox-alerts.ts";
import type { WatchRow } from "../../src/store/store.ts";

export type { AuditEntry, ClaimReview, ClaimRow, Decision, DocumentRow, EntityProfile, EntityRow, InboxAlert, RelationRow, ScreeningResult, SearchHit, TimelineEntry, VendorDecision };

const TOKEN_KEY = "armstrace.token";

export function getToken(): string {
  return localStorage.getItem(TOKEN_KEY) ?? "";
}
export function setToken(token: string): void {
  if (token.trim() === "") localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, token.trim());
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** A body sent as it is, with its own media type (a vendor list file). */
export interface RawBody {
  raw: Blob | string;
  type: string;
}

async function send(method: string, path: string, body: unknown, accept: string): Promise<Response> {
  const headers: Record<string, string> = { accept };
  const token = getToken();
  if (token) headers["authorization"] = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (isRaw(body)) {
    headers["content-type"] = body.type;
    payload = body.raw;
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  return fetch(path, { method, headers, body: payload });
}

function isRaw(body: unknown): body is RawBody {
  return typeof body === "object" && body !== null && "raw" in body && "type" in body;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body, "application/json");
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, `the server answered ${res.status} with something that is not JSON`);
  }
  if (!res.ok) {
    const detail = data && typeof data === "object" && "detail" in data ? String((data as { detail: unknown }).detail) : res.statusText;
    throw new ApiError(res.status, detail);
  }
  return data as T;
}

/** A file the server answers with (a report to save), or its problem as an `ApiError`. */
async function requestFile(method: string, path: string, body: unknown, accept: string): Promise<{ blob: Blob; name: string | undefined }> {
  const res = await send(method, path, body, `${accept}, application/problem+json`);
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const data = (await res.json()) as { detail?: unknown };
      if (data.detail !== undefined) detail = String(data.detail);
    } catch {
      // not a problem document: the status text says enough
    }
    throw new ApiError(res.status, detail);
  }
  const disposition = res.headers.get("content-disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1];
  return { blob: await res.blob(), name };
}

export interface RelationDetail {
  relation: RelationRow | null;
  claims: ClaimRow[];
}
export interface DocumentDetail extends DocumentRow {
  claims: ClaimRow[];
}
export interface ReviewOutcome {
  review: ClaimReview;
  claim: ClaimRow;
  relations: RelationRow[];
}
export interface IngestResult {
  status: "added" | "duplicate";
  documentId: number;
  claims: ClaimRow[];
}
export interface FileIngestResult {
  files: Array<{ name: string; status: "added" | "duplicate" | "failed"; documentId?: number; claims?: ClaimRow[] | number; error?: string }>;
}
export interface Screening {
  results: ScreeningResult[];
  warnings: string[];
}
export interface DecisionOutcome {
  decision: VendorDecision;
  screening: ScreeningResult;
  watch: WatchRow | null;
}
/** A vendor list as the server reads it: the file's bytes with a media type, and its name. */
export interface VendorListUpload {
  body: RawBody;
  name: string;
}

/** The media type the server reads a vendor list file by; browsers often give none for .jsonl. */
export function vendorListUpload(raw: Blob | string, name: string): VendorListUpload {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const type =
    ext === "xlsx"
      ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      : ext === "jsonl" || ext === "ndjson"
        ? "application/x-ndjson"
        : ext === "csv" || ext === "tsv" || ext === "txt"
          ? "text/csv"
          : "application/octet-stream";
  return { body: { raw, type }, name };
}

export interface ReviewRequest {
  verdict: "accept" | "reject" | "correct";
  stance?: "asserted" | "hedged" | "denied";
  supplier?: string | number;
  recipient?: string | number;
  items?: string[];
  reason?: string;
}

const q = encodeURIComponent;
export const api = {
  search: (text: string) => request<{ items: SearchHit[] }>("GET", `/api/search?q=${q(text)}&limit=20`),
  entity: (id: number) => request<EntityProfile>("GET", `/api/entities/${id}`),
  timeline: (id: number) => request<{ items: TimelineEntry[]; total: number }>("GET", `/api/entities/${id}/timeline?limit=100`),
  topRelations: () => request<{ items: RelationRow[] }>("GET", `/api/relations?limit=12`),
  relation: (s: number, r: number) => request<RelationDetail>("GET", `/api/relations/${s}/${r}`),
  document: (id: number) => request<DocumentDetail>("GET", `/api/documents/${id}`),
  queue: () => request<{ items: ClaimRow[] }>("GET", `/api/review-queue?limit=50`),
  claim: (id: number) => request<{ claim: ClaimRow; reviews: ClaimReview[] }>("GET", `/api/claims/${id}`),
  review: (claimId: number, body: ReviewRequest) => request<ReviewOutcome>("POST", `/api/claims/${claimId}/review`, body),
  revokeReview: (id: number) => request<ReviewOutcome>("POST", `/api/claim-reviews/${id}/revoke`, {}),
  judge: (body: { kind: "merge" | "split"; a: string | number; b: string | number; reason?: string }) => request<unknown>("POST", "/api/judgements", body),
  revokeJudgement: (id: number) => request<unknown>("POST", `/api/judgements/${id}/revoke`, {}),
  audit: () => request<{ items: AuditEntry[] }>("GET", "/api/audit"),
  ingestText: (body: { text: string; title?: string; publisher?: string; published?: string; url?: string }) => request<IngestResult>("POST", "/api/ingest", body),
  ingestUrl: (url: string) => request<IngestResult>("POST", "/api/ingest/url", { url }),
  ingestFiles: (files: FileList) => {
    const form = new FormData();
    for (const f of Array.from(files)) form.append("file", f);
    return request<FileIngestResult>("POST", "/api/ingest/files", form);
  },
  screen: (list: VendorListUpload) => request<Screening>("POST", `/api/screenings?name=${q(list.name)}`, list.body),
  screeningReport: (list: VendorListUpload, format: "html" | "pdf") =>
    requestFile("POST", `/api/screenings?format=${format}&name=${q(list.name)}`, list.body, format === "html" ? "text/html" : "application/pdf"),
  decide: (body: { vendor: string; country?: string | null; decision: Decision; reason: string }) => request<DecisionOutcome>("POST", "/api/decisions", body),
  alerts: (opts: { unread?: boolean; limit?: number } = {}) =>
    request<{ items: InboxAlert[] }>("GET", `/api/alerts?limit=${opts.limit ?? 100}${opts.unread === undefined ? "" : `&unread=${String(opts.unread)}`}`),
  markAlertsRead: (ids: number[]) => request<{ marked: number }>("POST", "/api/alerts/read", { ids }),
};
