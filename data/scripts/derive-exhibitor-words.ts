/**
 * Maintenance script (not part of build-all): refreshes `englishWords` in
 * data/curated/exhibitor-filters.json with the lower-case English dictionary
 * words (Debian's wamerican list, /usr/share/dict/words) that occur as tokens of
 * arms-fair exhibitor names, so that build-organizations.ts can tell generic
 * names ("Advanced Solutions") from distinctive ones without the dictionary.
 *
 *   apt-get install wamerican && node --import tsx data/scripts/derive-exhibitor-words.ts
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { byCodeUnit, CURATED_DIR, foldKey, parseCsv, readText, sharedPath, stringifyStable } from "./lib.ts";

const DICT = "/usr/share/dict/words";

function main(): void {
  if (!existsSync(DICT)) throw new Error(`${DICT} not found: apt-get install wamerican`);
  const dict = new Set(
    readFileSync(DICT, "utf8")
      .split("\n")
      .map((w) => w.trim())
      .filter((w) => w !== "" && w === w.toLowerCase() && !w.includes("'")),
  );
  const path = join(CURATED_DIR, "exhibitor-filters.json");
  const filters = JSON.parse(readFileSync(path, "utf8")) as { minEvents: number; englishWords: string[] };
  const rows = parseCsv(readText(sharedPath("arms-fair-exhibitors", "exhibitors.csv")));
  const found = new Set<string>();
  for (const r of rows) {
    if (Number(r["n_events"]) < filters.minEvents) continue;
    const names = [r["name"] ?? "", ...(r["variants"] ?? "").split("|")];
    for (const n of names) {
      for (const t of n.split(/[^\p{L}\p{N}'-]+/u)) {
        const k = foldKey(t.replace(/^[-']+|[-']+$/g, ""));
        if (k.length >= 2 && dict.has(k)) found.add(k);
      }
    }
  }
  filters.englishWords = [...found].sort(byCodeUnit);
  writeFileSync(path, stringifyStable(filters));
  console.log(`exhibitor-filters.json: ${filters.englishWords.length} English words`);
}

main();
