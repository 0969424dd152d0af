/**
 * `armstrace claim`: the review queue from a terminal. An analyst accepts, rejects or
 * corrects one claim (the verdict is stored beside it and its relation is regraded at
 * once), lists a claim's reviews, or revokes one; the same service backs the web app.
 */
import { CLAIM_VERDICTS, type ClaimVerdict } from "../../domain/claim-verdict.ts";
import { UsageError } from "../../domain/errors.ts";
import { STANCES } from "../../domain/types.ts";
import { reviewClaim, revokeClaimReview, type ReviewOutcome } from "../../services/review-claim.ts";
import { openStore } from "../../main.ts";
import { authorOf, choice, type Command } from "../command.ts";

const VERBS: Readonly<Record<string, ClaimVerdict>> = { accept: "accept", reject: "reject", correct: "correct" };

export const claimCommand: Command = {
  name: "claim",
  summary: "Review a claim: accept, reject or correct it (its relation is regraded at once); list or revoke reviews.",
  usage: [
    "claim accept|reject ID [--reason TEXT] [--by NAME]",
    "       armstrace claim correct ID [--stance S] [--supplier NAME|ID] [--recipient NAME|ID] [--items \"a; b\"] [--reason TEXT] [--by NAME]",
    "       armstrace claim reviews ID        the claim's reviews, oldest first, revoked ones included (JSON)",
    "       armstrace claim revoke REVIEW-ID  undo a review (the record stays, marked revoked)",
    "",
    "Claim ids are in armstrace claims --format json. A rejected claim stops counting as",
    "evidence; a corrected one counts as corrected; the stored claim is never rewritten.",
  ].join("\n"),
  example: 'armstrace claim reject 42 --reason "the sentence is about a different firm"',
  options: {
    db: { type: "string" },
    reason: { type: "string" },
    by: { type: "string" },
    stance: { type: "string" },
    supplier: { type: "string" },
    recipient: { type: "string" },
    items: { type: "string" },
  },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    reason: "why",
    by: 'who reviews (default $USER, else "analyst")',
    stance: `correct: ${STANCES.join(", ")}`,
    supplier: "correct: the real supplier (entity name or id)",
    recipient: "correct: the real recipient (entity name or id)",
    items: "correct: the items, separated by ';'",
  },
  async run({ values, positionals }, io) {
    const [sub, id, ...rest] = positionals;
    const known = [...CLAIM_VERDICTS, "reviews", "revoke"];
    if (sub === undefined || !known.includes(sub)) throw new UsageError(`claim: use one of ${known.join(", ")} (see armstrace claim --help)`);
    if (id === undefined || !/^\d+$/.test(id) || rest.length > 0) throw new UsageError(`claim ${sub}: give one ${sub === "revoke" ? "review" : "claim"} id`);
    const verdict = VERBS[sub];
    const corrections = (["stance", "supplier", "recipient", "items"] as const).filter((o) => values[o] !== undefined);
    if (verdict !== "correct" && corrections.length > 0) throw new UsageError(`claim: --${corrections[0]} goes with correct`);
    const stance = values["stance"] === undefined ? undefined : choice(values["stance"], STANCES, "stance", "asserted");
    const store = await openStore(values["db"] as string | undefined);
    try {
      if (sub === "reviews") {
        io.out(`${JSON.stringify(await store.claimReviews(Number(id)), null, 2)}\n`);
        return 0;
      }
      let outcome: ReviewOutcome | undefined;
      if (sub === "revoke") {
        outcome = await revokeClaimReview(store, Number(id));
        if (outcome === undefined) throw new UsageError(`there is no claim review with id ${id}`);
      } else {
        outcome = await reviewClaim(store, Number(id), {
          verdict: verdict!,
          stance,
          supplier: values["supplier"] as string | undefined,
          recipient: values["recipient"] as string | undefined,
          items: typeof values["items"] === "string" ? values["items"].split(";") : undefined,
          reason: values["reason"] as string | undefined,
          author: authorOf(values["by"], "claim"),
        });
        if (outcome === undefined) throw new UsageError(`there is no claim with id ${id}`);
      }
      const c = outcome.claim;
      const done = sub === "revoke" ? `revoked review #${outcome.review.id}` : `review #${outcome.review.id}: ${outcome.review.verdict}`;
      io.out(`${done} of claim #${c.id} (${c.supplier.name} → ${c.recipient.name}, ${c.stance})\n`);
      for (const r of outcome.relations) io.out(`  ${r.supplier.name} → ${r.recipient.name}: credibility ${r.credibility}; ${r.explanation}\n`);
      if (outcome.relations.length === 0) io.out("  no claim of this relation counts any more\n");
      return 0;
    } finally {
      await store.close();
    }
  },
};
