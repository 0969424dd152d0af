/**
 * The compiled legal-form list (data/kb/legal-forms.json) and the reader of rigour's
 * org_types.yml that builds it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildLegalForms, foldForm, parseOrgTypes } from "../../data/scripts/build-legal-forms.ts";
import { KB_DIR, readCurated, sharedDataDir } from "../../data/scripts/lib.ts";

const compiled = JSON.parse(readFileSync(join(KB_DIR, "legal-forms.json"), "utf8")) as string[];

const required = ["llc", "ltd", "gmbh", "jsc", "pjsc", "s.a.", "ооо", "ао", "пао", "зао", "有限公司", "股份有限公司", "集团", "公司"];
for (const form of required) {
  test(`legal-forms.json lists ${JSON.stringify(form)}`, () => {
    assert.ok(compiled.includes(form));
  });
}

const absent: Array<[form: string, why: string]> = [
  ["in", "an English word (curated ignore list)"],
  ["ii", "a Roman numeral (curated ignore list)"],
  ["group", "not a legal form: 'Wagner Group' is not 'Wagner'"],
  ["pmc", "a military type, left out with NGO and religious types"],
  ["non-governmental organization", "an NGO type"],
];
for (const [form, why] of absent) {
  test(`legal-forms.json leaves out ${JSON.stringify(form)}: ${why}`, () => {
    assert.ok(!compiled.includes(form));
  });
}

test("legal-forms.json is sorted, lower-case and without repeats", () => {
  assert.deepEqual(compiled, [...new Set(compiled)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  assert.ok(compiled.every((f) => f === foldForm(f)));
});

test("parseOrgTypes reads records, quoted values and comments", () => {
  const yml = [
    "types:",
    "  # a comment",
    "  - display: GmbH # trailing comment",
    "    generic: LLC",
    "    aliases:",
    "      - Gesellschaft mit beschränkter Haftung",
    '      - "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ:"',
    "      - 'groupement d''intérêt économique'",
    "",
    "  - generic: NGO",
    "    aliases:",
    "      - Non-governmental organization",
  ].join("\n");
  assert.deepEqual(parseOrgTypes(yml), [
    {
      display: "GmbH",
      generic: "LLC",
      aliases: ["Gesellschaft mit beschränkter Haftung", "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ:", "groupement d'intérêt économique"],
    },
    { generic: "NGO", aliases: ["Non-governmental organization"] },
  ]);
});

const malformed: Array<[name: string, yml: string]> = [
  ["a missing root", "kinds:\n  - display: X\n"],
  ["an unknown field", "types:\n  - display: X\n    colour: red\n"],
  ["an alias outside a list", "types:\n      - stray\n"],
  ["an unterminated string", 'types:\n  - display: "X\n'],
];
for (const [name, yml] of malformed) {
  test(`parseOrgTypes refuses ${name}`, () => {
    assert.throws(() => parseOrgTypes(yml), /org_types\.yml line \d+/);
  });
}

const sharedYml = (() => {
  try {
    const file = join(sharedDataDir(), "rigour-territories", "org_types.yml");
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
})();

test("rebuilding from ../shared/data gives the committed file", { skip: sharedYml === undefined && "../shared/data is not here" }, () => {
  const forms = buildLegalForms(parseOrgTypes(readFileSync(sharedYml!, "utf8")), readCurated("legal-forms.json"));
  assert.deepEqual(forms, compiled);
});
