import { test } from "node:test";
import assert from "node:assert/strict";
import type { ScreeningResult, VendorEvidence } from "../../domain/screening.ts";
import { renderScreeningHtml, type ReportMeta } from "./render-screening-html.ts";

const META: ReportMeta = {
  generatedAt: "2025-03-14T09:30:00Z",
  store: "/srv/armstrace/evidence.db",
  listName: "suppliers-2025Q1.csv",
  generatedBy: "j.moreau",
};

const HOSTILE = `<script>alert("x")</script><img src=x onerror="alert(1)">`;

const evidence: VendorEvidence = {
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
    text: `Norinco shipped rifles to the army, officials said. ${HOSTILE}`,
    stance: "asserted",
    publisher: "Reuters",
    published: "2023-06-10",
    url: "https://www.reuters.com/world/asia/norinco-rifles-2023-06-10/",
  },
  denial: {
    claimId: 44,
    documentId: 15,
    text: "The company denies any sale to Myanmar.",
    stance: "denied",
    publisher: "Global Times",
    published: "2023-06-12",
    url: "javascript:alert(document.cookie)",
  },
  explanation: "3 independent sources, best graded B; one denial by the accused.",
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
      vendor: { name: "Рособоронэкспорт", country: "RU", website: null, identifiers: ["OGRN 1117746521452"], line: 3 },
      flagged: true,
      tier: "elevated",
      rule: { id: "R2-possible-credible-supplier", reason: "possible match supplies with credibility 1-3: Rosoboronexport → Ελληνικός Στρατός graded A1; confirm the identity" },
      matches: [
        {
          entity: { id: 9, name: "Rosoboronexport", aliases: ["Рособоронэкспорт"], country: "RU" },
          score: 0.74,
          strength: "possible",
          matchedName: "Рособоронэкспорт",
          features: [{ feature: "transliteration", value: 1, weight: 2.4, detail: "рособоронэкспорт = rosoboronexport" }],
        },
      ],
      evidence: [],
      decisions: [],
    },
    {
      vendor: { name: `Norinco Ltd ${HOSTILE}`, country: "CN", website: "https://norinco.example", identifiers: [], line: 5 },
      flagged: true,
      tier: "high",
      rule: { id: "R1-credible-supplier", reason: "strong match supplies with credibility 1-3: Norinco → Myanmar Armed Forces graded B2" },
      matches: [
        {
          entity: { id: 7, name: "Norinco", aliases: ["NORINCO", "中国北方工业公司"], country: "CN" },
          score: 0.9623,
          strength: "strong",
          matchedName: "Norinco",
          features: [
            { feature: "name", value: 0.97, weight: 4.1, detail: "norinco = norinco" },
            { feature: "legal_form", value: 0, weight: -0.35, detail: "Ltd vs none" },
          ],
        },
        {
          entity: { id: 8, name: "China North Industries Group", aliases: [], country: "CN" },
          score: 0.61,
          strength: "possible",
          matchedName: "China North Industries Group",
          features: [{ feature: "acronym", value: 1, weight: 1.2, detail: "NORINCO ⇐ North Industries Corporation" }],
        },
      ],
      evidence: [evidence],
      decisions: [
        {
          id: 1,
          vendor: "Norinco Ltd",
          vendorKey: "norinko",
          country: "CN",
          decision: "delist",
          reason: "Credible reporting of deliveries to a sanctioned army.",
          author: "a.kowalski",
          createdAt: "2025-01-10T14:22:00Z",
          tier: "high",
          rule: "R1-credible-supplier",
          matches: [{ entityId: 7, name: "Norinco", score: 0.9623 }],
          evidence: [evidence],
        },
      ],
    },
    {
      vendor: { name: "Pacific Optics", country: "SG", website: null, identifiers: [], line: 4 },
      flagged: false,
      tier: "low",
      rule: { id: "R5-matched-no-supply", reason: "matches Pacific Optical Systems (0.410), which no stored report names as a supplier" },
      matches: [
        {
          entity: { id: 11, name: "中国北方工业公司", aliases: [], country: "CN" },
          score: 0.42,
          strength: "possible",
          matchedName: "中国北方工业公司",
          features: [],
        },
      ],
      evidence: [],
      decisions: [],
    },
  ];
}

