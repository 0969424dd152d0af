/** The shape of a canonical entity on screen or in a file: one flat row per entity. */
import type { EntityRow } from "../../store/store.ts";
import type { Column } from "./format-rows.ts";

export type FlatEntity = {
  id: number;
  name: string;
  type: string;
  country: string;
  /** Other names, joined by "; ". */
  aliases: string;
  claims: number;
  documents: number;
  kb: string;
};

export const ENTITY_COLUMNS: readonly Column[] = [
  { key: "id", header: "ID" },
  { key: "name", header: "NAME", width: 40 },
  { key: "type", header: "TYPE" },
  { key: "country", header: "COUNTRY" },
  { key: "claims", header: "CLAIMS" },
  { key: "documents", header: "DOCS" },
  { key: "aliases", header: "ALIASES", width: 60 },
];

export function entityRows(entities: readonly EntityRow[]): FlatEntity[] {
  return entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    country: e.country ?? "",
    aliases: e.aliases.join("; "),
    claims: e.claims,
    documents: e.documents,
    kb: e.kb ?? "",
  }));
}
