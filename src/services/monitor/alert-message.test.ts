import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { alertSubject, alertText, type AlertMessage } from "./alert-message.ts";

function sampleAlert(overrides: { id?: number; label?: string; claim?: Partial<AlertMessage["claim"]> } = {}): AlertMessage {
  return {
    id: overrides.id ?? 1,
    createdAt: "2024-05-01T12:00:00.000Z",
    watch: { id: 7, kind: "entity", label: overrides.label ?? "Norinco" },
    claim: {
      id: 42,
      supplier: "Norinco",
      recipient: "Myanmar military",
      items: ["assault rifles", "ammunition"],
      stance: "asserted",
      quote: "Norinco supplied assault rifles to the Myanmar military in 2023, Reuters reported.",
      url: "https://news.example.org/2024/norinco",
      publisher: "Reuters",
      published: "2024-04-30",
      documentId: 12,
      ...overrides.claim,
    },
  };
}

describe("alertSubject", () => {
  const cases: { name: string; alerts: AlertMessage[]; subject: string }[] = [
    { name: "no alerts", alerts: [], subject: "armstrace: no new claims" },
    { name: "one alert names the transfer and the watch", alerts: [sampleAlert()], subject: "armstrace: Norinco → Myanmar military (watching Norinco)" },
    {
      name: "several alerts count them and name each watch once",
      alerts: [sampleAlert(), sampleAlert({ id: 2 }), sampleAlert({ id: 3, label: "Rheinmetall" })],
      subject: "armstrace: 3 new claims (watching Norinco, Rheinmetall)",
    },
    {
      name: "many watches are cut to three",
      alerts: ["A", "B", "C", "D", "E"].map((label, id) => sampleAlert({ id, label })),
      subject: "armstrace: 5 new claims (watching A, B, C and 2 more)",
    },
    {
      name: "line breaks in names never reach the subject",
      alerts: [sampleAlert({ claim: { supplier: "Evil\r\nBcc: victim@example.org" } })],
      subject: "armstrace: Evil Bcc: victim@example.org → Myanmar military (watching Norinco)",
    },
  ];
  for (const { name, alerts, subject } of cases) test(name, () => assert.equal(alertSubject(alerts), subject));

  test("a long subject is cut", () => {
    const subject = alertSubject([sampleAlert({ claim: { supplier: "X".repeat(300) } })]);
    assert.equal(subject.length, 160);
    assert.ok(subject.endsWith("…"));
  });
});

describe("alertText", () => {
  test("one block per alert, with the transfer, items, stance, quote, source, link and watch", () => {
    const text = alertText([sampleAlert(), sampleAlert({ id: 2, label: "Rheinmetall", claim: { supplier: "Rheinmetall", recipient: "Ukraine", items: [], stance: "hedged", quote: "Rheinmetall  may have\nshipped shells.", url: null, publisher: null, published: null, documentId: 13 } })]);
    assert.equal(
      text,
      [
        "2 new claims matched your watches.",
        "",
        "1. Norinco → Myanmar military",
        "   Items: assault rifles, ammunition",
        "   Stance: asserted (the report states it)",
        '   "Norinco supplied assault rifles to the Myanmar military in 2023, Reuters reported."',
        "   Source: Reuters, 2024-04-30",
        "   Link: https://news.example.org/2024/norinco",
        "   Watch: Norinco (entity)",
        "",
        "2. Rheinmetall → Ukraine",
        "   Items: not named",
        "   Stance: hedged (the report only says it may have happened)",
        '   "Rheinmetall may have shipped shells."',
        "   Source: unknown",
        "   Watch: Rheinmetall (entity)",
        "",
      ].join("\n"),
    );
  });

  test("with a base URL, each block links to its document in the app", () => {
    const text = alertText([sampleAlert({ claim: { stance: "denied" } })], "https://armstrace.example.org/");
    assert.match(text, /^1 new claim matched your watches\./);
    assert.match(text, /\n {3}In armstrace: https:\/\/armstrace\.example\.org\/#\/document\/12\n/);
    assert.match(text, /Stance: denied \(the report says it did not happen\)/);
  });

  test("no alerts still read as a sentence", () => {
    assert.equal(alertText([]), "No new claims matched your watches.\n");
  });
});
