/**
 * `armstrace entity`: one party's profile, and the analyst's judgements about which
 * stored entities are one party. Judgements are records beside the data: `merge` and
 * `same` show two entities as one, `split` and `not-same` keep them apart, `revoke`
 * undoes a judgement; stored names, mentions and claims never change.
 */
import type { JudgementKind } from "../../domain/entity-groups.ts";
import { UsageError } from "../../domain/errors.ts";
import { describeEntity, findEntity } from "../../services/find-entity.ts";
import { judgeEntities, type JudgeOutcome } from "../../services/judge-entities.ts";
import { openStore } from "../../main.ts";
import { JUDGEMENT_COLUMNS, judgementRows } from "../presenters/judgement-rows.ts";
import { formatRows, OUTPUT_FORMATS } from "../presenters/format-rows.ts";
import { authorOf, choice, type Command } from "../command.ts";
import { entityProfileOptionHelp, entityProfileOptions, showEntityProfile } from "./entity-profile.ts";

/** Subcommands that record a judgement, by the word typed. */
const JUDGING: Readonly<Record<string, JudgementKind>> = {
  merge: "merge",
  same: "same",
  split: "split",
  "not-same": "not_same",
};

const SUBCOMMANDS = [...Object.keys(JUDGING), "judgements", "revoke"];

export const entityCommand: Command = {
  name: "entity",
  summary: "Show a party; merge, split or judge stored entities (same / not-same); list and revoke judgements.",
  usage: [
    "entity NAME|ID                                show one party: its names, type, country and claims",
    "       armstrace entity merge A B [--reason TEXT] [--by NAME]    A and B are one party: show them as one",
    "       armstrace entity same A B [--reason TEXT] [--by NAME]     the same, recorded as a finding",
    "       armstrace entity split A B [--reason TEXT] [--by NAME]    A and B are not one party: keep them apart",
    "       armstrace entity not-same A B [--reason TEXT] [--by NAME] the same, recorded as a finding",
    "       armstrace entity judgements [NAME|ID] [--format table|json|csv]",
    "       armstrace entity revoke JUDGEMENT-ID          undo a judgement (the record stays, marked revoked)",
    "",
    "A and B are entity names or ids (see armstrace entities). A name that fits several",
    "entities lists them; use an id then. The most recent judgement about a pair wins,",
    "and split / not-same keep their two entities apart even against a chain of merges.",
  ].join("\n"),
  example: [
    'armstrace entity merge "Zala Aero" "ZALA Aero Group" --reason "same firm, two spellings"',
    '  armstrace entity not-same "Kalashnikov Concern" "Kalashnikov Media"',
    "  armstrace entity judgements norinco",
    "  armstrace entity revoke 3",
    "  armstrace entity norinco",
  ].join("\n"),
  options: {
    db: { type: "string" },
    reason: { type: "string" },
    by: { type: "string" },
    format: { type: "string" },
    ...entityProfileOptions,
  },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    reason: "why (merge, same, split, not-same)",
    by: "who judges (default $USER, else \"analyst\")",
    format: "judgements: table (default), json or csv",
    ...entityProfileOptionHelp,
  },
  async run({ values, positionals }, io) {
    const [sub, ...rest] = positionals;
    if (sub === undefined) {
      throw new UsageError(`entity: give an entity name or id, or one of: ${SUBCOMMANDS.join(", ")}`);
    }
    const kind = JUDGING[sub];
    // Checked before opening, so a usage error does not create a database file.
    const judgementOnly = (["reason", "by"] as const).find((o) => values[o] !== undefined);
    if (kind === undefined && judgementOnly !== undefined) {
      throw new UsageError(`entity: --${judgementOnly} goes with merge, same, split or not-same`);
    }
    if (values["format"] !== undefined && sub !== "judgements") throw new UsageError("entity: --format goes with judgements");
    const db = values["db"] as string | undefined;

    if (kind !== undefined) {
      if (rest.length !== 2) throw new UsageError(`entity ${sub}: give two entities, names or ids (e.g. armstrace entity ${sub} Norinco 12)`);
      const author = authorOf(values["by"], "entity");
      const store = await openStore(db);
      try {
        const outcome = await judgeEntities(store, kind, rest[0]!, rest[1]!, { reason: values["reason"] as string | undefined, author });
        io.out(describeOutcome(sub, outcome));
        return 0;
      } finally {
        await store.close();
      }
    }

    if (sub === "judgements") {
      const format = choice(values["format"], OUTPUT_FORMATS, "format", "table");
      if (rest.length > 1) throw new UsageError('entity judgements: give at most one entity (quote a name with spaces: "Kalashnikov Concern")');
      const store = await openStore(db);
      try {
        const about = rest[0] === undefined ? undefined : await findEntity(store, rest[0]);
        io.out(formatRows(judgementRows(await store.judgements(about?.id)), JUDGEMENT_COLUMNS, format));
        return 0;
      } finally {
        await store.close();
      }
    }

    if (sub === "revoke") {
      const id = rest.length === 1 && /^\d+$/.test(rest[0]!) ? Number(rest[0]) : undefined;
      if (id === undefined) throw new UsageError("entity revoke: give one judgement id (see armstrace entity judgements)");
      const store = await openStore(db);
      try {
        const before = (await store.judgements()).find((j) => j.id === id);
        if (before === undefined) throw new UsageError(`there is no judgement #${id} (see armstrace entity judgements)`);
        if (before.revokedAt !== null) {
          io.out(`judgement #${id} was already revoked at ${before.revokedAt}\n`);
          return 0;
        }
        const j = await store.revokeJudgement(id);
        io.out(`revoked judgement #${id}: ${before.kind.replace("_", "-")} #${before.a.id} ${before.a.name} and #${before.b.id} ${before.b.name}${j?.revokedAt ? ` (at ${j.revokedAt})` : ""}\n`);
        return 0;
      } finally {
        await store.close();
      }
    }

    // Anything else names an entity; unquoted words of one name are taken together.
    return showEntityProfile(positionals.join(" "), values, io);
  },
};

/** `--by`, else the login name, else "analyst": every judgement says who made it. */
function describeOutcome(sub: string, o: JudgeOutcome): string {
  const j = o.judgement;
  const lines = [
    `judgement #${j.id}: ${sub} ${describeEntity(o.a)} and ${describeEntity(o.b)}, by ${j.author}`,
    o.together ? "now shown as one party" : "now kept apart",
  ];
  for (const old of o.setAside) {
    lines.push(
      `note: judgement #${old.id} (${old.kind.replace("_", "-")} #${old.a.id} ${old.a.name} and #${old.b.id} ${old.b.name}) no longer joins them: this newer judgement takes precedence until revoked`,
    );
  }
  return lines.join("\n") + "\n";
}
