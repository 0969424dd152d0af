import { test } from "node:test";
import assert from "node:assert/strict";
import type { ClaimRow, EntityRow } from "../../store/store.ts";
import { CLAIM_COLUMNS, claimColumns, claimRows } from "./claim-rows.ts";
import { ENTITY_COLUMNS, entityRows } from "./entity-rows.ts";
import { formatRows } from "./format-rows.ts";

const claim: ClaimRow = {
  id: 7,
  documentId: 3,
  reportId: "r3",
  url: "https://example.org/a",
  publisher: "Example Wire",
  published: "2024-03-01",
  title: null,
  supplier: { id: 1, name: "Rosoboronexport", type: "organization" },
  recipient: { id: 2, name: "Myanmar Air Force", type: "armed_force" },
  claimant: null,
  items: ["Su-30SME jets", "spare parts"],
  kind: "arms",
  stance: "hedged",
  modality: "future",
  evidence: { text: "Rosoboronexport may deliver Su-30SME jets, and spare parts", start: 0, end: 58 },
  trigger: { text: "deliver", start: 20, end: 27 },
  rule: "extract/03-hedged",
  model: "pair-lr-0123456789ab",
  score: 0.873,
  features: [["rule:extract/03-hedged", 0.781], ["sr|nextL:deliver", -0.204]],
  review: null,
  extracted: null,
};

test("claimRows flattens a claim", () => {
  assert.deepEqual(claimRows([claim]), [
    {
      id: 7,
      supplier: "Rosoboronexport",
      recipient: "Myanmar Air Force",
      stance: "hedged",
      claimant: "",
      items: "Su-30SME jets; spare parts",
      kind: "arms",
      modality: "future",
      quote: "Rosoboronexport may deliver Su-30SME jets, and spare parts",
      publisher: "Example Wire",
      published: "2024-03-01",
      title: "",
      url: "https://example.org/a",
      rule: "extract/03-hedged",
      score: 0.873,
      model: "pair-lr-0123456789ab",
      features: [["rule:extract/03-hedged", 0.781], ["sr|nextL:deliver", -0.204]],
    },
  ]);
  assert.equal(claimRows([{ ...claim, claimant: { id: 9, name: "Reuters", type: "media" } }])[0]?.claimant, "Reuters");
});

test("claim rows format as CSV with every column", () => {
  const csv = formatRows(claimRows([claim]), claimColumns("csv"), "csv");
  const [header, row] = csv.split("\r\n");
  assert.equal(header, "SUPPLIER,RECIPIENT,STANCE,CLAIMANT,ITEMS,KIND,QUOTE,PUBLISHER,PUBLISHED,URL,RULE,SCORE,MODEL");
  assert.equal(
    row,
    'Rosoboronexport,Myanmar Air Force,hedged,,Su-30SME jets; spare parts,arms,"Rosoboronexport may deliver Su-30SME jets, and spare parts",Example Wire,2024-03-01,https://example.org/a,extract/03-hedged,0.873,pair-lr-0123456789ab',
  );
});

test("claim rows in JSON keep score, model and the features as pairs; a claim without a model has nulls", () => {
  const unexplained = { ...claim, id: 8, model: null, score: null, features: null };
  const [explained, plain] = JSON.parse(formatRows(claimRows([claim, unexplained]), claimColumns("json"), "json")) as Array<Record<string, unknown>>;
  assert.deepEqual(
    { score: explained?.["score"], model: explained?.["model"], features: explained?.["features"] },
    { score: 0.873, model: "pair-lr-0123456789ab", features: [["rule:extract/03-hedged", 0.781], ["sr|nextL:deliver", -0.204]] },
  );
  assert.deepEqual({ score: plain?.["score"], model: plain?.["model"], features: plain?.["features"] }, { score: null, model: null, features: null });
});

test("the claims table ends with the score and leaves the model and features to CSV and JSON", () => {
  assert.equal(CLAIM_COLUMNS.at(-1)?.header, "SCORE");
  const table = formatRows(claimRows([claim]), claimColumns("table"), "table");
  const [header, row] = table.split("\n");
  assert.match(header ?? "", /RULE\s+SCORE$/);
  assert.match(row ?? "", /extract\/03-hedged\s+0\.873$/);
  assert.doesNotMatch(table, /pair-lr|sr\|nextL/);
});

test("entityRows flattens an entity and formats as a table", () => {
  const entity: EntityRow = {
    id: 4,
    name: "China North Industries Group Corporation Limited",
    type: "organization",
    country: "CN",
    kb: null,
    aliases: ["NORINCO", "Norinco"],
    claims: 12,
    documents: 5,
  };
  const rows = entityRows([entity, { ...entity, id: 5, name: "Myanmar", type: "state", country: null, aliases: [], claims: 0 }]);
  assert.deepEqual(rows[0], {
    id: 4,
    name: "China North Industries Group Corporation Limited",
    type: "organization",
    country: "CN",
    aliases: "NORINCO; Norinco",
    claims: 12,
    documents: 5,
    kb: "",
  });
  assert.equal(
    formatRows(rows, ENTITY_COLUMNS, "table"),
    [
      "ID  NAME                                      TYPE          COUNTRY  CLAIMS  DOCS  ALIASES",
      "4   China North Industries Group Corporatio…  organization  CN       12      5     NORINCO; Norinco",
      "5   Myanmar                                   state                  0       5",
    ].join("\n") + "\n",
  );
});
