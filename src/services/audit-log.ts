/**
 * Every analyst judgement in one list, newest first: verdicts on claims and on
 * whether entities are one party, each with who made it, when, and whether it was
 * revoked. Nothing is ever deleted, so this is the whole history.
 */
import type { ClaimVerdict } from "../domain/claim-verdict.ts";
import type { JudgementKind } from "../domain/entity-groups.ts";
import type { Store } from "../store/store.ts";

export interface AuditEntry {
  /** "claim" for a verdict on a claim, "entity" for a judgement about two entities. */
  subject: "claim" | "entity";
  id: number;
  action: ClaimVerdict | JudgementKind;
  /** One line: what was judged ("claim #12: Norinco → Myanmar", "Norinco (#3) and NORINCO (#9)"). */
  summary: string;
  claimId: number | null;
  reason: string | null;
  author: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function auditLog(store: Store): Promise<AuditEntry[]> {
  const reviews = await store.claimReviews();
  const claims = new Map<number, string>();
  for (const id of new Set(reviews.map((r) => r.claimId))) {
    const [c] = await store.claims({ id, limit: 1 });
    if (c) claims.set(id, `${c.supplier.name} → ${c.recipient.name}`);
  }
  const entries: AuditEntry[] = [
    ...reviews.map((r): AuditEntry => {
      const changes = [r.stance && `stance ${r.stance}`, r.supplier && `supplier ${r.supplier.name}`, r.recipient && `recipient ${r.recipient.name}`, r.items && `items ${r.items.join(", ")}`].filter(Boolean);
      return {
        subject: "claim",
        id: r.id,
        action: r.verdict,
        summary: `claim #${r.claimId}: ${claims.get(r.claimId) ?? "?"}${r.verdict === "correct" && changes.length > 0 ? ` (${changes.join("; ")})` : ""}`,
        claimId: r.claimId,
        reason: r.reason,
        author: r.author,
        createdAt: r.createdAt,
        revokedAt: r.revokedAt,
      };
    }),
    ...(await store.judgements()).map((j): AuditEntry => ({
      subject: "entity",
      id: j.id,
      action: j.kind,
      summary: `${j.a.name} (#${j.a.id}) and ${j.b.name} (#${j.b.id})`,
      claimId: null,
      reason: j.reason,
      author: j.author,
      createdAt: j.createdAt,
      revokedAt: j.revokedAt,
    })),
  ];
  return entries.sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
}
