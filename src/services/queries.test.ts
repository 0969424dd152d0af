import { test } from "node:test";
import assert from "node:assert/strict";
import { UsageError } from "../domain/errors.ts";
import type { ClaimFilter, EntityFilter, Store } from "../store/store.ts";
import { stubStore } from "../store/stub-store.ts";
import { listClaims, listEntities, parseEntityType, parseStance } from "./queries.ts";

/** A store that records the filters it is asked for; the queries only validate and pass on. */
function recordingStore(): { store: Store; claimFilters: ClaimFilter[]; entityFilters: EntityFilter[] } {
  const claimFilters: ClaimFilter[] = [];
  const entityFilters: EntityFilter[] = [];
  const store: Store = stubStore({
    ingest: async () => ({ status: "duplicate", documentId: 0, claims: 0, entities: 0, mentions: 0 }),
    hasDocument: async () => false,
    claims: async (filter = {}) => {
      claimFilters.push(filter);
      return [];
    },
    entities: async (filter = {}) => {
      entityFilters.push(filter);
      return [];
    },
    counts: async () => ({ documents: 0, entities: 0, mentions: 0, claims: 0 }),
    close: async () => {},
  });
  return { store, claimFilters, entityFilters };
}

function usageError(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof UsageError, `expected UsageError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  };
}

test("parseStance accepts known stances in any case", () => {
  assert.equal(parseStance("denied"), "denied");
  assert.equal(parseStance(" Hedged "), "hedged");
  assert.throws(() => parseStance("maybe"), usageError(/unknown stance "maybe"; expected one of: asserted, hedged, denied/));
});

test("parseEntityType accepts known types, with - for _", () => {
  assert.equal(parseEntityType("state"), "state");
  assert.equal(parseEntityType("armed-force"), "armed_force");
  assert.equal(parseEntityType("ARMED_FORCE"), "armed_force");
  assert.throws(() => parseEntityType("weapon"), usageError(/unknown entity type "weapon"; expected one of: organization, state/));
});

test("listClaims validates and passes the filter on", async () => {
  const { store, claimFilters } = recordingStore();
  await listClaims(store, { entity: "norinco", stance: "DENIED", limit: 5 });
  await listClaims(store);
  assert.deepEqual(claimFilters, [
    { entity: "norinco", stance: "denied", limit: 5 },
    { entity: undefined, stance: undefined, limit: undefined },
  ]);
  await assert.rejects(listClaims(store, { stance: "sure" }), usageError(/unknown stance "sure"/));
  await assert.rejects(listClaims(store, { entity: "  " }), usageError(/entity must not be empty/));
  await assert.rejects(listClaims(store, { limit: 0 }), usageError(/limit must be a whole number/));
  await assert.rejects(listClaims(store, { limit: 2.5 }), usageError(/not 2.5/));
  await assert.rejects(listClaims(store, { limit: Number.NaN }), usageError(/not NaN/));
  assert.equal(claimFilters.length, 2, "nothing reaches the store when a filter is bad");
});

test("listEntities validates and passes the filter on", async () => {
  const { store, entityFilters } = recordingStore();
  await listEntities(store, { type: "armed-force", name: "navy", limit: 10 });
  assert.deepEqual(entityFilters, [{ type: "armed_force", name: "navy", limit: 10 }]);
  await assert.rejects(listEntities(store, { type: "country" }), usageError(/unknown entity type "country"/));
  await assert.rejects(listEntities(store, { name: "" }), usageError(/name must not be empty/));
});
