/**
 * Screening results as flat rows for the table and CSV: one row per vendor with its
 * best match and best-graded evidence. JSON keeps the whole structure instead.
 */
import type { ScreeningResult } from "../../domain/screening.ts";
import type { Column } from "./format-rows.ts";

export const SCREENING_COLUMNS: readonly Column[] = [
  { key: "line", header: "LINE" },
  { key: "vendor", header: "VENDOR", width: 32 },
  { key: "country", header: "CTRY" },
  { key: "flagged", header: "FLAG" },
  { key: "tier", header: "TIER" },
  { key: "rule", header: "RULE" },
  { key: "match", header: "BEST MATCH", width: 30 },
  { key: "score", header: "SCORE" },
  { key: "evidence", header: "EVIDENCE", width: 48 },
  { key: "decision", header: "DECISION", width: 24 },
];

export function screeningRows(results: readonly ScreeningResult[]): Record<string, unknown>[] {
  return results.map((r) => {
    const best = r.matches[0];
    const top = r.evidence[0];
    const decision = r.decisions[0];
    return {
      line: r.vendor.line,
      vendor: r.vendor.name,
      country: r.vendor.country ?? "",
      flagged: r.flagged ? "yes" : "no",
      tier: r.tier,
      rule: r.rule.id,
      match: best ? `${best.entity.name} (${best.strength})` : "",
      score: best ? best.score.toFixed(3) : "",
      evidence: top ? `${top.supplier} → ${top.recipient} ${top.grade}${r.evidence.length > 1 ? ` +${r.evidence.length - 1}` : ""}` : "",
      decision: decision ? `${decision.decision} by ${decision.author} ${decision.createdAt.slice(0, 10)}` : "",
    };
  });
}
