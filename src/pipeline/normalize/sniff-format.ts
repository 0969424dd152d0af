export type SniffedFormat = "jsonl" | "html" | "txt";

/**
 * Guesses the format of unnamed input (stdin) from its content: JSON Lines when every
 * non-blank line starts with `{`, HTML when it starts with `<`, plain text otherwise.
 * Leading white space and a BOM are ignored, as editors and `echo` add them freely.
 */
export function sniffFormat(text: string): SniffedFormat {
  const lines = text.split("\n").map((line) => line.replace(/^[\s\uFEFF]+/, "")).filter((line) => line !== "");
  if (lines.length > 0 && lines.every((line) => line.startsWith("{"))) return "jsonl";
  if (lines[0]?.startsWith("<") === true) return "html";
  return "txt";
}
