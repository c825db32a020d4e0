// Folding for detection: the text as a detector should see it — NFKC (full-width letters and
// digits become ASCII, ideographic spaces plain spaces) with invisible characters removed — and,
// for every folded character, the span of the original text it came from, so that what is found
// in the folded text can be replaced in the original.

/** Zero-width and other invisible format characters people (or tools) slip into a pasted key. */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/;

export interface Folded {
  text: string;
  /** start[i], end[i]: the original [start, end) that folded code unit i came from. */
  start: number[];
  end: number[];
}

/** Folds `text` in one pass (linear; characters that NFKC leaves alone take a fast path). */
export function fold(text: string): Folded {
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + len);
    let f: string;
    if (cp < 0xa0 || (cp >= 0x4e00 && cp <= 0x9fff)) f = ch;
    else if (INVISIBLE.test(ch)) f = '';
    else f = ch.normalize('NFKC');
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + len);
    }
    out += f;
    i += len;
  }
  return { text: out, start, end };
}
