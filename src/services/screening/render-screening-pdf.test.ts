import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import * as mupdf from "mupdf";
import { artifactPath } from "../../../test/e2e/browser-harness.ts";
import type { ScreeningResult, VendorEvidence } from "../../domain/screening.ts";
import type { ReportMeta } from "./render-screening-html.ts";
import { renderScreeningPdf } from "./render-screening-pdf.ts";

const META: ReportMeta = {
  generatedAt: "2025-03-14T09:30:00Z",
  store: "/srv/armstrace/evidence.db",
  listName: "suppliers-2025Q1.csv",
  generatedBy: "j.moreau",
};

const HOSTILE = `<script>alert("x")</script><img src=x onerror="alert(1)">`;

const QUOTE =
  "Two shipments of Norinco assault rifles and 122 mm artillery shells reached the army through the port of Yangon in 2022, " +
  "according to customs records seen by Reuters and confirmed by two officials familiar with the deliveries.";

const norincoEvidence: VendorEvidence = {
  entityId: 7,
  supplier: "Norinco",
  recipient: "Myanmar Armed Forces",
  recipientCountry: "MM",
  items: ["assault rifles", "artillery shells"],
  credibility: 2,
  credibilityLabel: "probably true",
  reliability: "B",
  grade: "B2",
  independentSources: 3,
  claims: 5,
  denials: 1,
  accusedDenials: 1,
  firstReported: "2021-02-01",
  lastReported: "2023-06-10",
  quote: {
    claimId: 41,
    documentId: 12,
    text: QUOTE,
    stance: "asserted",
    publisher: "Reuters",
    published: "2023-06-10",
    url: "https://www.reuters.com/world/asia/norinco-rifles-2023-06-10/",
  },
  denial: {
    claimId: 44,
    documentId: 15,
    text: `The company denies any sale to Myanmar and calls the reports fabricated. ${HOSTILE}`,
    stance: "denied",
    publisher: "Global Times",
    published: "2023-06-12",
    url: "javascript:alert(document.cookie)",
  },
  explanation: "3 independent sources, best graded B; one denial, by the accused.",
};

const chineseEvidence: VendorEvidence = {
  ...norincoEvidence,
  entityId: 11,
  supplier: "中国北方工业公司",
  recipient: "Sudan Armed Forces",
  recipientCountry: "SD",
  items: ["ammunition"],
  credibility: 3,
  credibilityLabel: "possibly true",
  reliability: "C",
  grade: "C3",
  independentSources: 1,
  claims: 1,
  denials: 0,
  accusedDenials: 0,
  firstReported: "2024-01-20",
  lastReported: "2024-01-20",
  quote: {
    claimId: 70,
    documentId: 30,
    text: "据报道，中国北方工业公司 supplied ammunition to Sudan in 2023.",
    stance: "hedged",
    publisher: "Sudan Tribune",
    published: "2024-01-20",
    url: "https://sudantribune.example/2024/01/20/ammunition",
  },
  denial: null,
  explanation: "One source, graded C.",
};

