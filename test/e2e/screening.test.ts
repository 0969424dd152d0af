/**
 * Vendor screening in a real browser against a real server holding the sample corpus:
 * an analyst uploads a vendor list, sees the implicated firm flagged first and an
 * innocent look-alike clear, opens the firm's row down to the quote, decides to monitor
 * it and sees the decision; a later report about the firm then reaches the inbox.
 * Screenshots are kept under artifacts/e2e/screening/.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { RISK_TIERS } from "../../src/domain/screening.ts";
import { BIN, ROOT, artifactPath, createToken, launchBrowser, startServer, type RunningServer } from "./browser-harness.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-screening-"));
const db = path.join(tmp, "samples.db");
const VENDORS = [
  "name,country",
  "Xiamen Airlines,CN", // shares "Xiamen" with Xiamen Limbach in the corpus, and nothing else
  "Acme Tools GmbH,DE",
  "Norinco,CN",
  '"SZ DJI Technology Co., Ltd.",CN',
  "Baykar,TR",
].join("\n");

let browser: Browser | undefined;
let server: RunningServer;
let token: string;

before(async () => {
  assert.ok(fs.existsSync(path.join(ROOT, "dist", "web", "index.html")), "the web app must be built first (npm run build:web; npm test does it)");
  const ingest = spawnSync(BIN, ["ingest", path.join(ROOT, "data", "samples"), "--db", db], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  assert.equal(ingest.status, 0, ingest.stderr);
  token = createToken(db, "analyst");
  [browser, server] = await Promise.all([launchBrowser(), startServer({ db })]);
});
after(async () => {
  await server?.stop();
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function signedInPage(errors: string[]): Promise<Page> {
  assert.ok(browser);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/#/screening`);
  await page.fill('input[aria-label="bearer token"]', token);
  await page.click('button:has-text("Use token")');
  await page.locator("text=token set").waitFor();
  return page;
}

describe("screening a vendor list", () => {
  test("riskiest first, the implicated firm's evidence down to its quote, a monitor decision, then its alert in the inbox", async () => {
    const errors: string[] = [];
    const page = await signedInPage(errors);
    await page.setInputFiles('input[aria-label="vendor list file"]', { name: "vendors.csv", mimeType: "text/csv", buffer: Buffer.from(VENDORS) });
    await page.click('button:has-text("Screen file")');
    const rows = page.locator('[data-testid="screening-row"]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 5);

    const names = await rows.locator('[data-testid="vendor-name"]').allTextContents();
    const tiers = await rows.locator('[data-testid="tier"]').allTextContents();
    assert.equal(names[0], "Norinco", `Norinco first: ${names.join(", ")}`);
    assert.equal(await rows.first().getAttribute("data-flagged"), "true");
    assert.equal(await rows.first().locator('[data-testid="flagged"]').count(), 1);
    const ranks = tiers.map((t) => RISK_TIERS.indexOf(t as (typeof RISK_TIERS)[number]));
    assert.ok(ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1]!)), `sorted by risk: ${tiers.join(", ")}`);
    const airline = rows.filter({ has: page.locator('[data-testid="vendor-name"]', { hasText: "Xiamen Airlines" }) });
    assert.equal(await airline.getAttribute("data-flagged"), "false", "the look-alike is not flagged");
    assert.equal(await airline.locator('[data-testid="tier"]').textContent(), "clear");
    await page.screenshot({ path: artifactPath("screening/1-results.png"), fullPage: true });

    // The report of the same list downloads under the list's name.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('button:has-text("Download HTML report")')]);
    assert.equal(download.suggestedFilename(), "vendors-screening.html");

    await rows.first().locator("button.disclosure").click();
    const detail = page.locator('[data-testid="vendor-detail"]');
    await detail.waitFor();
    assert.ok((await detail.locator('[data-testid="match"] table.features tbody tr').count()) >= 3, "each feature of the match is explained");
    const quote = detail.locator('[data-testid="evidence"] [data-testid="quote"]').first();
    assert.ok(((await quote.textContent()) ?? "").trim().length > 20, "the evidence shows its quote");
    assert.ok((await quote.locator("mark").count()) >= 1, "the firm's name is marked in the quote");
    assert.match((await detail.locator('[data-testid="document-link"]').first().getAttribute("href")) ?? "", /^#\/document\/\d+\?claim=\d+$/);
    assert.ok((await detail.locator('[data-testid="credibility"]').count()) >= 1, "the evidence carries its grade");

    await detail.locator('select[aria-label="decision"]').selectOption("monitor");
    await detail.locator('input[aria-label="decision reason"]').fill("named by Justice For Myanmar; watch for new reports");
    await detail.locator('button:has-text("Record decision")').click();
    const decision = detail.locator('[data-testid="decision"]').first();
    await decision.waitFor();
    assert.match((await decision.textContent()) ?? "", /^monitor by token #\d+ \(analyst\), .*: named by Justice For Myanmar/);
    assert.equal(await rows.first().locator('[data-testid="latest-decision"]').textContent(), "monitor");
    await page.screenshot({ path: artifactPath("screening.png"), fullPage: true });

    // A report stored after the decision names the firm; one monitor cycle raises its alert.
    const added = await fetch(`${server.url}/api/ingest`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: "Norinco delivered armoured vehicles to the Myanmar military in 2025, Reuters reported.", publisher: "Reuters", published: "2025-05-02", title: "Vehicles for Myanmar" }),
    });
    assert.equal(added.status, 201, await added.text());
    const cycle = spawnSync(BIN, ["monitor", "--once", "--db", db], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    assert.equal(cycle.status, 0, cycle.stderr);
    assert.match(cycle.stdout, /raised 1 alert/);

    await page.goto(`${server.url}/#/inbox`);
    const alert = page.locator('[data-testid="alert"]').first();
    await alert.waitFor();
    await page.locator('[data-testid="inbox-link"] .count', { hasText: "1" }).waitFor();
    assert.match((await alert.textContent()) ?? "", /Norinco/);
    assert.match((await alert.locator('[data-testid="quote"]').textContent()) ?? "", /^Norinco delivered armoured vehicles/);
    assert.match((await alert.locator('[data-testid="document-link"]').getAttribute("href")) ?? "", /^#\/document\/\d+\?claim=\d+$/);
    await page.screenshot({ path: artifactPath("screening/2-inbox.png"), fullPage: true });
    await alert.locator('button:has-text("Mark read")').click();
    await page.locator('[data-testid="inbox-link"] .count').waitFor({ state: "detached" });
    await alert.locator("text=· read").waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
});
