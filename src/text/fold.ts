// The one text-folding pipeline (issue 10): every module that compares or matches user text
// folds it here, so understanding (src/nlu) and merchant matching (src/community/match) agree on
// what "the same text" means.
//
//   foldWidth        NFKC: full-width → half-width (ＡＢ１２３ → AB123, ，→ ,), compatibility forms
//   toSimplified     traditional → simplified Chinese, character level (opencc-js `t → cn`), so
//                    simplified words such as 序列号 stay as they are
//   foldDashes       the dashes and tildes NFKC leaves alone (－—– → -, 〜～ → ~)
//   foldCase         lower-case Latin
//   stripPunctuation letters, digits and Han only (for keys; understanding keeps punctuation)
//
// fold(s, options) runs them in that order. All steps are linear in the input length.
import * as OpenCC from 'opencc-js';

const converter = OpenCC.Converter({ from: 't', to: 'cn' });
// Pure-ASCII text cannot contain traditional characters: skip the dictionary walk.
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function foldWidth(s: string): string {
  return s.normalize('NFKC');
}

/** Traditional → simplified, character level. Width and case are kept. */
export function toSimplified(s: string): string {
  return HAN.test(s) ? converter(s) : s;
}

export function foldDashes(s: string): string {
  return s.replace(/[－—–]/g, '-').replace(/[〜～]/g, '~');
}

export function foldCase(s: string): string {
  return s.toLowerCase();
}

/** Removes everything but letters, digits and Han characters (spaces included). */
export function stripPunctuation(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface FoldOptions {
  /** Lower-case Latin letters (default true). */
  lowerCase?: boolean;
  /** Drop punctuation and spaces (default false). */
  stripPunctuation?: boolean;
  /** Trim leading and trailing white space (default false). */
  trim?: boolean;
}

const MEMO = new Map<string, string>();
const MEMO_MAX = 4096;
/** Longer texts (documents, drafts) are folded each time: the memo holds only message-sized ones. */
const MEMO_CHARS = 512;

/**
 * The folding pipeline: NFKC → simplified → dashes → case → (punctuation) → (trim).
 * With the defaults the result has the same characters, minus width/script/case variants,
 * so regular expressions written for simplified, half-width, lower-case text apply.
 * Offsets are NOT preserved (NFKC may merge characters): take spans from the result.
 */
/** Forgets the memo: the engine calls it per message, so no user's text outlives the turn that read it. */
export function clearFoldMemo(): void {
  MEMO.clear();
}

/** How many folded texts the memo holds (tests: none outlives a handled message). */
export function foldMemoSize(): number {
  return MEMO.size;
}

export function fold(s: string, options: FoldOptions = {}): string {
  if (s.length > MEMO_CHARS) return foldUncached(s, options);
  // The same few texts are folded many times a turn (the message by every route, button labels by
  // every tap check): a small memo of the pure pipeline saves the dictionary walks (bench/engine).
  const key = `${options.lowerCase === false ? 0 : 1}${options.stripPunctuation ? 1 : 0}${options.trim ? 1 : 0}${s}`;
  const hit = MEMO.get(key);
  if (hit !== undefined) return hit;
  const out = foldUncached(s, options);
  if (MEMO.size >= MEMO_MAX) MEMO.clear();
  MEMO.set(key, out);
  return out;
}

function foldUncached(s: string, options: FoldOptions): string {
  let out = foldDashes(toSimplified(foldWidth(s)));
  if (options.lowerCase !== false) out = foldCase(out);
  if (options.stripPunctuation) out = stripPunctuation(out);
  if (options.trim) out = out.trim();
  return out;
}

/** A comparison key: folded, lower-case, punctuation and spaces removed ("小年 卡盟！" → "小年卡盟"). */
export function foldKey(s: string): string {
  return fold(s, { stripPunctuation: true });
}
