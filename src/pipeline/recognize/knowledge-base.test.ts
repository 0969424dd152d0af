import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { KB_DIR_URL, loadKnowledgeBase, ORGANIZATION_SECTORS } from "./knowledge-base.ts";
import type { KnowledgeBase } from "./knowledge-base.ts";

const fold = (s: string): string => s.normalize("NFKC").toLowerCase();
const URL_RE = /^https?:\/\/\S+$/;

describe("loadKnowledgeBase", () => {
  const kb: KnowledgeBase = loadKnowledgeBase();

  it("loads every file and caches the result", () => {
    assert.ok(kb.countries.length > 190);
    assert.ok(kb.armedForces.length > 50);
    assert.ok(kb.organizations.length > 150);
    assert.ok(kb.exhibitors.length > 1000);
    assert.ok(kb.items.categories.length > 30);
    assert.ok(kb.items.designations.length > 300);
    assert.equal(loadKnowledgeBase(), kb);
  });

  it("knows Russia's demonym and metonyms", () => {
    const ru = kb.countries.find((c) => c.code === "RU");
    assert.ok(ru);
    assert.equal(ru.name, "Russia");
    assert.ok(ru.demonyms.includes("Russian"));
    assert.ok(ru.metonyms.includes("Moscow"));
    assert.ok(ru.metonyms.includes("the Kremlin"));
    assert.ok(ru.names.includes("Russian Federation"));
    assert.ok(ru.otherScripts.includes("Россия"));
  });

  it("keeps the common alternative country names", () => {
    const names = (code: string): string[] => kb.countries.find((c) => c.code === code)?.names ?? [];
    assert.ok(names("MM").includes("Burma"));
    assert.ok(names("KP").includes("DPRK"));
    assert.ok(names("KP").includes("Democratic People's Republic of Korea"));
    assert.ok(names("KR").includes("ROK"));
    assert.ok(names("US").includes("U.S."));
    assert.ok(names("GB").includes("UK"));
    assert.ok(names("TR").includes("Türkiye"));
    const chad = kb.countries.find((c) => c.code === "TD");
    assert.deepEqual(chad?.ambiguousForms, ["Chad"]);
  });

  it("finds Norinco by the alias NORINCO", () => {
    const hits = kb.organizations.filter((o) => o.aliases.includes("NORINCO"));
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.id, "norinco");
    assert.equal(hits[0]?.country, "CN");
  });

  it("generates armed-force aliases from demonyms", () => {
    const ru = kb.armedForces.find((f) => f.id === "ru-armed-forces");
    assert.ok(ru?.aliases.includes("Russian military"));
    assert.ok(ru?.aliases.includes("Russia's military"));
    const mm = kb.armedForces.find((f) => f.id === "mm-armed-forces");
    assert.ok(mm?.aliases.includes("Tatmadaw"));
    assert.ok(mm?.ambiguousForms?.includes("SAC"));
  });

  it("has Shahed-136 as a designation of kind arms", () => {
    const d = kb.items.designations.find((x) => x.name === "Shahed-136");
    assert.ok(d);
    assert.equal(d.kind, "arms");
    assert.equal(d.origin, "IR");
    assert.ok(d.aliases.includes("Geran-2"));
    const drone = kb.items.categories.find((c) => c.term === "drone");
    assert.ok(drone?.forms.includes("drones"));
    assert.ok(drone?.forms.includes("UAVs"));
  });

  it("gives every entry a name and every id once", () => {
    const named = [
      ...kb.countries.map((c) => c.name),
      ...kb.armedForces.map((f) => f.name),
      ...kb.organizations.map((o) => o.name),
      ...kb.exhibitors.map((o) => o.name),
      ...kb.items.designations.map((d) => d.name),
      ...kb.items.categories.map((c) => c.term),
    ];
    for (const n of named) assert.ok(typeof n === "string" && n.trim() !== "", `empty name: ${JSON.stringify(n)}`);
    const ids = [
      ...kb.countries.map((c) => c.code),
      ...kb.armedForces.map((f) => f.id),
      ...kb.organizations.map((o) => o.id),
      ...kb.exhibitors.map((o) => o.id),
    ];
    assert.equal(new Set(ids).size, ids.length, "duplicate ids");
    const designations = kb.items.designations.map((d) => fold(d.name));
    assert.equal(new Set(designations).size, designations.length, "duplicate designations");
  });

  it("lists each record's name among its aliases and its ambiguous forms among its forms", () => {
    for (const r of [...kb.armedForces, ...kb.organizations, ...kb.exhibitors]) {
      assert.ok(r.aliases.includes(r.name), `${r.id} lacks its name as alias`);
      for (const a of r.ambiguousForms ?? []) assert.ok(r.aliases.includes(a), `${r.id}: ${a}`);
    }
    for (const c of kb.countries) {
      const forms = [...c.names, ...c.demonyms, ...c.metonyms];
      for (const a of c.ambiguousForms ?? []) assert.ok(forms.includes(a), `${c.code}: ${a}`);
    }
  });

  it("gives every hand-curated entry a source URL", () => {
    const curated = [
      ...kb.countries,
      ...kb.armedForces,
      ...kb.organizations,
      ...kb.items.designations.filter((d) => d.from.includes("curated")),
    ];
    assert.ok(curated.length > 500);
    for (const r of curated) {
      assert.ok(typeof r.source === "string" && URL_RE.test(r.source), `missing source: ${r.name}`);
    }
  });

  it("uses only known sectors, countries and makers", () => {
    const codes = new Set(kb.countries.map((c) => c.code));
    const orgIds = new Set(kb.organizations.map((o) => o.id));
    for (const o of [...kb.organizations, ...kb.exhibitors]) {
      assert.ok((ORGANIZATION_SECTORS as readonly string[]).includes(o.sector), o.id);
      if (o.country !== null) assert.ok(codes.has(o.country), `${o.id}: ${o.country}`);
      if (o.parent !== undefined) assert.ok(orgIds.has(o.parent), `${o.id}: ${o.parent}`);
    }
    for (const f of kb.armedForces) if (f.country !== null) assert.ok(codes.has(f.country), f.id);
    for (const d of kb.items.designations) {
      if (d.maker !== undefined) assert.ok(orgIds.has(d.maker), `${d.name}: ${d.maker}`);
      if (d.origin !== null) assert.ok(codes.has(d.origin) || d.origin === "SU", `${d.name}: ${d.origin}`);
    }
  });

  it("contains nothing from the CC BY-NC opensanctions folders", () => {
    const allowed = new Set(["curated", "world-countries", "rigour-territories", "cameo", "arms-fair-exhibitors", "oryx-ru-equipment", "uas-components"]);
    const records = [...kb.countries, ...kb.armedForces, ...kb.organizations, ...kb.exhibitors, ...kb.items.designations];
    for (const r of records) for (const f of r.from) assert.ok(allowed.has(f), `unexpected provenance ${f}`);
    for (const file of ["countries.json", "armed-forces.json", "organizations.json", "exhibitors.json", "items.json"]) {
      const text = readFileSync(new URL(file, KB_DIR_URL), "utf8").toLowerCase();
      assert.ok(!text.includes("opensanctions-milcorps"), file);
      assert.ok(!text.includes("opensanctions-zala"), file);
      assert.ok(!text.includes("opensanctions.org/entities"), file);
    }
  });
});
