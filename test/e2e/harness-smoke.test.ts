/**
 * The browser test machinery works end to end: the CLI makes a token, a real server
 * starts on a free port, chromium loads an API page from it and a screenshot is saved.
 * If this fails, the other browser tests' failures say nothing about the app.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { artifactPath, createToken, launchBrowser, startServer, type RunningServer } from "./browser-harness.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-e2e-"));
const db = path.join(tmp, "smoke.db");
let server: RunningServer | undefined;
let browser: Browser | undefined;
let token = "";

before(async () => {
  // Made before the server starts, as a user would; this also creates the empty store.
  token = createToken(db, "analyst");
  server = await startServer({ db });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  const code = await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  assert.equal(code ?? 0, 0, `serve should exit 0 on SIGTERM:\n${server?.output() ?? ""}`);
});

test("a token from the CLI is accepted by the server it starts", async () => {
  assert.ok(server);
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal((await fetch(`${server.url}/api/relations`)).status, 401, "reads need a token without --anonymous-reads");
  const res = await fetch(`${server.url}/api/relations`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200, server.output());
});

test("chromium opens the OpenAPI document and a screenshot is saved", async () => {
  assert.ok(server && browser);
  const page = await browser.newPage();
  try {
    const res = await page.goto(`${server.url}/api/openapi.json`);
    assert.equal(res?.status(), 200);
    const text = (await page.textContent("body")) ?? "";
    assert.ok(text.includes("armstrace REST API"), `the page shows the API title:\n${text.slice(0, 500)}`);
    const shot = artifactPath("harness-smoke/openapi.png");
    await page.screenshot({ path: shot });
    assert.ok(fs.statSync(shot).size > 0, "the screenshot was written");
  } finally {
    await page.close();
  }
});
