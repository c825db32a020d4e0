// Self-corrections inside one message (exploratory test 3, F38): "一开始写的100 不对 我看了账单是50",
// "上个月28号 不对 是这个月28号", "100 不对 是50". What the user took back is dropped, so every reader
// (the story, an answer, a correction) sees only the value that stands. Only a value of the same kind
// on both sides of the cue is dropped: "小年卡盟 不对 是100" keeps 小年卡盟.
import { parseAmount } from '../nlu/amount.js';
import { withoutCardKeys } from './cardkey.js';
import { readDate } from './dates.js';

/** A cue in the middle of a message that takes back what came just before it. */
const MID_CUE = /(?:不对不对|不对|不是不是|说错了|写错了|打错了|记错了|搞错了|弄错了|更正一下|更正)[\s,，。.!！、]*/g;
const DELIM = /[\s,，。.!！;；、]/;

type Kind = 'amount' | 'date';

/** The text without the numbers of a day or a clock time (11月28号, 28日, 3点20): those are not amounts. */
export function withoutDayNumbers(s: string): string {
  return s.replace(/\d{1,4}\s*[年月]\s*(?:\d{1,2}\s*[日号]?)?|\d{1,2}\s*[日号]|\d{1,2}\s*[点:：]\s*\d{0,2}(?:\s*分)?/g, ' ');
}

function kindsOf(s: string, now: Date, zone: string): Set<Kind> {
  const out = new Set<Kind>();
  const bare = withoutCardKeys(s);
  const when = readDate(bare, now, zone);
  if (when) out.add('date');
  if (parseAmount(withoutDayNumbers(bare), { asAnswer: true }) !== undefined) out.add('amount');
  return out;
}

/** The clause just before `end` (back to the previous delimiter, skipping delimiters right before it). */
function clauseBefore(text: string, end: number): [number, number] {
  let e = end;
  while (e > 0 && DELIM.test(text[e - 1])) e--;
  let b = e;
  while (b > 0 && !DELIM.test(text[b - 1])) b--;
  return [b, e];
}

/** The clause from `start` to the next delimiter. */
function clauseAfter(text: string, start: number): string {
  let e = start;
  while (e < text.length && !DELIM.test(text[e])) e++;
  return text.slice(start, e);
}

/**
 * The text without the values the user took back in the same message: for each mid-message cue
 * (不对, 说错了, 写错了…) with an amount or a date both just before and just after it, the clause
 * before goes, with the cue. A cue at the start (an answer to "对吗？") is left alone.
 */
export function withoutTakenBack(text: string, now: Date, zone: string): string {
  const cuts: [number, number][] = [];
  for (const m of text.matchAll(MID_CUE)) {
    const at = m.index!;
    const [b, e] = clauseBefore(text, at);
    if (e <= b) continue;
    const before = text.slice(b, e);
    const after = clauseAfter(text, at + m[0].length);
    if (!after) continue;
    const kb = kindsOf(before, now, zone);
    if (!kb.size) continue;
    const ka = kindsOf(after, now, zone);
    if ([...kb].some((k) => ka.has(k))) cuts.push([b, at + m[0].length]);
  }
  if (!cuts.length) return text;
  let out = text;
  for (const [b, e] of cuts.reverse()) out = `${out.slice(0, b)} ${out.slice(e)}`;
  return out.replace(/\s{2,}/g, ' ').trim();
}
