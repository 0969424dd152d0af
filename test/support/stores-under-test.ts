/**
 * Which storage backends a test run covers: the comma-separated `STORES` variable
 * ("sqlite,postgres"), SQLite alone when it is unset, so a plain run needs no server.
 */
export function storesUnderTest(): string[] {
  const stores = process.env["STORES"];
  if (stores === undefined || stores.trim() === "") return ["sqlite"];
  return stores.split(",").map((s) => s.trim().toLowerCase()).filter((s) => s !== "");
}
