import { test } from "node:test";
import assert from "node:assert/strict";
import { loadLexicon } from "../../recognize/lexicon.ts";
import { recognizeEntities } from "../../recognize/recognize-entities.ts";
import { featuredCandidates } from "./learned-extractor.ts";
import { markPair } from "./mark-pair.ts";
import { ruledOut } from "./pair-features.ts";

const lexicon = loadLexicon();

test("every ordered pair of parties in a sentence is a candidate, and features never name a party", () => {
  const doc = recognizeEntities("Belarus delivered tanks to Myanmar and Laos.", lexicon);
  const { candidates } = featuredCandidates(doc);
  const pairs = candidates.map((c) => `${c.supplier}>${c.recipient}`).sort();
  assert.ok(pairs.includes("state:BY>state:MM") && pairs.includes("state:MM>state:BY") && pairs.includes("state:BY>state:LA"), pairs.join(" "));
  for (const c of candidates) for (const f of c.features) assert.doesNotMatch(f, /belarus|myanmar|laos/iu, f);
});

test("a sentence naming one party pairs it with the previous sentence's parties when it speaks of supply", () => {
  const doc = recognizeEntities("Officials from Serbia met a trade delegation on Monday. Rifles were later shipped to Kenya.", lexicon);
  const { candidates } = featuredCandidates(doc);
  assert.ok(candidates.some((c) => c.sSentence !== c.rSentence), JSON.stringify(candidates.map((c) => [c.supplier, c.recipient, c.sSentence, c.rSentence])));
});

test("the encoder's text marks the supplier with @ and the recipient with #, typed", () => {
  const doc = recognizeEntities("Belarus delivered tanks to Myanmar.", lexicon);
  const c = featuredCandidates(doc).candidates.find((x) => x.supplier === "state:BY" && x.recipient === "state:MM")!;
  assert.equal(markPair(doc, c), "@ * state * Belarus @ delivered tanks to # ^ state ^ Myanmar #.");
});

test("structure rules out a party in brackets after another and a dateline", () => {
  const doc = recognizeEntities("KYIV, May 2 - Rosoboronexport (a unit of Rostec) shipped rifles to Russia's army.", lexicon);
  const reasons = featuredCandidates(doc).candidates.map((c) => [doc.entities.get(c.supplier)?.name, doc.entities.get(c.recipient)?.name, ruledOut(doc, c)]);
  assert.ok(reasons.some(([s, , why]) => s === "Ukraine" && why === "supplier is a dateline"), JSON.stringify(reasons));
  assert.ok(reasons.some(([s, , why]) => s === "Rostec" && why === "supplier in brackets after another party"), JSON.stringify(reasons));
});

test("a group's listed members get the group's transfers too", async () => {
  const { extractReport } = await import("../../run-pipeline.ts");
  const r = extractReport({ id: "t", text: "Three Indian firms - Apex Exports, Brightline Ltd and Zen Components - shipped parts to Iran.", format: "txt", origin: "t" });
  const name = (id: string): string => r.entities.find((e) => e.id === id)!.name;
  const pairs = r.transfers.map((t) => `${name(t.supplier)} → ${name(t.recipient)}`);
  for (const s of ["Indian firms", "Apex Exports", "Brightline Ltd", "Zen Components"]) assert.ok(pairs.includes(`${s} → Iran`), pairs.join("; "));
});

test("a claim inside a quotation is claimed by whoever the text says spoke it", async () => {
  const { extractReport } = await import("../../run-pipeline.ts");
  const r = extractReport({ id: "t", text: "“Iran has not delivered ballistic missiles to Russia. These are lies,” Nasser Kanaani said on Monday.", format: "txt", origin: "t" });
  const name = (id: string | null): string => r.entities.find((e) => e.id === id)?.name ?? "(author)";
  const t = r.transfers.find((x) => name(x.supplier) === "Iran" && name(x.recipient) === "Russia");
  assert.ok(t, JSON.stringify(r.transfers));
  assert.equal(t.stance, "denied");
  assert.equal(name(t.claimant), "Nasser Kanaani");
});
