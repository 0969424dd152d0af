/**
 * BERT's uncased WordPiece tokenization, as the encoder was trained with: text cleaned,
 * CJK characters split, lower-cased with accents stripped, split on whitespace and
 * punctuation, then each word cut greedily into the longest vocabulary pieces ("##" marks
 * a continuation). Written here so the encoder runs without a tokenizer library.
 */
export interface Encoded {
  ids: number[];
  /** 1 for real tokens, 0 for padding. */
  mask: number[];
}

export class WordPieceTokenizer {
  private readonly vocab: Map<string, number>;
  readonly cls: number;
  readonly sep: number;
  readonly pad: number;
  readonly unk: number;

  constructor(vocabText: string) {
    this.vocab = new Map();
    vocabText.split(/\r?\n/u).forEach((tok, i) => { if (tok !== "" && !this.vocab.has(tok)) this.vocab.set(tok, i); });
    const id = (t: string): number => {
      const v = this.vocab.get(t);
      if (v === undefined) throw new Error(`vocabulary lacks ${t}`);
      return v;
    };
    this.cls = id("[CLS]");
    this.sep = id("[SEP]");
    this.pad = id("[PAD]");
    this.unk = id("[UNK]");
  }

  /** Words after BERT's basic tokenization. */
  basic(text: string): string[] {
    let s = "";
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp === 0 || cp === 0xfffd || isControl(ch)) continue;
      if (isCjk(cp)) s += ` ${ch} `;
      else s += /\s/u.test(ch) ? " " : ch;
    }
    const out: string[] = [];
    for (const word of s.trim().split(/ +/u)) {
      if (!word) continue;
      const w = word.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "");
      let cur = "";
      for (const ch of w) {
        if (isPunct(ch)) {
          if (cur) out.push(cur);
          out.push(ch);
          cur = "";
        } else cur += ch;
      }
      if (cur) out.push(cur);
    }
    return out;
  }

  /** WordPiece ids of one word. */
  private pieces(word: string): number[] {
    const chars = [...word];
    if (chars.length > 100) return [this.unk];
    const out: number[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let found: number | undefined;
      while (start < end) {
        const sub = (start > 0 ? "##" : "") + chars.slice(start, end).join("");
        const v = this.vocab.get(sub);
        if (v !== undefined) { found = v; break; }
        end--;
      }
      if (found === undefined) return [this.unk];
      out.push(found);
      start = end;
    }
    return out;
  }

  /** [CLS] text [SEP], cut to `maxLength` tokens. */
  encode(text: string, maxLength = 128): Encoded {
    const ids = [this.cls];
    for (const w of this.basic(text)) {
      for (const p of this.pieces(w)) ids.push(p);
      if (ids.length >= maxLength - 1) break;
    }
    ids.length = Math.min(ids.length, maxLength - 1);
    ids.push(this.sep);
    return { ids, mask: ids.map(() => 1) };
  }
}

function isControl(ch: string): boolean {
  if (ch === "\t" || ch === "\n" || ch === "\r") return false;
  return /\p{Cc}|\p{Cf}/u.test(ch);
}

function isPunct(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) return true;
  return /\p{P}/u.test(ch);
}

function isCjk(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df) || (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) || (cp >= 0x2b820 && cp <= 0x2ceaf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f);
}
