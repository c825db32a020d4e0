// Text folding for answer matching: the same steps, in the same order, as the project's shared
// pipeline (src/text/fold.ts on the `nlu` branch): NFKC (full-width → half-width) → traditional →
// simplified (opencc-js `t → cn`, character level) → dashes/tildes → lower-case Latin. This file
// exists only until that pipeline is merged; the lead will point these two functions at it.
import * as OpenCC from 'opencc-js';

const converter = OpenCC.Converter({ from: 't', to: 'cn' });
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export interface FoldOptions {
  /** Lower-case Latin letters (default true). Only ASCII is lower-cased, so lengths never change. */
  lowerCase?: boolean;
  /** Drop everything but letters, digits and Han (default false). */
  stripPunctuation?: boolean;
}

/** NFKC → simplified → dashes → (lower case) → (punctuation). Offsets are not preserved by NFKC. */
export function fold(s: string, options: FoldOptions = {}): string {
  let out = s.normalize('NFKC');
  if (HAN.test(out)) out = converter(out);
  out = out.replace(/[－—–]/g, '-').replace(/[〜～]/g, '~');
  if (options.lowerCase !== false) out = out.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  if (options.stripPunctuation) out = out.replace(/[^\p{L}\p{N}]+/gu, '');
  return out;
}

/** A comparison key: folded, lower-case, punctuation and spaces removed ("不回复 / 已讀不回" → "不回复已读不回"). */
export function foldKey(s: string): string {
  return fold(s, { stripPunctuation: true });
}
