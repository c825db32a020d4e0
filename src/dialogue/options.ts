// Which shown option a typed answer means: by the number it was shown with, by its label, by a
// synonym declared beside the label in the locale file, by containment, or by a small edit
// distance — all after folding (full-width, traditional, case). Pure; linear in the text for
// each option (the text is capped at MAX_TEXT characters).
import { distance } from 'fastest-levenshtein';
import { foldKey } from './fold.js';
import { parseChineseNumber } from '../nlu/normalize.js';

export interface OptionSpec {
  id: string;
  /** The label as shown ("不回复/已读不回"). Parts split on / ， , （ ） also count as whole answers. */
  label: string;
  /** What users type for it (see synonymsOf). */
  synonyms?: readonly string[];
  /** The number it was shown with, if the list is numbered. */
  number?: number;
  /** A generic entry (跳过（不清楚）) that loses a tie to the question's own options ("不清楚" → 不确定, not 跳过). */
  weak?: boolean;
}

export type OptionMatch =
  | { kind: 'match'; id: string; how: 'number' | 'exact' | 'synonym' | 'contains' | 'fuzzy' }
  | { kind: 'ambiguous'; ids: string[] }
  | { kind: 'none' };

const MAX_TEXT = 120;
const CN_NUM = '[一二两三四五六七八九十]{1,3}';
/** "2", "2.", "2、", "第2个", "选2", "2号", "#2", "第二个"; not "2个" (that can be "2个订单"). */
const NUMBER = new RegExp(`^(?:选|选择|第|#|no\\.?)?\\s*(\\d{1,2}|${CN_NUM})\\s*(?:个|项|条|号|[.、)])?$`, 'i');
const NUMBER_STRICT_CN = new RegExp(`^(?:选|选择|第)\\s*(${CN_NUM})|^(${CN_NUM})\\s*号$`);
/** Trailing particles that don't change the answer: 有的, 不回复啊, 已经用完了. */
const TAIL = /[的啊呀吧哦噢哈呢啦嘛了]+$/;
/** A negation just before a hit cancels it: 不是拒绝退款, 没用过. */
const NEGATED_BEFORE = /(?:不是|并非|不算|没有|不|没|未|非|别)$/;

/** The number a text names when it is only a number ("3", "第3个", "③", "选三"), else undefined. */
export function typedNumber(text: string): number | undefined {
  const s = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const m = NUMBER.exec(s);
  if (!m || (s.endsWith('个') && !/^第/.test(s))) return undefined;
  const raw = m[1];
  if (/^\d+$/.test(raw)) return Number(raw);
  // A Chinese numeral alone ("三") is also a word; only 第三/选三/三号 count.
  if (!NUMBER_STRICT_CN.test(s)) return undefined;
  return parseChineseNumber(raw);
}

interface Candidate {
  key: string;
  kind: 'label' | 'part' | 'synonym';
}

// Folding labels and synonyms (opencc) is the costly part; options repeat, so their keys are kept.
const cache = new Map<string, Candidate[]>();
const CACHE_MAX = 4000;

function candidates(o: OptionSpec): Candidate[] {
  const id = `${o.label}\u0000${(o.synonyms ?? []).join('\u0001')}`;
  let c = cache.get(id);
  if (!c) {
    if (cache.size >= CACHE_MAX) cache.clear();
    c = buildCandidates(o);
    cache.set(id, c);
  }
  return c;
}

function buildCandidates(o: OptionSpec): Candidate[] {
  const out: Candidate[] = [{ key: foldKey(o.label), kind: 'label' }];
  const parts = o.label.split(/[/／,，、;；（）()]+/).map(foldKey).filter((p) => p && p !== out[0].key);
  for (const p of parts) out.push({ key: p, kind: 'part' });
  for (const s of o.synonyms ?? []) {
    const k = foldKey(s);
    if (k) out.push({ key: k, kind: 'synonym' });
  }
  return out;
}

/** Edit distance allowed for a candidate of this length: none up to 2, 1 up to 5, 2 up to 9, then 3. */
function allowedEdits(len: number): number {
  return len <= 2 ? 0 : len <= 5 ? 1 : len <= 9 ? 2 : 3;
}

interface Hit {
  start: number;
  end: number;
}

function hitsIn(text: string, key: string): Hit[] {
  const out: Hit[] = [];
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
    const before = text.slice(Math.max(0, i - 2), i);
    // A key that is itself negative (不回) is still negated by 不是/并非 (不是不回).
    if (/^(?:不|没|未|非|别)/.test(key) ? /(?:不是|并非|不算)$/.test(before) : NEGATED_BEFORE.test(before)) continue;
    out.push({ start: i, end: i + key.length });
  }
  return out;
}

function byOrder(options: readonly OptionSpec[], ids: Iterable<string>): string[] {
  const set = new Set(ids);
  return options.filter((o) => set.has(o.id)).map((o) => o.id);
}

function decide(options: readonly OptionSpec[], ids: Iterable<string>, how: 'exact' | 'synonym' | 'contains' | 'fuzzy'): OptionMatch {
  let list = byOrder(options, ids);
  if (list.length > 1) {
    const strong = list.filter((id) => !options.find((o) => o.id === id)?.weak);
    if (strong.length) list = strong;
  }
  if (list.length === 1) return { kind: 'match', id: list[0], how };
  return { kind: 'ambiguous', ids: list };
}

