import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { apiFixture, type ApiFixture } from "./api-fixture.ts";

// A stand-in build: the app serves whatever `vite build` wrote, so a tiny one shows the rules.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-web-root-"));
fs.mkdirSync(path.join(dir, "assets"));
fs.writeFileSync(path.join(dir, "index.html"), '<!doctype html><script type="module" src="/assets/app-1.js"></script>');
fs.writeFileSync(path.join(dir, "assets", "app-1.js"), "console.log(1)");
fs.writeFileSync(path.join(os.tmpdir(), "armstrace-secret.txt"), "secret");

let api: ApiFixture;
before(async () => {
  api = await apiFixture({ webRoot: dir });
});
after(async () => {
  await api.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.join(os.tmpdir(), "armstrace-secret.txt"), { force: true });
});

test("the page is served at / with a policy that allows only its own scripts", async () => {
  const res = await api.get("/");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(await res.text(), /app-1\.js/);
});

test("hashed assets are served as immutable with their type", async () => {
  const res = await api.get("/assets/app-1.js");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/javascript/);
  assert.match(res.headers.get("cache-control") ?? "", /immutable/);
});

test("paths outside the build are not served; API answers keep the strict JSON policy", async () => {
  for (const p of ["/assets/..%2F..%2Farmstrace-secret.txt", "/assets/%2e%2e%2fapi.db", "/assets/missing.js", "/other"]) {
    const res = await api.get(p);
    assert.equal(res.status, 404, p);
  }
  const apiRes = await api.get("/api/openapi.json");
  assert.equal(apiRes.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
});