function results(): ScreeningResult[] {
  return [
    {
      vendor: { name: "Acme Tools GmbH", country: "DE", website: null, identifiers: [], line: 2 },
      flagged: false,
      tier: "clear",
      rule: { id: "R6-no-match", reason: "no stored entity resembles the name" },
      matches: [],
      evidence: [],
      decisions: [],
    },
    {
      vendor: { name: "Société Générale d'Équipements", country: "FR", website: null, identifiers: [], line: 7 },
      flagged: false,
      tier: "clear",
      rule: { id: "R6-no-match", reason: "no stored entity resembles the name" },
      matches: [],
      evidence: [],
      decisions: [],
    },
    {
      vendor: { name: "Рособоронэкспорт", country: "RU", website: null, identifiers: ["OGRN 1117746521452"], line: 3 },
      flagged: true,
      tier: "elevated",
      rule: { id: "R2-possible-credible-supplier", reason: "possible match supplies with credibility 1-3: Rosoboronexport → Ελληνικός Στρατός graded A1; confirm the identity" },
      matches: [
        {
          entity: { id: 9, name: "Rosoboronexport", aliases: ["Рособоронэкспорт", "ROE"], country: "RU" },
          score: 0.74,
          strength: "possible",
          matchedName: "Рособоронэкспорт",
          features: [
            { feature: "transliteration", value: 1, weight: 2.4, detail: "рособоронэкспорт = rosoboronexport" },
            { feature: "country", value: 1, weight: 0.6, detail: "RU = RU" },
          ],
        },
      ],
      evidence: [
        {
          ...norincoEvidence,
          entityId: 9,
          supplier: "Rosoboronexport",
          recipient: "Ελληνικός Στρατός",
          recipientCountry: "GR",
          items: ["Kornet anti-tank missiles"],
          grade: "A1",
          credibility: 1,
          credibilityLabel: "confirmed",
          reliability: "A",
          denials: 0,
          accusedDenials: 0,
          quote: { ...norincoEvidence.quote!, claimId: 52, text: "Рособоронэкспорт delivered the missiles under the 1999 contract.", publisher: "SIPRI", url: null },
          denial: null,
          explanation: "Confirmed by the arms transfer register.",
        },
      ],
      decisions: [],
    },
    {
      vendor: { name: `Norinco Ltd ${HOSTILE}`, country: "CN", website: "https://norinco.example", identifiers: ["USCC 91110000100000825L"], line: 5 },
      flagged: true,
      tier: "high",
      rule: { id: "R1-credible-supplier", reason: "strong match supplies with credibility 1-3: Norinco → Myanmar Armed Forces graded B2" },
      matches: [
        {
          entity: { id: 7, name: "Norinco", aliases: ["NORINCO", "中国北方工业公司", "China North Industries Corporation"], country: "CN" },
          score: 0.9623,
          strength: "strong",
          matchedName: "Norinco",
          features: [
            { feature: "name", value: 0.97, weight: 4.1, detail: "norinco = norinco" },
            { feature: "legal_form", value: 0, weight: -0.35, detail: "Ltd vs none" },
            { feature: "country", value: 1, weight: 0.8, detail: "CN = CN" },
            { feature: "website", value: 0, weight: 0, detail: "norinco.example not on record" },
          ],
        },
        {
          entity: { id: 11, name: "中国北方工业公司", aliases: [], country: "CN" },
          score: 0.61,
          strength: "possible",
          matchedName: "中国北方工业公司",
          features: [{ feature: "transliteration", value: 0.82, weight: 1.2, detail: "norinko ~ zhongguo beifang gongye" }],
        },
      ],
      evidence: [norincoEvidence, chineseEvidence],
      decisions: [
        {
          id: 1,
          vendor: "Norinco Ltd",
          vendorKey: "norinko",
          country: "CN",
          decision: "delist",
          reason: "Credible reporting of deliveries to a sanctioned army; no contract may be renewed.",
          author: "a.kowalski",
          createdAt: "2025-01-10T14:22:00Z",
          tier: "high",
          rule: "R1-credible-supplier",
          matches: [{ entityId: 7, name: "Norinco", score: 0.9623 }],
          evidence: [norincoEvidence],
        },
      ],
    },
    {
      vendor: { name: "Pacific Optics Pte", country: "SG", website: null, identifiers: [], line: 4 },
      flagged: false,
      tier: "low",
      rule: { id: "R5-matched-no-supply", reason: "matches Pacific Optical Systems (0.410), which no stored report names as a supplier" },
      matches: [
        {
          entity: { id: 12, name: "Pacific Optical Systems", aliases: [], country: "MY" },
          score: 0.41,
          strength: "possible",
          matchedName: "Pacific Optical Systems",
          features: [
            { feature: "name", value: 0.78, weight: 1.1, detail: "pacific optics ~ pacific optical systems" },
            { feature: "country", value: 0, weight: -1.4, detail: "SG vs MY" },
          ],
        },
      ],
      evidence: [],
      decisions: [
        {
          id: 2,
          vendor: "Pacific Optics Pte",
          vendorKey: "pacific optics",
          country: "SG",
          decision: "keep",
          reason: "Different company: registered in Singapore since 1998, no defence business.",
          author: "a.kowalski",
          createdAt: "2025-02-02T08:05:00Z",
          tier: "low",
          rule: "R5-matched-no-supply",
          matches: [{ entityId: 12, name: "Pacific Optical Systems", score: 0.41 }],
          evidence: [],
        },
      ],
    },
  ];
}

