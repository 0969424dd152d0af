/**
 * Error classes that cross layer boundaries. The CLI and server map them to an exit
 * code or HTTP status and print only the message, so each message must make sense
 * to a user on its own, without a stack trace.
 */

/** The caller asked for something malformed (an unknown stance, a bad limit); fix the input. */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * The store could not do what was asked: the file is not an armstrace database, its
 * schema is newer than this build, or a report's data was inconsistent and nothing
 * of it was written. The original driver error, if any, is kept as `cause`.
 */
export class StoreError extends Error {
  override name = "StoreError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
