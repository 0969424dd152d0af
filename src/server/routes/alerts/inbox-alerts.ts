/**
 * Alerts as the inbox shows them: each with the claim that raised it, summed up so an
 * analyst can judge it without opening the report (who, whom, what, how firmly, the
 * sentence, the source), and the ids to open the report and the parties.
 */
import type { Stance } from "../../../domain/types.ts";
import type { AlertRow, EntityRef, Store } from "../../../store/store.ts";

export interface AlertClaimSummary {
  id: number;
  documentId: number;
  supplier: EntityRef;
  recipient: EntityRef;
  items: string[];
  stance: Stance;
  /** The evidence sentence, word for word. */
  quote: string;
  /** Where the trigger word sits in `quote` (offsets into it), to mark it. */
  trigger: { start: number; end: number } | null;
  publisher: string | null;
  published: string | null;
  url: string | null;
  title: string | null;
}

export interface InboxAlert extends AlertRow {
  /** Null only if the claim is no longer stored. */
  claim: AlertClaimSummary | null;
}

export async function inboxAlerts(store: Store, rows: readonly AlertRow[]): Promise<InboxAlert[]> {
  const out: InboxAlert[] = [];
  for (const row of rows) {
    const [c] = await store.claims({ id: row.claimId, limit: 1 });
    if (c === undefined) {
      out.push({ ...row, claim: null });
      continue;
    }
    const start = c.trigger.start - c.evidence.start;
    const end = c.trigger.end - c.evidence.start;
    out.push({
      ...row,
      claim: {
        id: c.id,
        documentId: c.documentId,
        supplier: c.supplier,
        recipient: c.recipient,
        items: c.items,
        stance: c.stance,
        quote: c.evidence.text,
        trigger: start >= 0 && start < end && end <= c.evidence.text.length ? { start, end } : null,
        publisher: c.publisher,
        published: c.published,
        url: c.url,
        title: c.title,
      },
    });
  }
  return out;
}
