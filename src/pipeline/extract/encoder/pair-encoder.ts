import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WordPieceTokenizer } from "./wordpiece-tokenizer.ts";

/** Where the shipped encoder lives: the int8 ONNX model, its vocabulary and its card. */
export const SHIPPED_ENCODER = fileURLToPath(new URL("../../../../data/models/encoder/", import.meta.url));

/** What the encoder's folder says of how to use it (written by the training script and the evaluation). */
export interface EncoderConfig {
  version: string;
  maxLength: number;
  /** Pair probability at or above which accurate mode takes a candidate, chosen on training folds. */
  threshold: number;
  /** Cascade: the fast model decides alone below `low` and above `high`; the encoder decides between. */
  cascade: { low: number; high: number; threshold: number };
}

type Ort = typeof import("onnxruntime-node");

/**
 * A fine-tuned MiniLM that reads a candidate's marked sentence and gives the probability
 * that it states a transfer from the @-marked party to the #-marked one. Runs with
 * onnxruntime-node on the CPU; loaded once per process, only when accurate or cascade
 * mode asks for it.
 */
export class PairEncoder {
  private constructor(
    private readonly ort: Ort,
    private readonly session: import("onnxruntime-node").InferenceSession,
    readonly tokenizer: WordPieceTokenizer,
    readonly config: EncoderConfig,
  ) {}

  static async load(dir = SHIPPED_ENCODER): Promise<PairEncoder> {
    const model = join(dir, "model.int8.onnx");
    const vocab = join(dir, "vocab.txt");
    const config = join(dir, "encoder.json");
    for (const f of [model, vocab, config]) if (!existsSync(f)) throw new Error(`encoder file not found: ${f}`);
    // onnxruntime-node is a CommonJS package with a native binding: loaded only here.
    const ort = createRequire(import.meta.url)("onnxruntime-node") as Ort;
    const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: "all" });
    return new PairEncoder(ort, session, new WordPieceTokenizer(readFileSync(vocab, "utf8")), JSON.parse(readFileSync(config, "utf8")) as EncoderConfig);
  }

  /** Probabilities for marked pair texts, in batches of sentences of similar length. */
  async probabilities(texts: string[], batchSize = 16): Promise<number[]> {
    const enc = texts.map((t) => this.tokenizer.encode(t, this.config.maxLength));
    const order = enc.map((_, i) => i).sort((a, b) => enc[a]!.ids.length - enc[b]!.ids.length);
    const out = new Array<number>(texts.length);
    for (let b = 0; b < order.length; b += batchSize) {
      const idx = order.slice(b, b + batchSize);
      const len = Math.max(...idx.map((i) => enc[i]!.ids.length));
      const ids = new BigInt64Array(idx.length * len);
      const mask = new BigInt64Array(idx.length * len);
      const types = new BigInt64Array(idx.length * len);
      idx.forEach((i, row) => enc[i]!.ids.forEach((id, k) => { ids[row * len + k] = BigInt(id); mask[row * len + k] = 1n; }));
      const dims = [idx.length, len];
      const res = await this.session.run({
        input_ids: new this.ort.Tensor("int64", ids, dims),
        attention_mask: new this.ort.Tensor("int64", mask, dims),
        token_type_ids: new this.ort.Tensor("int64", types, dims),
      });
      const logits = res["logits"]!.data as Float32Array;
      idx.forEach((i, row) => {
        const a = logits[row * 2]!, c = logits[row * 2 + 1]!;
        out[i] = 1 / (1 + Math.exp(a - c));
      });
    }
    return out;
  }
}
