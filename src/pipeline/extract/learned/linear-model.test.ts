import { test } from "node:test";
import assert from "node:assert/strict";
import { probability, scoreFeatures, trainLogistic, type LinearModel, type TrainingExample } from "./linear-model.ts";

// A toy task: "supply" between the parties means a transfer, "visit" does not.
const examples: TrainingExample[] = [];
for (let i = 0; i < 40; i++) {
  examples.push({ features: ["b:supply", `noise:${i % 5}`], label: 1 });
  examples.push({ features: ["b:visit", `noise:${(i + 2) % 5}`], label: 0 });
}

test("training is deterministic: the same examples give the same weights", () => {
  assert.deepEqual(trainLogistic(examples), trainLogistic(examples));
});

test("the trained model separates the classes and explains itself by its strongest features", () => {
  const m: LinearModel = { ...trainLogistic(examples), version: "toy", threshold: 0.5 };
  assert.ok(probability(m, ["b:supply"]) > 0.8);
  assert.ok(probability(m, ["b:visit"]) < 0.2);
  const s = scoreFeatures(m, ["b:supply", "noise:1", "unknown"]);
  assert.equal(s.top[0]![0], "b:supply");
  assert.ok(s.top.every(([f]) => f !== "unknown"), "features the model never saw carry no weight");
  assert.equal(scoreFeatures(m, ["b:supply"], 0).score, probability(m, ["b:supply"]));
});

test("features seen fewer than minCount times are dropped", () => {
  const m = trainLogistic([...examples, { features: ["once"], label: 1 }], { minCount: 2 });
  assert.equal(m.weights["once"], undefined);
});
