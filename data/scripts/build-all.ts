/**
 * Rebuilds the whole knowledge base (data/kb/*.json) from ../shared/data and
 * data/curated/, in dependency order: countries (used by every later step),
 * armed forces, organisations and exhibitors, items, legal forms. Deterministic: running it
 * twice gives byte-identical files.
 *
 *   npm run build:data      (node --import tsx data/scripts/build-all.ts)
 */
import { main as buildArmedForces } from "./build-armed-forces.ts";
import { main as buildCountries } from "./build-countries.ts";
import { main as buildItems } from "./build-items.ts";
import { main as buildLegalForms } from "./build-legal-forms.ts";
import { main as buildOrganizations } from "./build-organizations.ts";
import { runMain, sharedDataDir } from "./lib.ts";

runMain(() => {
  console.log(`armstrace build:data: reading ${sharedDataDir()}`);
  buildCountries();
  buildArmedForces();
  buildOrganizations();
  buildItems();
  buildLegalForms();
});