test("the report is one document with no scripts and nothing to fetch", () => {
  const html = renderScreeningHtml(results(), META);
  assert.match(html, /^<!doctype html>/);
  assert.equal((html.match(/<html/g) ?? []).length, 1);
  // Every element is one of a known few, and none carries an event handler or a source.
  const allowed = new Set("html head meta title style body header main footer section article figure figcaption h1 h2 h3 h4 p dl dt dd table thead tbody tr th td a span strong em code br ul li div blockquote colgroup col".split(" "));
  for (const [, tag, attributes] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    assert.ok(allowed.has(tag!.toLowerCase()), `unexpected <${tag}>`);
    assert.doesNotMatch(attributes!, /\s(on\w+|src|srcset|style)\s*=/i, `<${tag}${attributes}>`);
  }
  assert.doesNotMatch(html, /url\(|@import/i);
  assert.match(html, /<style>[\s\S]*@media print/);
});

test("vendor names and quotes are text, never markup", () => {
  const html = renderScreeningHtml(results(), META);
  assert.ok(html.includes("Norinco Ltd &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"));
  assert.ok(html.includes("officials said. &lt;script&gt;"));
  assert.doesNotMatch(html, /onerror="/);
  // Only http(s) links are links.
  assert.ok(html.includes('<a href="https://www.reuters.com/world/asia/norinco-rifles-2023-06-10/" rel="noreferrer">'));
  assert.doesNotMatch(html, /href="javascript:/i);
  assert.ok(html.includes("javascript:alert(document.cookie)"));
});

test("the meta block counts vendors, tiers and flags", () => {
  const html = renderScreeningHtml(results(), META);
  assert.ok(html.includes("<title>Vendor screening report</title>"));
  assert.ok(html.includes("2025-03-14 09:30 UTC"));
  assert.ok(html.includes("/srv/armstrace/evidence.db"));
  assert.ok(html.includes("suppliers-2025Q1.csv"));
  assert.ok(html.includes("j.moreau"));
  assert.match(html, /<dt>Vendors screened<\/dt><dd>4<\/dd>/);
  assert.match(html, /tier-high">high<\/span> 1 <span class="badge tier-elevated">elevated<\/span> 1 <span class="badge tier-low">low<\/span> 1 <span class="badge tier-clear">clear<\/span> 1/);
  assert.match(html, /Flagged for review<\/dt><dd><strong>2<\/strong>/);
});

test("the summary lists vendors riskiest first, then in list order", () => {
  const html = renderScreeningHtml(results(), META);
  const summary = html.slice(html.indexOf('<section class="summary">'), html.indexOf("</section>"));
  const order = ["Norinco Ltd", "Рособоронэкспорт", "Pacific Optics", "Acme Tools GmbH"].map((n) => summary.indexOf(n));
  assert.ok(order.every((i) => i > 0), String(order));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  assert.ok(summary.includes("Norinco <span class=\"num\">0.962</span>"));
  assert.ok(summary.includes("decision-delist\">delist</span> <span class=\"muted\">2025-01-10"));
});

test("a vendor section shows matches with features, evidence with quotes, and decisions", () => {
  const html = renderScreeningHtml(results(), META);
  const start = html.indexOf('<section class="vendor tier-high"');
  const section = html.slice(start, html.indexOf("</section>", start));
  assert.ok(section.includes("R1-credible-supplier</code> — strong match supplies with credibility 1-3: Norinco → Myanmar Armed Forces graded B2"));
  assert.ok(section.includes("NORINCO, 中国北方工业公司"), "the HTML keeps the original characters");
  assert.ok(section.includes("0.962") && section.includes("0.610"));
  assert.ok(section.includes(">+4.10<") && section.includes(">-0.35<"));
  assert.ok(section.includes("Ltd vs none"));
  assert.ok(section.includes("Norinco → Myanmar Armed Forces"));
  assert.ok(section.includes("B2 · probably true"));
  assert.ok(section.includes("assault rifles, artillery shells"));
  assert.ok(section.includes("1 (1 by the accused)"));
  assert.ok(section.includes("2021-02-01") && section.includes("2023-06-10"));
  assert.match(section, /<blockquote>Norinco shipped rifles/);
  assert.match(section, /<blockquote>The company denies any sale to Myanmar\.<\/blockquote>/);
  assert.ok(section.includes("— Reuters, 2023-06-10"));
  assert.ok(section.includes("a.kowalski") && section.includes("2025-01-10 14:22 UTC"));
  assert.ok(section.includes("Credible reporting of deliveries to a sanctioned army."));
  assert.ok(section.includes("tier high (rule <code>R1-credible-supplier</code>), resting on 1 evidence relation;"));
});

test("the Chinese name and the Cyrillic vendor keep their own script", () => {
  const html = renderScreeningHtml(results(), META);
  assert.ok(html.includes("<strong>中国北方工业公司</strong>"));
  assert.ok(html.includes("Рособоронэкспорт</h2>"));
});

test("a clear vendor with nothing behind it is listed compactly", () => {
  const html = renderScreeningHtml(results(), META);
  assert.doesNotMatch(html, /<section class="vendor tier-clear"/);
  const list = html.slice(html.indexOf('<section class="clear-list">'));
  assert.ok(list.includes("Acme Tools GmbH"));
  assert.ok(list.includes("R6-no-match</code> — no stored entity resembles the name"));
});

test("the footer explains the grades and the tiers", () => {
  const html = renderScreeningHtml(results(), META);
  const footer = html.slice(html.indexOf("<footer>"));
  assert.ok(footer.includes("<strong>A</strong> completely reliable"));
  assert.ok(footer.includes("<strong>F</strong> reliability cannot be judged"));
  assert.ok(footer.includes("<strong>1</strong> confirmed"));
  assert.ok(footer.includes("<strong>6</strong> cannot be judged"));
  for (const tier of ["high", "elevated", "low", "clear"]) assert.ok(footer.includes(`tier-${tier}">${tier}</span>`));
});

test("an empty list still gives a complete document", () => {
  const html = renderScreeningHtml([], { ...META, title: "Q1 <screening>" });
  assert.ok(html.includes("<title>Q1 &lt;screening&gt;</title>"));
  assert.match(html, /<dt>Vendors screened<\/dt><dd>0<\/dd>/);
  assert.match(html, /<\/html>\n$/);
});
