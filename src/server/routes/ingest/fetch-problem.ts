/**
 * The problem document for a fetch that `POST /api/ingest/url` could not use, with a
 * status that tells whose fault it was: the request (400, 413, 415, 422), the remote
 * server (502) or the clock (504). Built here rather than through `problemResponse`,
 * whose status list holds only the statuses every route shares.
 */
import type { FetchFailure, FetchReportError } from "../../../services/fetch-report-url.ts";
import { safeJsonText } from "../../presenters/json-response.ts";

const STATUSES: Readonly<Record<FetchFailure, readonly [status: number, title: string]>> = {
  "bad-url": [400, "Bad Request"],
  "forbidden-address": [422, "Unprocessable Content"],
  refused: [422, "Unprocessable Content"],
  "too-large": [413, "Content Too Large"],
  "unsupported-type": [415, "Unsupported Media Type"],
  undecodable: [422, "Unprocessable Content"],
  "bad-response": [502, "Bad Gateway"],
  unreachable: [502, "Bad Gateway"],
  timeout: [504, "Gateway Timeout"],
};

/** The statuses `fetchProblemResponse` answers with, for the OpenAPI description. */
export const FETCH_PROBLEM_STATUSES = [...new Set(Object.values(STATUSES).map(([status]) => status))].sort();

export function fetchProblemResponse(error: FetchReportError): Response {
  const [status, title] = STATUSES[error.failure];
  // The operator, not the analyst, decides whether the server may reach its own network; say how.
  const detail = error.failure === "forbidden-address" ? `${error.message}; start the server with --allow-private-fetch to allow it` : error.message;
  return new Response(safeJsonText({ type: "about:blank", title, status, detail }), {
    status,
    headers: { "content-type": "application/problem+json; charset=utf-8" },
  });
}
