/** Add reports: paste text, upload files, or have the server fetch a URL; the claims found are listed at once. */
import { useState } from "react";
import { api, type ClaimRow } from "../api.ts";
import { StanceTag } from "../components/grades.tsx";
import { href } from "../router.ts";

interface Result {
  label: string;
  status: string;
  documentId?: number | undefined;
  claims?: ClaimRow[] | undefined;
  error?: string | undefined;
}

export function IngestScene({ canWrite }: { canWrite: boolean }) {
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  const [publisher, setPublisher] = useState("");
  const [published, setPublished] = useState("");
  const [url, setUrl] = useState("");
  const [files, setFiles] = useState<FileList | null>(null);
  const [results, setResults] = useState<Result[]>([]);
  const [busy, setBusy] = useState(false);

  const run = async (label: string, fn: () => Promise<Result[]>) => {
    setBusy(true);
    setResults([]); // never show an earlier run's results as this one's
    try {
      setResults(await fn());
    } catch (e) {
      setResults([{ label, status: "failed", error: e instanceof Error ? e.message : String(e) }]);
    } finally {
      setBusy(false);
    }
  };
  const meta = () => ({
    ...(title.trim() ? { title: title.trim() } : {}),
    ...(publisher.trim() ? { publisher: publisher.trim() } : {}),
    ...(published.trim() ? { published: published.trim() } : {}),
  });
  return (
    <section>
      <h1>Add reports</h1>
      {!canWrite && <p className="notice">Adding reports needs an analyst token: paste one above.</p>}
      <fieldset disabled={!canWrite || busy}>
        <legend>Paste a report</legend>
        <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} aria-label="report text" placeholder="The report's text" />
        <div className="row">
          <input placeholder="title" value={title} onChange={(e) => setTitle(e.target.value)} aria-label="title" />
          <input placeholder="publisher (e.g. Reuters)" value={publisher} onChange={(e) => setPublisher(e.target.value)} aria-label="publisher" />
          <input placeholder="published YYYY-MM-DD" value={published} onChange={(e) => setPublished(e.target.value)} aria-label="published" />
          <button
            disabled={!text.trim()}
            onClick={() => void run("pasted text", async () => {
              const r = await api.ingestText({ text, ...meta() });
              return [{ label: "pasted text", status: r.status, documentId: r.documentId, claims: r.claims }];
            })}
          >
            Add text
          </button>
        </div>
      </fieldset>
      <fieldset disabled={!canWrite || busy}>
        <legend>Upload files (.txt, .md, .html, .jsonl)</legend>
        <input type="file" multiple onChange={(e) => setFiles(e.target.files)} aria-label="files" />
        <button
          disabled={!files || files.length === 0}
          onClick={() => void run("files", async () => {
            if (!files) return [];
            const r = await api.ingestFiles(files);
            return r.files.map((f) => ({ label: f.name, status: f.status, documentId: f.documentId, claims: Array.isArray(f.claims) ? f.claims : undefined, error: f.error }));
          })}
        >
          Upload
        </button>
      </fieldset>
      <fieldset disabled={!canWrite || busy}>
        <legend>Fetch a URL</legend>
        <input type="url" placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} aria-label="url" />
        <button
          disabled={!url.trim()}
          onClick={() => void run(url, async () => {
            const r = await api.ingestUrl(url.trim());
            return [{ label: url.trim(), status: r.status, documentId: r.documentId, claims: r.claims }];
          })}
        >
          Fetch
        </button>
        <p className="muted">The server refuses private, loopback and link-local addresses unless it was started with --allow-private-fetch.</p>
      </fieldset>
      <div data-testid="ingest-results">
        {results.map((r, i) => (
          <div key={i} className={`ingest-result ${r.status}`}>
            <h3>
              {r.label}: {r.status}
              {r.documentId !== undefined && <> · <a href={href.document(r.documentId)}>open the report</a></>}
            </h3>
            {r.error && <p className="error" role="alert">{r.error}</p>}
            {r.claims && r.claims.length === 0 && <p className="muted">No transfer claim was found.</p>}
            <ul>
              {r.claims?.map((c) => (
                <li key={c.id} data-testid="ingested-claim">
                  <a href={href.relation(c.supplier.id, c.recipient.id)}>{c.supplier.name} → {c.recipient.name}</a> <StanceTag stance={c.stance} /> “{c.evidence.text}”
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
