import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { DocumentRow } from "../../../store/store.ts";
import { apiFixture, NORINCO_REPORT, type ApiFixture } from "../../api-fixture.ts";

interface FilesAnswer {
  files: Array<{ name: string; status: string; documentId?: number; claims?: Array<{ recipient: { name: string } }>; error?: string }>;
}

async function expectProblem(res: Response, status: number, detail: RegExp): Promise<void> {
  assert.equal(res.status, status);
  assert.match(res.headers.get("content-type") ?? "", /^application\/problem\+json/);
  assert.match(((await res.json()) as { detail: string }).detail, detail);
}

describe("POST /api/ingest/files", () => {
  let api: ApiFixture;
  before(async () => { api = await apiFixture(); });
  after(async () => api.close());

  const upload = async (form: FormData | string, token = api.tokens.analyst, type?: string): Promise<Response> =>
    api.app.request("/api/ingest/files", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, ...(type === undefined ? {} : { "content-type": type }) },
      body: form,
    });

  test("stores the good files and reports the bad ones, file by file and line by line", async () => {
    const form = new FormData();
    form.append("file", new File([NORINCO_REPORT.text], "rifles.txt", { type: "text/plain" }));
    form.append(
      "file",
      new File([`<html><head><title>Fighters</title></head><body><nav>Home</nav><article><p>Rosoboronexport delivered Su-30 fighters to Myanmar in 2022, Reuters reported.</p></article></body></html>`], "fighters.html"),
    );
    form.append("file", new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])], "scan.txt"));
    const lines = [
      JSON.stringify({ id: "drones", text: "Iran supplied Shahed drones to Russia in 2022, Reuters reported.", publisher: "Reuters" }),
      '{"id": "broken", "text": ',
    ];
    form.append("file", new File([lines.join("\n")], "batch.jsonl"));

    const res = await upload(form);
    assert.equal(res.status, 201);
    const { files } = (await res.json()) as FilesAnswer;
    assert.deepEqual(
      files.map((f) => [f.name, f.status]),
      [["rifles.txt", "added"], ["fighters.html", "added"], ["scan.txt", "failed"], ["batch.jsonl:1", "added"], ["batch.jsonl:2", "failed"]],
    );
    const [rifles, fighters, scan, drones, broken] = files;
    assert.equal(scan?.error, "scan.txt looks binary, not a text report");
    assert.match(broken?.error ?? "", /^batch\.jsonl:2: invalid JSON \(/);
    assert.equal(scan?.documentId, undefined);
    assert.equal(rifles?.claims?.[0]?.recipient.name, "Myanmar");

    const page = (await (await api.get(`/api/documents/${fighters?.documentId}`, api.tokens.viewer)).json()) as DocumentRow;
    assert.equal(page.title, "Fighters");
    assert.equal(page.text, "Rosoboronexport delivered Su-30 fighters to Myanmar in 2022, Reuters reported.");
    const line = (await (await api.get(`/api/documents/${drones?.documentId}`, api.tokens.viewer)).json()) as DocumentRow;
    assert.equal(line.publisher, "Reuters");

    const again = new FormData();
    again.append("file", new File([NORINCO_REPORT.text], "copy.md"));
    const second = await upload(again);
    assert.equal(second.status, 200, "nothing new: 200");
    assert.deepEqual(((await second.json()) as FilesAnswer).files.map((f) => [f.status, f.documentId]), [["duplicate", rifles?.documentId]]);
  });

  test("invalid UTF-8 and unsupported types are reported by name", async () => {
    const form = new FormData();
    form.append("file", new File([Buffer.from("Caf\xe9 supplied rifles", "latin1")], "latin.txt"));
    form.append("file", new File(["%PDF-1.7"], "brief.pdf"));
    const res = await upload(form);
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as FilesAnswer).files.map((f) => f.error), [
      "latin.txt is not valid UTF-8 (first bad byte at offset 3)",
      "brief.pdf: unsupported file type .pdf (expected .txt, .md, .html, .jsonl)",
    ]);
  });

  test("without a file field, or without multipart, the request is refused", async () => {
    const empty = new FormData();
    empty.append("report", new File(["x"], "x.txt"));
    await expectProblem(await upload(empty), 400, /no file given: send each report as a multipart field named "file"/);
    const text = new FormData();
    text.append("file", "Norinco supplied rifles");
    await expectProblem(await upload(text), 400, /must hold files/);
    await expectProblem(await upload(JSON.stringify({ text: "x" }), api.tokens.analyst, "application/json"), 400, /must be multipart\/form-data/);
    await expectProblem(await upload("--nope\r\n", api.tokens.analyst, "multipart/form-data; boundary=xyz"), 400, /not valid multipart\/form-data/);
  });

  test("needs an analyst token", async () => {
    const form = new FormData();
    form.append("file", new File([NORINCO_REPORT.text], "rifles.txt"));
    assert.equal((await upload(form, api.tokens.viewer)).status, 403);
  });
});
