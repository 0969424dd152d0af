import path from "node:path";

/**
 * The id a report gets when its source names none: the file name without its
 * extension, so `reports/2024/sipri-brief.md` becomes `sipri-brief`. Stdin has no
 * name, so its reports are `stdin`.
 */
export function reportIdFromOrigin(origin: string): string {
  if (origin === "stdin") return "stdin";
  const base = path.basename(origin);
  const extension = path.extname(base);
  return extension === "" ? base : base.slice(0, -extension.length);
}
