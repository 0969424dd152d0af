/**
 * The web app in a real browser against a real server: a reader finds a party by a
 * misspelt name and follows the evidence down to the highlighted quote in its report;
 * an analyst pastes reports, sees their claims, rejects one and watches the grade
 * change; markup in a report is shown as text and never runs. Screenshots of every
 * step are kept under artifacts/e2e/web-app/.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { BIN, ROOT, artifactPath, createToken, launchBrowser, startServer, type RunningServer } from "./browser-harness.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-web-"));
let browser: Browser | undefined;

before(async () => {
  const built = path.join(ROOT, "dist", "web", "index.html");
  assert.ok(fs.existsSync(built), "the web app must be built first (npm run build:web; npm test does it)");
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A page that fails the test on any script error it reports. */
async function newPage(errors: string[]): Promise<Page> {
  assert.ok(browser);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => errors.push(e.message));
  return page;
}

describe("reader: search → entity → relation → quote in its document", () => {
  let server: RunningServer;
  before(async () => {
    const db = path.join(tmp, "samples.db");
    const ingest = spawnSync(BIN, ["ingest", path.join(ROOT, "data", "samples"), "--db", db], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    assert.equal(ingest.status, 0, ingest.stderr);
    server = await startServer({ db, anonymousReads: true });
  });
  after(async () => void (await server.stop()));

  test("a misspelt name finds the party and its evidence leads to the highlighted sentence", async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await page.goto(`${server.url}/`);
    await page.fill('input[type="search"]', "norinko");
    const hit = page.locator('[data-testid="search-results"] li a').first();
    await hit.waitFor();
    assert.match((await hit.textContent()) ?? "", /Norinco|North Industries/i);
    await page.screenshot({ path: artifactPath("web-app/1-search.png") });

    await hit.click();
    await page.locator('[data-testid="relations-table"] tbody tr').first().waitFor();
    assert.match((await page.textContent('[data-testid="entity-name"]')) ?? "", /Norinco|North Industries/i);
    assert.ok((await page.locator('[data-testid="network-graph"] path[stroke]').count()) >= 1, "the graph draws at least one edge");
    await page.locator('[data-testid="timeline"] li').first().waitFor();
    await page.screenshot({ path: artifactPath("web-app/2-entity.png"), fullPage: true });

    await page.locator('[data-testid="relation-link"]').first().click();
    const claim = page.locator('[data-testid="claim"]').first();
    await claim.waitFor();
    const quote = ((await claim.locator('[data-testid="quote"]').textContent()) ?? "").trim();
    assert.ok(quote.length > 20, `the claim shows its quote: ${quote}`);
    // Why it was believed: the rule, the pair model's score and version, the features that weighed most.
    assert.match((await claim.locator('[data-testid="claim-rule"]').textContent()) ?? "", /^extract\//);
    assert.match((await claim.locator('[data-testid="claim-score"]').textContent()) ?? "", /^model [01]\.\d{2,3} · pair-\S+$/);
    const features = claim.locator('[data-testid="claim-features"] li');
    assert.ok((await features.count()) >= 1, "the claim lists at least one feature");
    assert.match(((await features.first().textContent()) ?? "").trim(), /^\S+ [+−]\d+\.\d{2}$/);
    assert.ok(
      (await page.getByRole("list", { name: "features" }).count()) >= 1,
      "the features list is named by its label for assistive technology",
    );
    await page.screenshot({ path: artifactPath("web-app/3-relation.png"), fullPage: true });

    await claim.locator('[data-testid="document-link"]').click();
    await page.locator(".claim-focus").first().waitFor();
    const highlighted = (await page.locator(".claim-focus").allTextContents()).join("");
    assert.equal(highlighted.replace(/\s+/g, " ").trim(), quote.replace(/\s+/g, " "), "the focused highlight is exactly the quote");
    const reportText = (await page.textContent('[data-testid="report-text"]')) ?? "";
    assert.ok(reportText.includes(highlighted), "the highlight sits inside the report's text");
    await page.screenshot({ path: artifactPath("web-app/4-document.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("analyst: paste reports, reject a claim, markup stays text", () => {
  let server: RunningServer;
  let token: string;
  before(async () => {
    const db = path.join(tmp, "analyst.db");
    token = createToken(db, "analyst");
    server = await startServer({ db });
  });
  after(async () => void (await server.stop()));

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${server.url}/#/ingest`);
    await page.fill('input[aria-label="bearer token"]', token);
    await page.click('button:has-text("Use token")');
    await page.locator("text=token set").waitFor();
  }

  async function paste(page: Page, text: string, publisher: string, published: string): Promise<void> {
    await page.goto(`${server.url}/#/ingest`);
    await page.fill('textarea[aria-label="report text"]', text);
    await page.fill('input[aria-label="publisher"]', publisher);
    await page.fill('input[aria-label="published"]', published);
    await page.click('button:has-text("Add text")');
    await page.locator('[data-testid="ingest-results"] .ingest-result').first().waitFor();
  }

  test("pasted reports' claims appear, and rejecting one regrades the relation", async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await signIn(page);
    await paste(page, "Norinco supplied assault rifles to the Myanmar military in 2023.", "Reuters", "2024-03-01");
    const first = page.locator('[data-testid="ingested-claim"]');
    await first.first().waitFor();
    assert.match((await first.first().textContent()) ?? "", /→ Myanmar/);
    await page.screenshot({ path: artifactPath("web-app/5-ingest.png") });
    await paste(page, "In 2023 Norinco delivered assault rifles to the Myanmar military, officials said.", "Associated Press", "2024-03-05");
    await page.locator('[data-testid="ingested-claim"] a').first().click();

    const grade = page.locator('[data-testid="relation-grade"]');
    await grade.waitFor();
    await page.locator('[data-testid="claim"]').nth(1).waitFor();
    const before = (await grade.textContent()) ?? "";
    await page.screenshot({ path: artifactPath("web-app/6-relation-before.png"), fullPage: true });
    const card = page.locator('[data-testid="claim"]').first();
    await card.locator('input[aria-label="reason"]').fill("not this report's claim");
    await card.locator('button:has-text("Reject")').click();
    await card.locator("text=rejected by").waitFor();
    const after = (await grade.textContent()) ?? "";
    assert.notEqual(after, before, "the grade box changes");
    const credibility = async (text: string) => Number(/(\d) ·/.exec(text)?.[1]);
    assert.ok((await credibility(after)) > (await credibility(before)), `credibility worsens: ${before} → ${after}`);
    await page.screenshot({ path: artifactPath("web-app/7-relation-after-reject.png"), fullPage: true });

    await page.goto(`${server.url}/#/audit`);
    const row = page.locator('[data-testid="audit-log"] tbody tr').first();
    await row.waitFor();
    const rowText = (await row.textContent()) ?? "";
    assert.match(rowText, /reject/);
    assert.match(rowText, /token #\d+ \(analyst\)/);
    assert.match(rowText, /not this report's claim/);
    await page.screenshot({ path: artifactPath("web-app/8-audit.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("uploaded files are ingested; fetching a loopback URL is refused with the reason", async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await signIn(page);
    await page.setInputFiles('input[aria-label="files"]', [
      { name: "rifles.txt", mimeType: "text/plain", buffer: Buffer.from("Norinco shipped sniper rifles to the Sudanese Armed Forces in 2021.\n") },
      { name: "blob.bin", mimeType: "application/octet-stream", buffer: Buffer.from([0, 1, 2, 0, 255, 0, 0, 7]) },
    ]);
    await page.click('button:has-text("Upload")');
    const results = page.locator('[data-testid="ingest-results"] .ingest-result');
    await results.nth(1).waitFor();
    const texts = await results.allTextContents();
    assert.ok(texts.some((t) => /rifles\.txt: added/.test(t) && /Sudan/.test(t)), texts.join("\n"));
    assert.ok(texts.some((t) => /blob\.bin: failed/.test(t)), texts.join("\n"));
    await page.screenshot({ path: artifactPath("web-app/10-upload.png") });

    await page.fill('input[aria-label="url"]', `${server.url}/api/openapi.json`);
    await page.click('button:has-text("Fetch")');
    // The upload's results are replaced by the fetch's: wait for the one about this URL.
    const refusal = page.locator('[data-testid="ingest-results"] .ingest-result:has-text("openapi.json") .error');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? "", /loopback/);
    await page.screenshot({ path: artifactPath("web-app/11-fetch-refused.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a report with <script> and <img onerror> is shown as text; nothing runs", async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await signIn(page);
    const hostile =
      'Norinco supplied rifles to the Myanmar military <script>window.__pwned = "script"; alert(1)</script> in 2022. ' +
      'Officials said <img src="x" onerror="window.__pwned = \'img\'; alert(2)"> more were coming.';
    await paste(page, hostile, "Reuters", "2024-04-01");
    await page.locator('.ingest-result a:has-text("open the report")').click();
    const text = page.locator('[data-testid="report-text"]');
    await text.waitFor();
    const shown = (await text.textContent()) ?? "";
    assert.ok(shown.includes("<script>window.__pwned"), "the script tag is shown as characters");
    assert.ok(shown.includes('<img src="x" onerror='), "the img tag is shown as characters");
    assert.equal(await text.locator("script, img").count(), 0, "no element was made from the report's markup");
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    assert.equal(dialogs, 0);
    await page.screenshot({ path: artifactPath("web-app/9-markup-as-text.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
