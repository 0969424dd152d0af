import { test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "../../run-pipeline.ts";
import { normalizeName } from "../../../domain/normalize-name.ts";

/** [rule that must fire, text, supplier, recipient] — or null for texts with no transfer. */
type Case = [string, string, string, string] | [null, string];

const cases: Case[] = [
  ["extract/01-active-supply", "Belarus supplied trucks and spare parts to Myanmar in 2022.", "Belarus", "Myanmar"],
  ["extract/01-active-supply", "Serbia has reportedly shipped artillery rounds to Ukraine.", "Serbia", "Ukraine"],
  ["extract/01-active-supply", "Turkey sold drones to Ethiopia.", "Turkey", "Ethiopia"],
  ["extract/01-active-supply", "Germany will deliver to Ukraine four more air defence systems.", "Germany", "Ukraine"],
  ["extract/01-active-supply", "Iran and Belarus sent ammunition to Venezuela.", "Belarus", "Venezuela"],
  ["extract/02-supply-recipient-object", "Poland has provided Ukraine with armoured personnel carriers.", "Poland", "Ukraine"],
  ["extract/02-supply-recipient-object", "Hexa Trading Ltd continued to supply Iran's military after 2020.", "Hexa Trading", "Iran"],
  ["extract/03-passive-supply", "The rifles were supplied to Mali by Russia.", "Russia", "Mali"],
  ["extract/03-passive-supply", "Rocket launchers sold by Serbia to Azerbaijan arrived last week.", "Serbia", "Azerbaijan"],
  ["extract/04-reception", "Myanmar's military received fighter jets from Russia.", "Russia", "Myanmar"],
  ["extract/04-reception", "Algeria bought submarines from Russia.", "Russia", "Algeria"],
  ["extract/04-reception", "Egypt imported frigates from France and Italy.", "Italy", "Egypt"],
  ["extract/05-use", "Sudan's army used drones made by Delta Drone Systems LLC.", "Delta Drone Systems", "Sudan"],
  ["extract/05-use", "The Russian military is using Orion Optics Corp thermal sights.", "Orion Optics", "Russia"],
  ["extract/06-nominal-supply", "Norway is among the largest suppliers of missiles to Poland.", "Norway", "Poland"],
  ["extract/06-nominal-supply", "North Korea's provision of shells to Russia drew condemnation.", "North Korea", "Russia"],
  ["extract/06-nominal-supply", "Officials condemned the provision of rockets by Iran to Yemen's Houthis.", "Iran", "Houthis"],
  ["extract/06-nominal-supply", "Lawmakers opposed arms transfers to Syria by Belarus.", "Belarus", "Syria"],
  ["extract/06-nominal-supply", "Burma's main suppliers of weapons were firms based in Serbia and Ukraine.", "firms based in Serbia", "Burma"],
  ["extract/07-origin-adjective", "Syria has test-fired a Russian-built missile.", "Russia", "Syria"],
  ["extract/07-origin-adjective", "German-supplied tanks arrived in Ukraine on Monday.", "Germany", "Ukraine"],
  ["extract/08-procure-for", "Vostok Components LLC procured microchips for Russia's defence industry.", "Vostok Components", "Russia's defence industry"],
  ["extract/09-assist-acquiring", "Firms based in Thailand assisted Myanmar's defense industry in acquiring machine tools.", "firms based in Thailand", "Myanmar's defense industry"],
  ["extract/10-training", "Russia continued to train Malian pilots.", "Russia", "Mali"],
  ["extract/12-sale-to", "The State Department approved a possible sale to Poland of Abrams tanks.", "United States", "Poland"],
  ["extract/13-subject-purpose", "Kestrel Avionics Ltd was designated for having supplied navigation modules to Russia.", "Kestrel Avionics", "Russia"],
  ["extract/16-report-recipient", "Report on Military Aid to Laos for 2019\n\nBelarus delivered helicopters and spare parts.", "Belarus", "Laos"],
  [null, "Report on the Defence Industry in 2019\n\nBelarus delivered helicopters and spare parts."],
  ["extract/17-make-for", "Ostrov Trading LLC sold parts to AO Radiozavod Vega, which builds fire-control systems for the Russian army.", "Radiozavod Vega", "Russia"],
  [null, "The plant produced drones for export last year."],
  [null, "Norway displayed its new missiles at the annual arms show in Paris."],
  [null, "The factory opened a new production line for artillery shells."],
  [null, "Lawmakers debated the defence budget for the coming year."],
  [null, "If China provided weapons to Russia, there would be consequences."],
  [null, "The minister urged allies to send more air defence systems."],
  [null, "The Treasury sanctioned twelve companies on Tuesday."],
  [null, "The U.S. export controls on Russia remain in force."],
];

const names = (r: ReturnType<typeof extractReport>, id: string | null): string[] => {
  const e = r.entities.find((x) => x.id === id);
  return e ? [e.name, ...e.aliases].map(normalizeName) : [];
};

for (const c of cases) {
  const [rule, text] = c;
  test(`${rule ?? "no transfer"}: ${text}`, () => {
    const r = extractReport({ id: "t", text, format: "txt", origin: "test" });
    if (rule === null) {
      assert.deepEqual(r.transfers.map((t) => [names(r, t.supplier)[0], names(r, t.recipient)[0], t.rule]), []);
      return;
    }
    const [, , s, rec] = c as [string, string, string, string];
    const hit = r.transfers.find((t) => names(r, t.supplier).includes(normalizeName(s)) && names(r, t.recipient).includes(normalizeName(rec)));
    assert.ok(hit, `no ${s} → ${rec}; got ${JSON.stringify(r.transfers.map((t) => [names(r, t.supplier)[0], names(r, t.recipient)[0], t.rule]))}`);
    assert.equal(hit.rule, rule);
    assert.equal(text.slice(hit.evidence.start, hit.evidence.end), hit.evidence.text);
  });
}
