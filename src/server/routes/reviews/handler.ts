/**
 * Claim review: the queue of claims nobody has checked, one claim with its reviews,
 * an analyst's verdict (accept, reject, correct) and its revocation, one relation with
 * every claim behind it, and the audit log of every judgement, claims and entities alike.
 */
import { Hono } from "hono";
import { auditLog } from "../../../services/audit-log.ts";
import { refreshRelations } from "../../../services/recompute-relations.ts";
import { reviewClaim, revokeClaimReview } from "../../../services/review-claim.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { HttpProblem } from "../../http-problem.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { readJsonBody } from "../../read-json-body.ts";
import { queryOf, validate } from "../../validate.ts";
import { idParam } from "../schema-parts.ts";
import { pairParam, queueQuery, reviewBody } from "./schema.ts";

export function reviewsRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get("/review-queue", async (c) => {
      const q = validate(queueQuery, queryOf(c.req.url), "query");
      return jsonResponse({ items: await store.claims({ reviewed: false, order: "newest", limit: q.limit }) });
    })
    .get("/claims/:id", async (c) => {
      const { id } = validate(idParam, c.req.param(), "path");
      const [claim] = await store.claims({ id, limit: 1 });
      if (claim === undefined) throw new HttpProblem(404, `there is no claim with id ${id}`);
      return jsonResponse({ claim, reviews: await store.claimReviews(id) });
    })
    .post("/claims/:id/review", async (c) => {
      const { id } = validate(idParam, c.req.param(), "path");
      const body = validate(reviewBody, await readJsonBody(c.req.raw), "body");
      const outcome = await reviewClaim(store, id, { ...body, author: c.get("caller")?.name ?? "api" });
      if (outcome === undefined) throw new HttpProblem(404, `there is no claim with id ${id}`);
      return jsonResponse(outcome, 201);
    })
    .post("/claim-reviews/:id/revoke", async (c) => {
      const { id } = validate(idParam, c.req.param(), "path");
      const outcome = await revokeClaimReview(store, id);
      if (outcome === undefined) throw new HttpProblem(404, `there is no claim review with id ${id}`);
      return jsonResponse(outcome);
    })
    .post("/judgements/:id/revoke", async (c) => {
      const { id } = validate(idParam, c.req.param(), "path");
      const judgement = await store.revokeJudgement(id);
      if (judgement === undefined) throw new HttpProblem(404, `there is no judgement with id ${id}`);
      return jsonResponse({ judgement });
    })
    .get("/relations/:supplierId/:recipientId", async (c) => {
      const { supplierId, recipientId } = validate(pairParam, c.req.param(), "path");
      await refreshRelations(store);
      const canon = await store.canonicalOf([supplierId, recipientId]);
      const s = canon.get(supplierId) ?? supplierId;
      const r = canon.get(recipientId) ?? recipientId;
      const relation = (await store.relations({ entityIds: [s] })).find((x) => x.supplierId === s && x.recipientId === r) ?? null;
      const claims = await store.claims({ pair: { supplierId: s, recipientId: r } });
      if (relation === null && claims.length === 0) throw new HttpProblem(404, `there is no relation from entity ${supplierId} to entity ${recipientId}`);
      return jsonResponse({ relation, claims });
    })
    .get("/audit", async () => jsonResponse({ items: await auditLog(store) }));
}
