import { UsageError } from "../../domain/errors.ts";
import { openStore } from "../../main.ts";
import { type Command } from "../command.ts";
import { formatRows } from "../presenters/format-rows.ts";

const COLUMNS = [
  { key: "id", header: "ID" },
  { key: "url", header: "URL", width: 56 },
  { key: "title", header: "TITLE", width: 30 },
  { key: "items", header: "ITEMS" },
  { key: "lastPolledAt", header: "LAST POLL" },
  { key: "nextPollAt", header: "NEXT POLL" },
  { key: "state", header: "STATE", width: 40 },
];

/** Manages the RSS/Atom feeds `armstrace monitor` polls. */
export const feedCommand: Command = {
  name: "feed",
  summary: "Add, list or remove RSS/Atom feeds; `armstrace monitor` polls them and ingests new items.",
  usage: "feed add <url> | feed list | feed remove <id>  [--db FILE]",
  example: "armstrace feed add https://example.org/news/rss.xml",
  options: { db: { type: "string" } },
  optionHelp: { db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)" },
  async run({ values, positionals }, io) {
    const [action, ...args] = positionals;
    if (action === "add") {
      if (args.length !== 1) throw new UsageError("feed add: give one feed URL");
      let url: URL;
      try {
        url = new URL(args[0]!);
      } catch {
        throw new UsageError(`feed add: "${args[0]}" is not a URL`);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`feed add: only http and https feeds are polled (got ${url.protocol})`);
      const store = await openStore(values["db"] as string | undefined);
      try {
        const { feed, added } = await store.addFeed(url.href);
        io.out(added ? `feed ${feed.id} added: ${feed.url} (polled by armstrace monitor)\n` : `feed ${feed.id} is already polled: ${feed.url}\n`);
        return 0;
      } finally {
        await store.close();
      }
    }
    if (action === "list") {
      const store = await openStore(values["db"] as string | undefined);
      try {
        const rows = (await store.feeds()).map((f) => ({ ...f, state: f.lastError ? `${f.failures} failure(s): ${f.lastError}` : f.lastPolledAt ? "ok" : "not polled yet" }));
        io.out(formatRows(rows, COLUMNS, "table"));
        return 0;
      } finally {
        await store.close();
      }
    }
    if (action === "remove") {
      const id = Number(args[0]);
      if (args.length !== 1 || !Number.isInteger(id) || id <= 0) throw new UsageError("feed remove: give the feed's id (see armstrace feed list)");
      const store = await openStore(values["db"] as string | undefined);
      try {
        if (!(await store.removeFeed(id))) throw new UsageError(`there is no feed ${id}`);
        io.out(`feed ${id} removed (its ingested items stay)\n`);
        return 0;
      } finally {
        await store.close();
      }
    }
    throw new UsageError(`feed: say add, list or remove${action ? ` (got "${action}")` : ""}`);
  },
};
