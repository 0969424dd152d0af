import { ACCESS_ROLES } from "../../domain/access-role.ts";
import { UsageError } from "../../domain/errors.ts";
import { createAccessToken } from "../../services/access-tokens.ts";
import { openStore } from "../../main.ts";
import { choice, type Command } from "../command.ts";

/** Creates REST API bearer tokens; the token is printed once and only its hash is stored. */
export const tokenCommand: Command = {
  name: "token",
  summary: "Create a bearer token for the REST API (printed once; only its SHA-256 is stored).",
  usage: `token create --role ${ACCESS_ROLES.join("|")} [--db FILE]`,
  example: "armstrace token create --role analyst --db armstrace.db",
  options: { db: { type: "string" }, role: { type: "string" } },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    role: "viewer reads; analyst also ingests and judges; admin may do everything",
  },
  async run({ values, positionals }, io) {
    const [sub, ...rest] = positionals;
    if (sub !== "create" || rest.length > 0) throw new UsageError(`token: use token create --role ${ACCESS_ROLES.join("|")}`);
    if (values["role"] === undefined) throw new UsageError(`token create: --role is required (${ACCESS_ROLES.join(", ")})`);
    const role = choice(values["role"], ACCESS_ROLES, "role", "viewer");
    const store = await openStore(values["db"] as string | undefined);
    try {
      const created = await createAccessToken(store, role);
      // The token alone on stdout, so scripts can capture it; the note goes to stderr.
      io.out(`${created.token}\n`);
      io.err(`armstrace: created ${role} token #${created.id}; it is shown only now, so keep it safe\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
