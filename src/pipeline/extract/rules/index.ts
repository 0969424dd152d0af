import type { ExtractionRule } from "../extraction-rule.ts";
import { activeSupply } from "./01-active-supply.ts";
import { supplyRecipientObject } from "./02-supply-recipient-object.ts";
import { passiveSupply } from "./03-passive-supply.ts";
import { reception } from "./04-reception.ts";
import { use } from "./05-use.ts";
import { nominalSupply } from "./06-nominal-supply.ts";
import { procureFor } from "./08-procure-for.ts";
import { assistAcquiring } from "./09-assist-acquiring.ts";
import { training } from "./10-training.ts";
import { saleTo } from "./12-sale-to.ts";
import { subjectPurpose } from "./13-subject-purpose.ts";
import { reachVia } from "./14-reach-via.ts";
import { usePossessive } from "./15-use-possessive.ts";
import { makeFor } from "./17-make-for.ts";

/**
 * Pattern rules in priority order: when two rules find the same supplier and
 * recipient in one sentence, the earlier one's record is kept. Rules 07 (origin
 * adjectives) and 11 (shared recipient) look at the whole sentence and live in
 * their own files as functions.
 */
export const PATTERN_RULES: ExtractionRule[] = [
  activeSupply, supplyRecipientObject, passiveSupply, reception, nominalSupply, use, procureFor, assistAcquiring, training, saleTo, subjectPurpose, reachVia, usePossessive, makeFor,
];