function pageTexts(pdf: Buffer): { doc: mupdf.Document; texts: string[] } {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  const texts: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) texts.push(doc.loadPage(i).toStructuredText("preserve-whitespace").asText());
  return { doc, texts };
}

test("the PDF carries every vendor, the quotes, the grades and page numbers", async () => {
  const pdf = await renderScreeningPdf(results(), META);
  assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
  const { doc, texts } = pageTexts(pdf);
  const all = texts.join("\n").replace(/\s+/g, " ");
  for (const name of ["Acme Tools GmbH", "Société Générale d'Équipements", "Рособоронэкспорт", "Pacific Optics Pte", "Ελληνικός Στρατός"]) {
    assert.ok(all.includes(name), `missing ${name}`);
  }
  // Hostile markup is just text here too.
  assert.ok(all.includes(`Norinco Ltd <script>alert("x")</script>`));
  assert.ok(all.includes("through the port of Yangon in 2022"));
  assert.ok(all.includes("B2 · probably true"));
  assert.ok(all.includes("A1 · confirmed"));
  assert.ok(all.includes("1 (1 by the accused)"));
  assert.ok(all.includes("DELIST"));
  assert.ok(all.includes("a.kowalski"));
  assert.ok(all.includes("+4.10") && all.includes("-0.35"));
  assert.ok(all.includes("completely reliable") && all.includes("cannot be judged"));
  assert.ok(texts[0]!.includes("page 1 of"));
  const pages = doc.countPages();
  assert.ok(pages >= 2, `expected several pages, got ${pages}`);
  assert.ok(texts[pages - 1]!.includes(`page ${pages} of ${pages}`));
  for (const [i, text] of texts.entries()) assert.ok(text.includes("Vendor screening report"), `page ${i + 1} has no header`);

  for (let i = 0; i < pages; i++) {
    const png = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(1.5, 1.5), mupdf.ColorSpace.DeviceRGB, false).asPNG();
    writeFileSync(artifactPath(`screening-report-page-${i + 1}.png`), png);
  }
});

test("characters DejaVu lacks print as their transliteration, never as empty boxes", async () => {
  const pdf = await renderScreeningPdf(results(), META);
  const all = pageTexts(pdf).texts.join("\n").replace(/\s+/g, " ");
  assert.ok(all.includes("[zhongguo beifang gongye]"), "the Chinese entity name is transliterated");
  assert.doesNotMatch(all, /\p{Script=Han}/u);
  assert.doesNotMatch(all, /\uFFFD/);
  assert.ok(all.includes("supplied ammunition to Sudan"));
});

test("the same screening gives the same bytes", async () => {
  const a = await renderScreeningPdf(results(), META);
  const b = await renderScreeningPdf(results(), META);
  assert.ok(a.equals(b));
  assert.ok(a.toString("latin1").includes("(D:20250314093000Z)"), "the creation date is the screening's");
});

test("an empty list gives a one-page report", async () => {
  const pdf = await renderScreeningPdf([], { ...META, title: "Empty screening" });
  const { doc, texts } = pageTexts(pdf);
  assert.equal(doc.countPages(), 1);
  assert.ok(texts[0]!.includes("Vendors screened"));
  assert.ok(texts[0]!.includes("page 1 of 1"));
});
