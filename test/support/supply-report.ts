/**
 * A one-sentence report, "<id>: <supplier> supplied rifles to <recipient>.", with the
 * extraction a store is given for it: an organization, a state, their mentions and one
 * asserted arms transfer. For store and service tests that need parties and claims
 * without running the pipeline.
 */
import { contentHash } from "../../src/domain/content-hash.ts";
import type { ExtractedEntity } from "../../src/domain/types.ts";
import type { DocumentInput } from "../../src/store/store.ts";

export function supplyReport(id: string, supplier: string, recipient: string): DocumentInput {
  const text = `${id}: ${supplier} supplied rifles to ${recipient}.`;
  const at = (phrase: string) => {
    const start = text.indexOf(phrase);
    return { text: phrase, start, end: start + phrase.length };
  };
  const entities: ExtractedEntity[] = [
    { id: "s", name: supplier, type: "organization", aliases: [] },
    { id: "r", name: recipient, type: "state", aliases: [] },
  ];
  return {
    report: { id, text, format: "txt", origin: `${id}.txt` },
    contentHash: contentHash(text),
    extraction: {
      id,
      entities,
      mentions: [
        { entity: "s", ...at(supplier) },
        { entity: "r", ...at(recipient) },
      ],
      transfers: [
        {
          supplier: "s",
          recipient: "r",
          items: ["rifles"],
          kind: "arms",
          stance: "asserted",
          modality: "actual",
          claimant: null,
          evidence: at(`${supplier} supplied rifles to ${recipient}`),
          trigger: at("supplied"),
          rule: "extract/01-delivered",
        },
      ],
    },
  };
}
