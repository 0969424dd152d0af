/** The shell: navigation, the bearer token box, and the scene for the current hash route. */
import { useState } from "react";
import { api, getToken, setToken } from "./api.ts";
import { href, useRoute } from "./router.ts";
import { useLoad } from "./use-load.ts";
import { AuditScene } from "./scenes/audit-scene.tsx";
import { ClaimScene } from "./scenes/claim-scene.tsx";
import { DocumentScene } from "./scenes/document-scene.tsx";
import { EntityScene } from "./scenes/entity-scene.tsx";
import { InboxScene } from "./scenes/inbox-scene.tsx";
import { IngestScene } from "./scenes/ingest-scene.tsx";
import { RelationScene } from "./scenes/relation-scene.tsx";
import { ReviewScene } from "./scenes/review-scene.tsx";
import { ScreeningScene } from "./scenes/screening-scene.tsx";
import { SearchScene } from "./scenes/search-scene.tsx";

/** The inbox count stops here ("100+"): enough to say there is a backlog without fetching all of it. */
const UNREAD_SHOWN = 100;

export function App() {
  const route = useRoute();
  const [token, setTokenState] = useState(getToken);
  const [draft, setDraft] = useState("");
  const signedIn = token !== "";
  const [scene, a, b] = route.parts;
  // Fetched again on every change of scene, so the count follows what the monitor raised meanwhile.
  const unread = useLoad(
    () => (signedIn ? api.alerts({ unread: true, limit: UNREAD_SHOWN }) : Promise.resolve({ items: [] })),
    `${token}|${route.parts.join("/")}`,
  );
  const unreadCount = unread.data?.items.length ?? 0;
  const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  let body;
  if (scene === "entity" && num(a)) body = <EntityScene key={a} id={num(a)!} />;
  else if (scene === "relation" && num(a) && num(b)) body = <RelationScene key={`${a}-${b}`} supplierId={num(a)!} recipientId={num(b)!} canReview={signedIn} />;
  else if (scene === "document" && num(a)) body = <DocumentScene key={a} id={num(a)!} focusClaim={num(route.query.get("claim") ?? undefined)} />;
  else if (scene === "claim" && num(a)) body = <ClaimScene key={a} id={num(a)!} canReview={signedIn} />;
  else if (scene === "review") body = <ReviewScene canReview={signedIn} />;
  else if (scene === "audit") body = <AuditScene canReview={signedIn} />;
  else if (scene === "ingest") body = <IngestScene canWrite={signedIn} />;
  else if (scene === "screening") body = <ScreeningScene signedIn={signedIn} />;
  else if (scene === "inbox") body = <InboxScene signedIn={signedIn} onChanged={unread.reload} />;
  else body = <SearchScene key={route.query.get("q") ?? ""} initial={route.query.get("q") ?? ""} />;
  return (
    <>
      <header className="top">
        <a className="brand" href={href.home()}>armstrace</a>
        <nav>
          <a href={href.home()}>Search</a>
          <a href={href.review()}>Review</a>
          <a href={href.audit()}>Audit log</a>
          <a href={href.ingest()}>Add reports</a>
          <a href={href.screening()}>Screening</a>
          <a href={href.inbox()} data-testid="inbox-link">
            Inbox{unreadCount > 0 && <span className="count" title="unread alerts">{unreadCount >= UNREAD_SHOWN ? `${UNREAD_SHOWN}+` : unreadCount}</span>}
          </a>
        </nav>
        <form
          className="token"
          onSubmit={(e) => {
            e.preventDefault();
            setToken(draft);
            setTokenState(getToken());
            setDraft("");
          }}
        >
          {signedIn ? (
            <>
              <span className="muted">token set</span>
              <button type="button" onClick={() => { setToken(""); setTokenState(""); }}>Forget token</button>
            </>
          ) : (
            <>
              <input type="password" placeholder="bearer token (armstrace token create)" value={draft} onChange={(e) => setDraft(e.target.value)} aria-label="bearer token" />
              <button type="submit">Use token</button>
            </>
          )}
        </form>
      </header>
      <main>{body}</main>
    </>
  );
}
