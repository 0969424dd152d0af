import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { assertNoStack, assertOneLineError, describe, makeTempDir, removeDir, ROOT, run } from "./helpers.ts";

const COMMANDS = ["extract", "ingest", "claims", "entities"] as const;
const tmp = makeTempDir();
after(() => removeDir(tmp));

function assertCommandList(stdout: string): void {
  assert.match(stdout, /Usage: armstrace <command>/);
  for (const name of COMMANDS) assert.match(stdout, new RegExp(`^  ${name} +\\S`, "m"), `lists ${name}`);
}

let helpStdout = "";

test("--help prints the command list and exits 0", () => {
  const r = run(["--help"]);
  helpStdout = r.stdout;
  assert.equal(r.status, 0, describe(r));
  assert.equal(r.stderr, "");
  assertCommandList(r.stdout);
});

test("help prints the same command list", () => {
  const r = run(["help"]);
  assert.equal(r.status, 0, describe(r));
  assert.equal(r.stderr, "");
  assertCommandList(r.stdout);
  assert.equal(r.stdout, helpStdout, "help and --help agree");
});

for (const name of COMMANDS) {
  test(`${name} --help prints its usage and an example, exit 0`, () => {
    const r = run([name, "--help"]);
    assert.equal(r.status, 0, describe(r));
    assert.equal(r.stderr, "");
    assert.match(r.stdout, new RegExp(`^Usage: armstrace ${name}\\b`, "m"));
    assert.match(r.stdout, /^Example:\n  armstrace \S/m, "an example command line");
    assert.match(r.stdout, new RegExp(`^  armstrace ${name}\\b`, "m"), "the example runs this command");
    assert.match(r.stdout, /--help/);
  });
}

test("--version prints the package version", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  const r = run(["--version"]);
  assert.equal(r.status, 0, describe(r));
  assert.equal(r.stdout, `${pkg.version}\n`);
  assert.equal(r.stderr, "");
});

test("unknown command: exit 2, one line naming it", () => {
  const r = run(["frobnicate", "x.txt"]);
  assertOneLineError(r, 2, '"frobnicate"');
  assert.equal(r.stdout, "");
});

test("unknown option: exit 2, one line naming it, nothing read", () => {
  const r = run(["extract", "--bogus", "x.txt"]);
  assertOneLineError(r, 2, "--bogus");
  assert.equal(r.stdout, "");
});

test("extract without inputs is a usage error (exit 2)", () => {
  const r = run(["extract"]);
  assertOneLineError(r, 2, "extract");
  assert.equal(r.stdout, "");
});

// A bad value is a usage error, found before the database is opened, so no file is created.
const badValues: { name: string; args: string[]; needles: string[] }[] = [
  { name: "--format", args: ["claims", "--format", "xml"], needles: ["--format", "xml"] },
  { name: "--stance", args: ["claims", "--stance", "maybe"], needles: ["stance", "maybe"] },
  { name: "--type", args: ["entities", "--type", "planet"], needles: ["type", "planet"] },
  { name: "--limit", args: ["entities", "--limit", "0"], needles: ["--limit", "0"] },
];
for (const [i, bad] of badValues.entries()) {
  test(`bad ${bad.name} value: exit 2, one line, no database created`, () => {
    const db = path.join(tmp, `bad-${i}`, "x.db");
    const r = run([...bad.args, "--db", db]);
    assertOneLineError(r, 2, ...bad.needles);
    assertNoStack(r);
    assert.equal(r.stdout, "");
    assert.ok(!fs.existsSync(db), `${db} should not have been created by a usage error`);
  });
}
