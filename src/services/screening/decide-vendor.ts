/**
 * Records a compliance decision about a vendor. The vendor is screened again at the
 * moment of deciding, and the matches, tier and evidence of that screening are kept
 * with the decision: what the decision rested on stays on file even when grades later
 * change. Deciding to monitor also starts watching the vendor, so new claims about it
 * raise alerts.
 */
import { UsageError } from "../../domain/errors.ts";
import type { Decision, ScreeningResult, VendorDecision } from "../../domain/screening.ts";
import type { Store, WatchRow } from "../../store/store.ts";
import { countryCode } from "./read-vendor-list.ts";
import { screenVendors, vendorKey } from "./screen-vendors.ts";

export interface DecideInput {
  vendor: string;
  country?: string | null | undefined;
  decision: Decision;
  reason: string;
  author: string;
}

export interface DecideOutcome {
  decision: VendorDecision;
  screening: ScreeningResult;
  /** The watch a "monitor" decision started (or found already running). */
  watch: WatchRow | null;
}

export async function decideVendor(store: Store, input: DecideInput): Promise<DecideOutcome> {
  const name = input.vendor.trim();
  if (name === "") throw new UsageError("decide: the vendor name must not be empty");
  if (input.reason.trim() === "") throw new UsageError("decide: give the reason for the decision (--reason)");
  let country: string | null = null;
  if (input.country) {
    country = countryCode(input.country);
    if (country === null) throw new UsageError(`decide: country "${input.country}" is not recognised (use an ISO code such as CN)`);
  }
  const [screening] = await screenVendors(store, [{ name, country, website: null, identifiers: [], line: 1 }]);
  const s = screening!;
  const decision = await store.recordDecision({
    vendor: name,
    vendorKey: vendorKey(name),
    country,
    decision: input.decision,
    reason: input.reason.trim(),
    author: input.author,
    tier: s.tier,
    rule: s.rule.id,
    matches: s.matches.filter((m) => m.strength !== "weak").map((m) => ({ entityId: m.entity.id, name: m.entity.name, score: m.score })),
    evidence: s.evidence,
  });
  const watch = input.decision === "monitor"
    ? (await store.addWatch({ kind: "vendor", vendor: name, country, label: name, author: input.author })).watch
    : null;
  return { decision, screening: { ...s, decisions: [decision, ...s.decisions] }, watch };
}
