import { readFile, stat } from "node:fs/promises";
import { UsageError } from "../../domain/errors.ts";
import { openStore } from "../../main.ts";
import { describeFsError } from "../../pipeline/normalize/describe-fs-error.ts";
import { InputError } from "../../pipeline/normalize/index.ts";
import { describeEntity, findEntity } from "../../services/find-entity.ts";
import { countryCode, readVendorList } from "../../services/screening/read-vendor-list.ts";
import { authorOf, type Command } from "../command.ts";
import { formatRows } from "../presenters/format-rows.ts";

const COLUMNS = [
  { key: "id", header: "ID" },
  { key: "kind", header: "KIND" },
  { key: "label", header: "WATCHING", width: 40 },
  { key: "country", header: "CTRY" },
  { key: "author", header: "BY" },
  { key: "createdAt", header: "SINCE" },
];

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Manages what `armstrace monitor` raises alerts about. */
export const watchCommand: Command = {
  name: "watch",
  summary: "Watch an entity, a vendor or a whole vendor list: new claims touching them raise alerts (see armstrace monitor).",
  usage: "watch add <entity|vendors.csv|.xlsx|.jsonl> [--vendor] [--country CC] [--by NAME] | watch list | watch remove <id>  [--db FILE]",
  example: "armstrace watch add vendors.csv",
  options: { db: { type: "string" }, vendor: { type: "boolean" }, country: { type: "string" }, by: { type: "string" } },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    vendor: "treat the name as a vendor, matched anew on every check, even if no entity has it yet",
    country: "with --vendor: the vendor's country (ISO code or name)",
    by: "who starts the watch (default $USER)",
  },
  async run({ values, positionals }, io) {
    const [action, ...args] = positionals;
    const db = values["db"] as string | undefined;
    if (action === "add") {
      const target = args.join(" ").trim();
      if (target === "") throw new UsageError("watch add: name an entity, a vendor (--vendor) or a vendor list file");
      const author = authorOf(values["by"], "watch");
      let country: string | null = null;
      if (typeof values["country"] === "string") {
        if (!values["vendor"]) throw new UsageError("watch add: --country is for --vendor");
        country = countryCode(values["country"]);
        if (country === null) throw new UsageError(`watch add: country "${values["country"]}" is not recognised`);
      }
      // Read before opening the store, so a bad list changes nothing.
      let vendors: Array<{ name: string; country: string | null }>;
      const file = !values["vendor"] && args.length === 1 && (await isFile(target));
      if (file) {
        let bytes: Buffer;
        try {
          bytes = await readFile(target);
        } catch (e) {
          throw new InputError(describeFsError(e, target));
        }
        const list = readVendorList(bytes, target);
        for (const w of list.warnings) io.err(`armstrace: ${target}: ${w}\n`);
        vendors = list.vendors;
      } else vendors = values["vendor"] ? [{ name: target, country }] : [];
      const store = await openStore(db);
      try {
        if (vendors.length === 0) {
          const entity = await findEntity(store, target);
          const { watch, added } = await store.addWatch({ kind: "entity", entityId: entity.id, label: entity.name, author });
          io.out(`${added ? "watching" : "already watching"} ${describeEntity(entity)} (watch ${watch.id})\n`);
          return 0;
        }
        let added = 0;
        for (const v of vendors) if ((await store.addWatch({ kind: "vendor", vendor: v.name, country: v.country, label: v.name, author })).added) added += 1;
        io.out(`watching ${vendors.length} vendor(s) (${added} new, ${vendors.length - added} already watched)\n`);
        return 0;
      } finally {
        await store.close();
      }
    }
    if (action === "list") {
      const store = await openStore(db);
      try {
        io.out(formatRows((await store.watches()).map((w) => ({ ...w })), COLUMNS, "table"));
        return 0;
      } finally {
        await store.close();
      }
    }
    if (action === "remove") {
      const id = Number(args[0]);
      if (args.length !== 1 || !Number.isInteger(id) || id <= 0) throw new UsageError("watch remove: give the watch's id (see armstrace watch list)");
      const store = await openStore(db);
      try {
        if (!(await store.removeWatch(id))) throw new UsageError(`there is no watch ${id}`);
        io.out(`watch ${id} removed\n`);
        return 0;
      } finally {
        await store.close();
      }
    }
    throw new UsageError(`watch: say add, list or remove${action ? ` (got "${action}")` : ""}`);
  },
};
