import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanItems } from "./clean-items.ts";

test("items keep goods and drop clause words, parties and page furniture", () => {
  assert.deepEqual(
    cleanItems(["Shahed-136 drones", "identified", "although", "Iranian firms", "JOIN US ON TELEGRAM", "artillery shells", "PTL02"], ["Iranian firms", "Russia"]),
    ["Shahed-136 drones", "artillery shells", "PTL02"],
  );
});
