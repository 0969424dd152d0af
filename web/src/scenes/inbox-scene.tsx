/** The alert inbox: claims about watched parties stored since the watch began, newest first; mark them read. */
import { useState } from "react";
import { api, type InboxAlert } from "../api.ts";
import { StanceTag } from "../components/grades.tsx";
import { href } from "../router.ts";
import { useLoad } from "../use-load.ts";

export function InboxScene({ signedIn, onChanged }: { signedIn: boolean; onChanged: () => void }) {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [error, setError] = useState<string>();
  const alerts = useLoad(() => api.alerts(unreadOnly ? { unread: true } : {}), `inbox:${String(unreadOnly)}`);
  const markRead = async (ids: number[]) => {
    if (ids.length === 0) return;
    setError(undefined);
    try {
      await api.markAlertsRead(ids);
      alerts.reload();
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const unread = alerts.data?.items.filter((a) => a.readAt === null) ?? [];
  return (
    <section>
      <h1>Inbox</h1>
      {!signedIn && <p className="notice">Alerts need a token (watches name confidential vendors): paste one above.</p>}
      <div className="row">
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> unread only
        </label>
        <button disabled={unread.length === 0} onClick={() => void markRead(unread.map((a) => a.id))}>Mark all shown read</button>
      </div>
      {alerts.error && <p className="error" role="alert">{alerts.error}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {alerts.data?.items.length === 0 && (
        <p className="muted">No alerts{unreadOnly ? " unread" : ""}. Deciding to monitor a vendor on the <a href={href.screening()}>screening</a> page watches it; the monitor raises an alert for each new claim about it.</p>
      )}
      <div data-testid="alerts">
        {alerts.data?.items.map((a) => <AlertCard key={a.id} alert={a} onRead={() => void markRead([a.id])} />)}
      </div>
    </section>
  );
}

function AlertCard({ alert: a, onRead }: { alert: InboxAlert; onRead: () => void }) {
  const c = a.claim;
  return (
    <article className={`alert-card${a.readAt === null ? " unread" : ""}`} data-testid="alert" data-alert-id={a.id}>
      <header>
        <strong>{a.watch.label}</strong> <span className="muted">· {a.reason} · <time>{a.createdAt.replace("T", " ").slice(0, 16)}</time></span>
        {a.readAt === null ? <button className="small" onClick={onRead}>Mark read</button> : <span className="muted"> · read</span>}
      </header>
      {c === null ? (
        <p className="muted">The claim (#{a.claimId}) is no longer stored.</p>
      ) : (
        <>
          <p>
            <a href={href.entity(c.supplier.id)}>{c.supplier.name}</a> → <a href={href.entity(c.recipient.id)}>{c.recipient.name}</a>
            {c.items.length > 0 && <span className="items"> · {c.items.join(", ")}</span>} <StanceTag stance={c.stance} />
          </p>
          <blockquote className="quote" data-testid="quote">
            {c.trigger ? (
              <>
                {c.quote.slice(0, c.trigger.start)}
                <mark className="trigger">{c.quote.slice(c.trigger.start, c.trigger.end)}</mark>
                {c.quote.slice(c.trigger.end)}
              </>
            ) : (
              c.quote
            )}
          </blockquote>
          <p className="source">
            {c.publisher ?? "unknown publisher"}
            {c.published ? `, ${c.published.slice(0, 10)}` : ""} ·{" "}
            <a href={href.document(c.documentId, c.id)} data-testid="document-link">Show in the report{c.title ? `: ${c.title}` : ""}</a>
            {c.url && /^https?:\/\//i.test(c.url) && (
              <>
                {" · "}
                <a href={c.url} rel="noreferrer noopener" target="_blank">original</a>
              </>
            )}
          </p>
        </>
      )}
    </article>
  );
}
