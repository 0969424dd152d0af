import { readFileSync } from "node:fs";
import { StoreError, UsageError } from "../domain/errors.ts";
import { InputError } from "../pipeline/normalize/index.ts";
import { commandHelp, parseCommandArgs, type Command, type Io } from "./command.ts";
import { claimCommand } from "./commands/claim.ts";
import { claimsCommand } from "./commands/claims.ts";
import { entitiesCommand } from "./commands/entities.ts";
import { entityCommand } from "./commands/entity.ts";
import { extractCommand } from "./commands/extract.ts";
import { ingestCommand } from "./commands/ingest.ts";
import { exportCommand } from "./commands/export.ts";
import { relationsCommand } from "./commands/relations.ts";
import { sourceCommand } from "./commands/source.ts";
import { timelineCommand } from "./commands/timeline.ts";
import { serveCommand } from "./commands/serve.ts";
import { tokenCommand } from "./commands/token.ts";
import { screenCommand } from "./commands/screen.ts";
import { decideCommand } from "./commands/decide.ts";
import { feedCommand } from "./commands/feed.ts";
import { watchCommand } from "./commands/watch.ts";
import { monitorCommand } from "./commands/monitor.ts";
import { workerCommand } from "./commands/worker.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { trainCommand } from "./commands/train.ts";

export const COMMANDS: Command[] = [extractCommand, ingestCommand, claimsCommand, claimCommand, entitiesCommand, entityCommand, relationsCommand, timelineCommand, sourceCommand, exportCommand, screenCommand, decideCommand, feedCommand, watchCommand, monitorCommand, workerCommand, migrateCommand, serveCommand, tokenCommand, trainCommand];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function mainHelp(): string {
  return [
    "armstrace: a sourced, graded evidence graph of arms and dual-use transfer claims",
    "",
    "Usage: armstrace <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    "",
    "Run `armstrace <command> --help` for a command's options and an example.",
    "",
  ].join("\n");
}

const defaultIo = (): Io => ({
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  stdin: process.stdin,
  tty: !!process.stderr.isTTY,
});

/**
 * Runs one CLI invocation and returns its exit code: 0 success, 1 some input or
 * store failure, 2 a usage error. Errors print one line, never a stack trace
 * (set ARMSTRACE_DEBUG=1 to see it).
 */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  // A closed pipe (`armstrace claims | head`) is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => { if (e.code === "EPIPE") process.exit(0); });
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const target = COMMANDS.find((c) => c.name === rest[0]);
    io.out(target ? commandHelp(target) : mainHelp());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(`${version()}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`armstrace: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(", ")}; see armstrace --help)\n`);
    return 2;
  }
  try {
    const args = parseCommandArgs(cmd, rest);
    if (args.values["help"]) {
      io.out(commandHelp(cmd));
      return 0;
    }
    return await cmd.run(args, io);
  } catch (e) {
    if (process.env["ARMSTRACE_DEBUG"]) io.err(`${(e as Error).stack}\n`);
    if (e instanceof UsageError) {
      io.err(`armstrace: ${e.message}\n`);
      return 2;
    }
    if (e instanceof StoreError || e instanceof InputError) {
      io.err(`armstrace: ${e.message}\n`);
      return 1;
    }
    io.err(`armstrace: unexpected error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
    return 1;
  }
}
