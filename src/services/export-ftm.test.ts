import { test } from "node:test";
import assert from "node:assert/strict";
import type { IEntityDatum } from "@alephdata/followthemoney";
import { withEvidenceStore } from "../../test/fixtures/evidence-store.ts";
import { FTM_MODEL, exportFtm } from "./export-ftm.ts";

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Every way an entity can break the FtM model; returns the problems found. */
function problems(entities: IEntityDatum[]): string[] {
  const found: string[] = [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const e of entities) {
    const where = `${e.id} (${String(e.schema)})`;
    const schema = FTM_MODEL.schemata[String(e.schema)];
    if (!schema) {
      found.push(`${where}: unknown schema`);
      continue;
    }
    if (schema.abstract) found.push(`${where}: abstract schema`);
    const props = e.properties ?? {};
    for (const required of schema.required) if (!props[required]?.length) found.push(`${where}: lacks required ${required}`);
    for (const [name, values] of Object.entries(props)) {
      if (!schema.hasProperty(name)) {
        found.push(`${where}: no property ${name}`);
        continue;
      }
      const prop = schema.getProperty(name);
      for (const value of values) {
        if (typeof value !== "string" || value.trim() === "") {
          found.push(`${where}.${name}: not a non-empty string`);
          continue;
        }
        if (value.length > prop.type.maxLength) found.push(`${where}.${name}: longer than ${prop.type.maxLength}`);
        switch (prop.type.name) {
          case "date":
            if (!DATE.test(value)) found.push(`${where}.${name}: bad date ${value}`);
            break;
          case "url":
            if (!/^https?:\/\//.test(value) || !URL.canParse(value)) found.push(`${where}.${name}: bad url ${value}`);
            break;
          case "country":
          case "topic":
            if (!prop.type.values.has(value)) found.push(`${where}.${name}: unknown ${prop.type.name} ${value}`);
            break;
          case "entity": {
            const target = byId.get(value);
            if (!target) found.push(`${where}.${name}: refers to ${value}, not exported`);
            else if (!FTM_MODEL.getSchema(String(target.schema)).isA(prop.getRange())) {
              found.push(`${where}.${name}: ${value} is a ${String(target.schema)}, not a ${prop.getRange().name}`);
            }
            break;
          }
        }
      }
    }
  }
  return found;
}

test("exportFtm: every entity fits the FollowTheMoney model", () =>
  withEvidenceStore(async (store) => {
    const lines = (await exportFtm(store)).map((e) => JSON.stringify(e.toJSON()));
    const entities = lines.map((l) => JSON.parse(l) as IEntityDatum);
    assert.deepEqual(problems(entities), []);
    assert.equal(new Set(entities.map((e) => e.id)).size, entities.length, "ids are unique");
    const count = (schema: string) => entities.filter((e) => e.schema === schema).length;
    assert.deepEqual(
      { PublicBody: count("PublicBody"), Organization: count("Organization"), Person: count("Person"), Article: count("Article"), Event: count("Event"), UnknownLink: count("UnknownLink") },
      { PublicBody: 3, Organization: 1, Person: 1, Article: 3, Event: 4, UnknownLink: 2 },
    );
  }));

test("exportFtm: claims keep source URL, quote, stance and credibility; relations their grades", () =>
  withEvidenceStore(async (store) => {
    const entities = (await exportFtm(store)).map((e) => e.toJSON());
    const denial = entities.find((e) => e.schema === "Event" && e.properties?.["keywords"]?.includes("stance:denied"));
    assert.ok(denial);
    const p = denial.properties!;
    assert.deepEqual(p["description"], ['Arland denied sending "any" vehicles to Borduria.']);
    assert.deepEqual(p["sourceUrl"], ["https://example.org/local?a=1&b=2"]);
    assert.deepEqual(p["date"], ["2024-03-15"]);
    assert.ok(p["keywords"]?.includes("credibility:2") && p["keywords"].includes("reliability:B"), JSON.stringify(p["keywords"]));
    assert.deepEqual(p["notes"], ["claimed by Arland"]);
    const link = entities.find((e) => e.schema === "UnknownLink" && String(e.properties?.["status"]).includes("credibility 2"));
    assert.ok(link, "Arland → Borduria: two A–B sources and the accused party's denial make 2");
    assert.deepEqual(link.properties?.["startDate"], ["2024-02-01"]);
    assert.deepEqual(link.properties?.["endDate"], ["2024-03-15"]);
  }));
