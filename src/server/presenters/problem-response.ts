/**
 * Error answers as RFC 9457 problem documents (`application/problem+json`), so every
 * client reads one shape: `type`, `title`, `status`, `detail`. The type is
 * "about:blank" because the title is the HTTP status phrase and the detail says what
 * went wrong; no extra problem registry is needed.
 */
import type { ProblemStatus } from "../http-problem.ts";
import { safeJsonText } from "./json-response.ts";

export const PROBLEM_TITLES: Readonly<Record<ProblemStatus, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
};

export interface ProblemDocument {
  type: string;
  title: string;
  status: ProblemStatus;
  detail: string;
}

export function problemResponse(status: ProblemStatus, detail: string, headers: Record<string, string> = {}): Response {
  const body: ProblemDocument = { type: "about:blank", title: PROBLEM_TITLES[status], status, detail };
  return new Response(safeJsonText(body), {
    status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...headers },
  });
}
