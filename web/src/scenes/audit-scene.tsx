/** Every judgement, newest first: who decided what about which claim or entities, when, and whether it still applies. */
import { api } from "../api.ts";
import { href } from "../router.ts";
import { useLoad } from "../use-load.ts";

export function AuditScene({ canReview }: { canReview: boolean }) {
  const log = useLoad(() => api.audit(), "audit");
  const revoke = async (subject: "claim" | "entity", id: number) => {
    await (subject === "claim" ? api.revokeReview(id) : api.revokeJudgement(id));
    log.reload();
  };
  return (
    <section>
      <h1>Audit log</h1>
      {log.error && <p className="error" role="alert">{log.error}</p>}
      <table className="audit" data-testid="audit-log">
        <thead>
          <tr><th>when</th><th>who</th><th>what</th><th>about</th><th>reason</th><th>status</th></tr>
        </thead>
        <tbody>
          {log.data?.items.map((e) => (
            <tr key={`${e.subject}${e.id}`} className={e.revokedAt ? "revoked" : undefined}>
              <td><time>{e.createdAt.replace("T", " ").slice(0, 19)}</time></td>
              <td>{e.author}</td>
              <td>{e.action.replace("_", " ")}</td>
              <td>{e.claimId !== null ? <a href={`#/claim/${e.claimId}`}>{e.summary}</a> : e.summary}</td>
              <td>{e.reason ?? ""}</td>
              <td>
                {e.revokedAt ? `revoked ${e.revokedAt.slice(0, 10)}` : "applies"}
                {!e.revokedAt && canReview && <button className="small" onClick={() => void revoke(e.subject, e.id)}>revoke</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.data?.items.length === 0 && <p className="muted">No judgements yet. <a href={href.review()}>Review claims</a>.</p>}
    </section>
  );
}
