/**
 * The evidence graph as FollowTheMoney entities (one JSON object a line), so it can
 * be loaded into Aleph, OpenAleph or any FtM tool and joined with other datasets.
 * Built with @alephdata/followthemoney's model, so a property the schema lacks is an
 * error here, not a silent loss downstream. The mapping is documented in docs/export.md.
 */
import { Model, defaultModel, type Entity } from "@alephdata/followthemoney";
import { CREDIBILITY_LABELS } from "../domain/admiralty.ts";
import type { EntityType } from "../domain/types.ts";
import type { EvidenceRow, RelationRow, Store } from "../store/store.ts";
import { gradeDocument } from "./grade-relation.ts";
import { entityGroups, loadSourceRegistry, refreshRelations } from "./recompute-relations.ts";

/** The FtM model the export is built and checked against. */
export const FTM_MODEL = new Model(defaultModel);

/** FtM schema and topic for each entity type; states and armed forces are public bodies (FtM has no schema for a country as an actor). */
export const FTM_SCHEMA_OF: Record<EntityType, { schema: string; topic?: string; sector?: string }> = {
  organization: { schema: "Organization" },
  state: { schema: "PublicBody", topic: "gov.national" },
  armed_force: { schema: "PublicBody", topic: "mil" },
  person: { schema: "Person" },
  media: { schema: "Organization", sector: "media" },
};

/** Stable ids, so re-exporting the same database gives the same ids and tools can update in place. */
export const ftmId = {
  entity: (id: number) => `armstrace-entity-${id}`,
  document: (id: number) => `armstrace-document-${id}`,
  claim: (id: number) => `armstrace-claim-${id}`,
  relation: (s: number, r: number) => `armstrace-relation-${s}-${r}`,
};

/**
 * Every party, document, claim and relation as FtM entities, parties and documents
 * first so each entity's references point backwards. Claims name their parties by
 * group representative, like the relations.
 */
