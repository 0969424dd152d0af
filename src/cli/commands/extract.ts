import { selectExtraction } from "../select-extraction.ts";
import { DEFAULT_MAX_BYTES, isInputProblem, iterateInputs } from "../../pipeline/normalize/index.ts";
import { extractConfigured } from "../../pipeline/run-pipeline.ts";
import { UsageError } from "../../domain/errors.ts";
import type { ExplainedResult } from "../../pipeline/run-pipeline.ts";
import { maxSizeBytes, type Command } from "../command.ts";

/** Prints one JSON object per report in the extraction contract, or with --explain a readable account. */
export const extractCommand: Command = {
  name: "extract",
  summary: "Extract sourced transfer claims from reports and print one JSON object per report.",
  usage: "extract <path...|-> [--explain] [--include-negated] [--mentions] [--max-size MB] [--model FILE|shipped|rules] [--mode fast|accurate|cascade]",
  example: "armstrace extract data/samples/01-iran-shahed-russia-alabuga.md --explain",
  options: {
    model: { type: "string" },
    mode: { type: "string" },
    explain: { type: "boolean" },
    "include-negated": { type: "boolean" },
    mentions: { type: "boolean" },
    "max-size": { type: "string" },
  },
  optionHelp: {
    model: "pair model to extract with: a file written by train, shipped (data/models/pair-model.json, the default) or rules (the pattern rules alone)",
    mode: "fast (the pair model), accurate (the fine-tuned encoder on every pair) or cascade (the encoder where the pair model is unsure); default in the README",
    explain: "print, for each transfer, the model score and strongest features, the rule, trigger, roles and cue words instead of JSON",
    "include-negated": "also output transfers the text says did not happen (modality \"negated\")",
    mentions: "include every entity mention with its offsets in the JSON",
    "max-size": "largest file (or JSON Lines line) to read, in MB (default 5)",
  },
  async run({ values, positionals }, io) {
    await selectExtraction(values["model"], values["mode"]);
    if (!positionals.length) throw new UsageError("extract: give at least one file, directory or - for stdin");
    const maxBytes = maxSizeBytes(values["max-size"], DEFAULT_MAX_BYTES);
    let problems = 0;
    let reports = 0;
    for await (const item of iterateInputs(positionals, { maxBytes, stdin: io.stdin })) {
      if (isInputProblem(item)) {
        io.err(`armstrace: ${item.message}\n`);
        problems++;
        continue;
      }
      reports++;
      const result = await extractConfigured(item, { includeNegated: values["include-negated"] === true });
      if (values["explain"]) io.out(explain(result, item.text));
      else {
        const { explanations: _e, mentions, ...rest } = result;
        io.out(JSON.stringify(values["mentions"] ? { ...rest, mentions } : rest) + "\n");
      }
    }
    if (!reports && !problems) io.err("armstrace: no reports found\n");
    return problems || !reports ? 1 : 0;
  },
};

function explain(r: ExplainedResult, text: string): string {
  const name = (id: string | null): string => (id ? r.entities.find((e) => e.id === id)?.name ?? id : "(author)");
  const lines = [`# ${r.id}: ${r.transfers.length} transfer(s), ${r.entities.length} entities`];
  r.transfers.forEach((t, i) => {
    lines.push(
      `${i + 1}. ${name(t.supplier)} → ${name(t.recipient)}  [${t.stance}, ${t.modality}, ${t.kind}]`,
      `   rule:     ${t.rule}`,
      ...(r.explanations[i]?.score !== undefined
        ? [`   model:    ${r.explanations[i]!.model} score ${r.explanations[i]!.score}`, `   features: ${r.explanations[i]!.features!.map(([f, w]) => `${f} (${w > 0 ? "+" : ""}${w})`).join("; ")}`]
        : []),
      `   trigger:  "${t.trigger.text}" at ${t.trigger.start}-${t.trigger.end}`,
      `   supplier: ${name(t.supplier)}   recipient: ${name(t.recipient)}   claimant: ${name(t.claimant)}`,
      `   items:    ${t.items.length ? t.items.join("; ") : "(none named)"}`,
      `   cues:     ${r.explanations[i]?.cues.join("; ") || "(none: asserted in the author's voice)"}`,
      `   evidence: "${text.slice(t.evidence.start, t.evidence.end).replace(/\s+/g, " ")}" [${t.evidence.start}-${t.evidence.end}]`,
    );
  });
  return lines.join("\n") + "\n\n";
}
