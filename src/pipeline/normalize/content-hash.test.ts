import { test } from "node:test";
import assert from "node:assert/strict";
import { contentHash } from "./content-hash.ts";

test("contentHash is the sha256 hex of the UTF-8 text", () => {
  assert.equal(contentHash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  assert.equal(contentHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});

test("contentHash treats composed and decomposed accents alike", () => {
  assert.equal(contentHash("caf\u00e9"), contentHash("cafe\u0301"));
  assert.notEqual(contentHash("cafe"), contentHash("caf\u00e9"));
});
