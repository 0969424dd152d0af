/** The ingest routes' part of the OpenAPI document (merged into `OPENAPI_DOCUMENT.paths`). */
export const INGEST_OPENAPI_PATHS = {} as const;
