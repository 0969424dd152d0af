import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EntityType, Stance, TransferKind } from "../domain/types.ts";

/** One annotated report in the gold format (see the annotation guidelines). */
export interface GoldReport {
  id: string;
  url?: string;
  publisher?: string;
  published?: string;
  title?: string;
  text: string;
  entities: Array<{ id: string; name: string; type: EntityType; aliases?: string[] }>;
  transfers: Array<{
    supplier: string;
    recipient: string;
    items?: string[];
    kind?: TransferKind;
    stance: Stance;
    claimant?: string | null;
    evidence?: string;
  }>;
}

/** Reads every `*.json` gold file of a folder, in file-name order. */
export function readGoldDir(dir: string): GoldReport[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as GoldReport);
}

/** The publisher a report is grouped by in cross-validation: wire copy shares stories, so one publisher is one group. */
export function publisherOf(r: GoldReport): string {
  return (r.publisher ?? r.url?.replace(/^https?:\/\/(?:www\.)?([^/]+).*$/u, "$1") ?? r.id).trim().toLowerCase();
}
