// The stores the screening benchmark screens against, built through the real CLI
// (`armstrace ingest`) so the extractor makes the claims and grading grades them, as
// they would for a user:
//
// - "samples": data/samples alone;
// - "quality": data/samples plus one or two short synthetic reports about each of
//   about sixty defence, dual-use and trading firms taken from data/kb/organizations.json
//   ("<firm> supplied <item> to <state>, <publisher> reported."), published by sources
//   the registry grades A–C, so each firm should end up a supplier with credibility 1–3.
//   Which firms really did is read back from the store, never assumed.
//
// Both take a few seconds, so they are rebuilt on every run in bench/out/screen/.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { rng, shuffled } from "./exhibitors.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin", "armstrace");
export const SCREEN_OUT = path.join(ROOT, "bench", "out", "screen");

export const FIRM_SECTORS = new Set(["defence", "dual_use", "trading"]);
const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /\p{Script=Han}/u;

/** How many firms get reports: some with Cyrillic names, some with Chinese ones, the rest Latin only. */
const IMPLICATED = { cyrillic: 18, han: 14, other: 32 };

/** Registry sources graded A–C (data/kb/sources.json): one of them asserting grades a relation 1–3. */
const PUBLISHERS = [
  "Reuters", "Associated Press", "The Guardian", "The New York Times", "Financial Times", "BBC",
  "Defense News", "Breaking Defense", "Janes", "Bellingcat", "The Kyiv Independent", "The Irrawaddy",
  "Al-Monitor", "Nikkei Asia", "South China Morning Post", "Amnesty International", "Human Rights Watch",
  "Conflict Armament Research", "The Washington Post", "Radio Free Europe/Radio Liberty",
];
const RECIPIENTS = [
  ["Myanmar", "MM"], ["Sudan", "SD"], ["Russia", "RU"], ["Ukraine", "UA"], ["Iran", "IR"], ["Venezuela", "VE"],
  ["Ethiopia", "ET"], ["Libya", "LY"], ["Azerbaijan", "AZ"], ["Armenia", "AM"], ["Nigeria", "NG"], ["Mali", "ML"],
  ["Egypt", "EG"], ["Serbia", "RS"], ["Belarus", "BY"], ["Pakistan", "PK"], ["Algeria", "DZ"], ["Indonesia", "ID"],
];
const ITEMS = {
  defence: ["artillery shells", "armoured vehicles", "anti-tank missiles", "air defence radars", "attack helicopters", "assault rifles", "patrol boats", "combat drones", "mortar rounds", "rocket launchers"],
  dual_use: ["thermal imaging cameras", "microchips", "drone components", "night vision devices", "navigation modules", "surveillance cameras"],
  trading: ["artillery shells", "fighter jet spare parts", "small arms ammunition", "armoured vehicles", "missile components"],
};
const TEMPLATES = [
  (f, i, r, p) => `${f} supplied ${i} to ${r}, ${p} reported.`,
  (f, i, r, p) => `${f} delivered ${i} to ${r} last year, according to ${p}.`,
  (f, i, r, p) => `${f} sold ${i} to ${r}, ${p} reported on Tuesday.`,
  (f, i, r, p) => `${f} shipped ${i} to ${r} in several consignments, ${p} reported.`,
];
const CLOSERS = [
  "The company did not respond to a request for comment.",
  "Officials declined to say how many had been delivered.",
  "The deliveries were first noticed in customs records.",
  "Analysts said the shipments had continued for several months.",
];

/** Curated firms (not media, agencies or NGOs) from the knowledge base. */
export function kbFirms() {
  const orgs = JSON.parse(readFileSync(path.join(ROOT, "data", "kb", "organizations.json"), "utf8"));
  return orgs.filter((o) => o.type === "organization" && FIRM_SECTORS.has(o.sector));
}

/** A short upper-case alias the KB does not mark ambiguous, usable as the name a report uses. */
function acronymMention(firm) {
  const ambiguous = new Set(firm.ambiguousForms ?? []);
  return firm.aliases.find((a) => /^[A-Z][A-Z0-9]{2,7}$/.test(a) && !ambiguous.has(a) && a !== firm.name);
}

/** The firms the synthetic reports implicate, and the reports, drawn with `seed`. */
export function syntheticReports(seed) {
  const random = rng(seed);
  const firms = shuffled(kbFirms(), random);
  const script = (f) => (f.aliases.some((a) => CYRILLIC.test(a)) ? "cyrillic" : f.aliases.some((a) => HAN.test(a)) ? "han" : "other");
  const picked = [];
  const left = { ...IMPLICATED };
  for (const f of firms) {
    const s = script(f);
    if (left[s] > 0) {
      left[s] -= 1;
      picked.push(f);
    }
  }
  const pick = (list) => list[Math.floor(random() * list.length)];
  const reports = [];
  for (const firm of picked) {
    const copies = random() < 0.3 ? 2 : 1;
    const publishers = shuffled(PUBLISHERS, random).slice(0, copies);
    // A quarter of the firms are reported by their acronym, so the store knows them first by it.
    const acronym = acronymMention(firm);
    const mention = acronym !== undefined && random() < 0.25 ? acronym : firm.name;
    for (const [n, publisher] of publishers.entries()) {
      const [recipient] = pick(RECIPIENTS.filter(([, iso]) => iso !== firm.country));
      const item = pick(ITEMS[firm.sector]);
      const lead = pick(TEMPLATES)(mention, item, recipient, publisher);
      const month = String(1 + Math.floor(random() * 12)).padStart(2, "0");
      const day = String(1 + Math.floor(random() * 28)).padStart(2, "0");
      reports.push({
        file: `${firm.id}-${n + 1}.txt`,
        firm: firm.id,
        text:
          `---\ntitle: ${firm.name} deliveries to ${recipient}\npublisher: ${publisher}\npublished: ${2021 + Math.floor(random() * 5)}-${month}-${day}\n` +
          `url: https://reports.example.org/${firm.id}/${n + 1}\n---\n\n${lead} ${pick(CLOSERS)}\n`,
      });
    }
  }
  return { firms: picked, reports };
}

function ingest(db, paths) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  const run = spawnSync(BIN, ["ingest", ...paths, "--db", db], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ARMSTRACE_DEBUG: "" } });
  if (run.status !== 0) throw new Error(`armstrace ingest ${paths.join(" ")} failed (${run.status}):\n${run.stderr}`);
  return (run.stdout + run.stderr).trim().split("\n").find((l) => l.startsWith("ingested")) ?? "";
}

/** Writes the synthetic reports and ingests both stores; returns their files and what ingest printed. */
export function buildStores(seed) {
  const dir = path.join(SCREEN_OUT, "reports");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { firms, reports } = syntheticReports(seed);
  for (const r of reports) writeFileSync(path.join(dir, r.file), r.text);
  const samplesDb = path.join(SCREEN_OUT, "samples.db");
  const qualityDb = path.join(SCREEN_OUT, "quality.db");
  const samples = ingest(samplesDb, ["data/samples"]);
  const quality = ingest(qualityDb, ["data/samples", path.relative(ROOT, dir)]);
  return { samplesDb, qualityDb, firms, reports, reportsDir: dir, ingested: { samples, quality } };
}
