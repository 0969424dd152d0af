/**
 * An error a handler raises to answer with a given status. The app's error handler
 * turns it into an RFC 9457 problem; services keep throwing their own errors
 * (`UsageError`, `StoreError`), which the handler maps too.
 */
export class HttpProblem extends Error {
  override name = "HttpProblem";
  readonly status: ProblemStatus;
  constructor(status: ProblemStatus, detail: string) {
    super(detail);
    this.status = status;
  }
}

/** The statuses the API answers with a problem document. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 413 | 415 | 500;
