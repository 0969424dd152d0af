#!/usr/bin/env node
// Retrains the shipped pair model from the shared gold sets (train + dev) and writes
// data/models/pair-model.json with its card. Deterministic: the same gold gives the same file.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const gold = process.env.ARMSTRACE_GOLD ?? join(root, "..", "shared", "gold");
if (!existsSync(join(gold, "train"))) {
  console.error(`train: gold sets not found at ${gold} (needs ../shared/gold beside the checkout)`);
  process.exit(2);
}
execFileSync(join(root, "bin", "armstrace"), ["train", "--gold", join(gold, "train"), "--gold", join(gold, "dev"), "--out", join(root, "data", "models", "pair-model.json")], { stdio: "inherit" });
