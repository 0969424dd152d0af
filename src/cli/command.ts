import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../domain/errors.ts";

/** Where a command writes; tests pass their own sinks to run commands in-process. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: NodeJS.ReadableStream;
  /** True when stderr is a terminal, so a progress bar may be drawn. */
  tty: boolean;
}

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** One CLI command: its options as data, its help text, and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  example: string;
  options: Options;
  /** Descriptions of options, shown by --help. */
  optionHelp: Record<string, string>;
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }, io: Io): Promise<number>;
}

/** Parses argv strictly: an unknown option or a missing value is a usage error with a one-line message. */
export function parseCommandArgs(cmd: Command, argv: string[]): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...cmd.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0]!.replace(/\. To specify a positional.*$/, "") : String(e);
    throw new UsageError(`${cmd.name}: ${msg}`);
  }
}

export function commandHelp(cmd: Command): string {
  const lines = [`Usage: armstrace ${cmd.usage}`, "", cmd.summary, ""];
  const opts = Object.entries(cmd.options);
  if (opts.length) {
    lines.push("Options:");
    for (const [name, o] of opts) {
      const flag = `--${name}${o.type === "string" ? " VALUE" : ""}`;
      lines.push(`  ${flag.padEnd(24)} ${cmd.optionHelp[name] ?? ""}`);
    }
  }
  lines.push(`  ${"-h, --help".padEnd(24)} show this help`, "", `Example:`, `  ${cmd.example}`, "");
  return lines.join("\n");
}

/** Who records a judgement or review: `--by NAME`, else $USER, else "analyst". */
export function authorOf(by: unknown, command: string): string {
  if (typeof by === "string") {
    if (by.trim() === "") throw new UsageError(`${command}: --by must not be empty`);
    return by.trim();
  }
  return process.env["USER"]?.trim() || "analyst";
}

/** Reads a string option, rejecting a value outside `allowed`. */
export function choice<T extends string>(value: unknown, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got ${String(value)})`);
}

/** Parses `--max-size` in megabytes (decimals allowed) into bytes. */
export function maxSizeBytes(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== "string" || !Number.isFinite(n) || n <= 0) throw new UsageError(`--max-size must be a positive number of megabytes (got ${String(value)})`);
  return Math.round(n * 1024 * 1024);
}

export function positiveInt(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== "string" || !Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number (got ${String(value)})`);
  return n;
}