/**
 * Matches a typed answer against the options shown, in this order:
 *  1. a typed number ("2", "第2个", "②") picks the option shown with that number (none if no such number);
 *  2. the whole label, then a label part or a synonym, equal to the text (several → ambiguous);
 *  3. containment: a label, part or synonym (2+ characters, not negated: 不是拒绝退款) inside the
 *     text. Hits that overlap keep the longest; two options named at different places
 *     ("一会说在处理一会说不退") → ambiguous. Otherwise the text (2+ characters, at least a third
 *     of it) inside a label, part or synonym of exactly one option;
 *  4. a small edit distance, scaled to the length (see allowedEdits); the closest wins, ties → ambiguous.
 */
export function matchOption(text: string, options: readonly OptionSpec[]): OptionMatch {
  if (!options.length) return { kind: 'none' };
  const n = typedNumber(text);
  if (n !== undefined) {
    const o = options.find((x) => x.number === n);
    if (o) return { kind: 'match', id: o.id, how: 'number' };
    // "3" as the answer to unnumbered options is not a label either.
    if (/^\d+$/.test(text.trim())) return { kind: 'none' };
  }
  const full = foldKey(text.slice(0, MAX_TEXT));
  if (!full) return { kind: 'none' };
  const t = full.length > 1 ? full.replace(TAIL, '') || full : full;
  const cands = options.map(candidates);
  const same = (k: string) => k === full || k === t;

  // 2. exact
  const exactLabel = options.filter((_, i) => same(cands[i][0].key)).map((o) => o.id);
  if (exactLabel.length) return decide(options, exactLabel, 'exact');
  const exactOther = options.filter((_, i) => cands[i].some((c) => same(c.key))).map((o) => o.id);
  if (exactOther.length) return decide(options, exactOther, 'synonym');

  // 3a. a candidate inside the text
  const found: { id: string; hit: Hit }[] = [];
  options.forEach((o, i) => {
    for (const c of cands[i]) if (c.key.length >= 2) for (const h of hitsIn(t, c.key)) found.push({ id: o.id, hit: h });
  });
  if (found.length) {
    // A hit inside a longer hit of another option does not count ("看下一步" within "没用看下一步").
    const kept = found.filter((a) => !found.some((b) => b.id !== a.id && b.hit.start <= a.hit.start && b.hit.end >= a.hit.end && b.hit.end - b.hit.start > a.hit.end - a.hit.start));
    return decide(options, kept.map((k) => k.id), 'contains');
  }
  // 3b. the text inside a candidate
  if (t.length >= 2) {
    const inside = options.filter((_, i) => cands[i].some((c) => c.key.includes(t) && t.length * 3 >= c.key.length)).map((o) => o.id);
    if (inside.length) return decide(options, inside, 'contains');
  }

  // 4. edit distance, whole text against each candidate
  let best = Infinity;
  let bestIds: string[] = [];
  options.forEach((o, i) => {
    for (const c of cands[i]) {
      // Two characters: one wrong second character ("微新" for 微信) when the first is right.
      if (c.key.length === 2 && t.length === 2 && t[0] === c.key[0] && t[1] !== c.key[1] && /\p{Script=Han}/u.test(t) && !/^[不没别非未]/.test(t)) {
        if (1 < best) {
          best = 1;
          bestIds = [o.id];
        } else if (best === 1 && !bestIds.includes(o.id)) bestIds.push(o.id);
        continue;
      }
      if (c.key.length < 3 || Math.abs(c.key.length - t.length) > allowedEdits(c.key.length)) continue;
      const d = distance(t, c.key);
      if (d > allowedEdits(c.key.length) || d * 2 >= c.key.length) continue;
      if (d < best) {
        best = d;
        bestIds = [o.id];
      } else if (d === best && !bestIds.includes(o.id)) bestIds.push(o.id);
    }
  });
  if (bestIds.length) return decide(options, bestIds, 'fuzzy');
  return { kind: 'none' };
}

/**
 * For multi-select lists (the evidence checklist): every option the text names, by numbers
 * ("4 6", "1、3、5", "2和4") or by labels/synonyms at different places ("聊天记录和支付记录").
 * Numbers with no option are left out. Empty when nothing matches.
 */
export function matchOptions(text: string, options: readonly OptionSpec[]): string[] {
  const s = text.normalize('NFKC').trim();
  if (/^[\d\s,，、和跟与及还有以及&+.和第号个项]+$/.test(s) && /\d/.test(s)) {
    const nums = [...s.matchAll(/\d{1,2}/g)].map((m) => Number(m[0]));
    return byOrder(options, options.filter((o) => o.number !== undefined && nums.includes(o.number)).map((o) => o.id));
  }
  const one = matchOption(text, options);
  if (one.kind === 'match') return [one.id];
  if (one.kind === 'ambiguous') {
    // Named at different places ("聊天记录和支付记录") → all of them; equal exact answers stay ambiguous.
    const t = foldKey(text.slice(0, MAX_TEXT));
    const named = one.ids.filter((id) => {
      const o = options.find((x) => x.id === id)!;
      return candidates(o).some((c) => c.key.length >= 2 && c.key !== t && hitsIn(t, c.key).length > 0);
    });
    return named.length === one.ids.length ? one.ids : [];
  }
  return [];
}