export async function exportFtm(store: Store): Promise<Entity[]> {
  await refreshRelations(store);
  const registry = await loadSourceRegistry(store);
  const groups = entityGroups(store);
  const evidence = await store.evidence();
  const relations = await store.relations();
  const ids = [...new Set(evidence.flatMap((c) => [c.supplier.id, c.recipient.id, ...(c.claimant ? [c.claimant.id] : [])]))];
  const canon = await groups.canonicalOf(ids);
  const rep = (id: number) => canon.get(id) ?? id;

  const out: Entity[] = [];
  const parties = new Map<number, Entity>();
  const party = (id: number, name: string, type: EntityType, country: string | null): void => {
    const r = rep(id);
    const known = parties.get(r);
    if (known) {
      if (!known.getProperty("name").includes(name) && !known.getProperty("alias").includes(name)) known.setProperty("alias", name);
      return;
    }
    const spec = FTM_SCHEMA_OF[type];
    const e = FTM_MODEL.getEntity({ id: ftmId.entity(r), schema: spec.schema, properties: {} });
    e.setProperty("name", name);
    if (country && FTM_MODEL.types["country"]?.values.has(country.toLowerCase())) e.setProperty("country", country.toLowerCase());
    if (spec.topic) e.setProperty("topics", spec.topic);
    if (spec.sector) e.setProperty("sector", spec.sector);
    e.setProperty("notes", `armstrace entity type: ${type}`);
    parties.set(r, e);
  };
  // Representatives' own names first, so an entity is named as the relations name it.
  const relationParties = (r: RelationRow) => [r.supplier, r.recipient];
  for (const p of relations.flatMap(relationParties)) party(p.id, p.name, p.type, p.country);
  for (const c of evidence) {
    party(c.supplier.id, c.supplier.name, c.supplier.type, c.supplierCountry);
    party(c.recipient.id, c.recipient.name, c.recipient.type, c.recipientCountry);
    if (c.claimant) party(c.claimant.id, c.claimant.name, c.claimant.type, c.claimantCountry);
  }
  out.push(...parties.values());

  const documents = new Map<number, EvidenceRow>();
  for (const c of evidence) if (!documents.has(c.documentId)) documents.set(c.documentId, c);
  for (const [id, c] of documents) {
    const grade = gradeDocument({ documentId: id, publisher: c.publisher, originSource: c.originSource }, registry);
    const e = FTM_MODEL.getEntity({ id: ftmId.document(id), schema: "Article", properties: {} });
    e.setProperty("title", c.title ?? c.reportId);
    e.setProperty("fileName", c.reportId);
    if (c.url) e.setProperty("sourceUrl", c.url);
    if (c.publisher) e.setProperty("publisher", c.publisher);
    if (c.published) e.setProperty("publishedAt", c.published.slice(0, 10));
    e.setProperty("summary", `source: ${grade.label}; reliability ${grade.reliability}`);
    out.push(e);
  }

  const credibility = new Map(relations.map((r) => [`${r.supplierId}>${r.recipientId}`, r.credibility]));
  for (const c of evidence) {
    const s = rep(c.supplier.id);
    const r = rep(c.recipient.id);
    const grade = gradeDocument({ documentId: c.documentId, publisher: c.publisher, originSource: c.originSource }, registry);
    const cred = credibility.get(`${s}>${r}`);
    const e = FTM_MODEL.getEntity({ id: ftmId.claim(c.id), schema: "Event", properties: {} });
    e.setProperty("name", `${c.supplier.name} → ${c.recipient.name} (${c.stance})`);
    e.setProperty("involved", ftmId.entity(s));
    e.setProperty("involved", ftmId.entity(r));
    e.setProperty("proof", ftmId.document(c.documentId));
    e.setProperty("description", c.evidence.text);
    if (c.published) e.setProperty("date", c.published.slice(0, 10));
    if (c.url) e.setProperty("sourceUrl", c.url);
    if (c.publisher) e.setProperty("publisher", c.publisher);
    e.setProperty("recordId", String(c.id));
    e.setProperty(
      "summary",
      `supplier: ${c.supplier.name}; recipient: ${c.recipient.name}; stance: ${c.stance}; modality: ${c.modality}; ` +
        `claimant: ${c.claimant?.name ?? "the report's author"}; items: ${c.items.join(", ") || "none named"}`,
    );
    for (const k of [
      `stance:${c.stance}`,
      `modality:${c.modality}`,
      `kind:${c.kind}`,
      `reliability:${grade.reliability}`,
      ...(cred ? [`credibility:${cred}`] : []),
      `rule:${c.rule}`,
    ]) e.setProperty("keywords", k);
    if (c.claimant) e.setProperty("notes", `claimed by ${c.claimant.name}`);
    out.push(e);
  }

  for (const x of relations) {
    const e = FTM_MODEL.getEntity({ id: ftmId.relation(x.supplierId, x.recipientId), schema: "UnknownLink", properties: {} });
    e.setProperty("subject", ftmId.entity(x.supplierId));
    e.setProperty("object", ftmId.entity(x.recipientId));
    e.setProperty("role", "supplier → recipient (arms or dual-use transfer)");
    e.setProperty("status", `credibility ${x.credibility}: ${CREDIBILITY_LABELS[x.credibility]}`);
    e.setProperty(
      "summary",
      `best source reliability ${x.bestReliability}; ${x.independentSources} independent source(s); ` +
        `${x.supportingDocuments.length} supporting and ${x.denyingDocuments.length} denying document(s); ` +
        `items: ${x.items.join(", ") || "none named"}; ${x.explanation}`,
    );
    if (x.quote) {
      e.setProperty("description", x.quote.text);
      if (x.quote.url) e.setProperty("sourceUrl", x.quote.url);
      if (x.quote.publisher) e.setProperty("publisher", x.quote.publisher);
    }
    if (x.firstReported) e.setProperty("startDate", x.firstReported);
    if (x.lastReported) e.setProperty("endDate", x.lastReported);
    e.setProperty("recordId", `${x.supplierId}>${x.recipientId}`);
    out.push(e);
  }
  return out;
}
