// Numbers that never shift while the same list is shown: the evidence checklist keeps every item
// at its place (ticked ones marked ✅, not removed), and the case list is numbered by case id,
// so "5" or "#5" or "案件5" always means case #5.
import { t } from '../i18n/index.js';
import './messages.js';
import { parseChineseNumber } from '../nlu/normalize.js';
import type { OptionSpec } from './options.js';
import { synonymsOf } from './synonyms.js';

export interface ChecklistEntry {
  id: string;
  /** 1-based position in the full list: the same whatever is ticked. */
  number: number;
  label: string;
  ticked: boolean;
}

/**
 * The checklist with stable numbers: item i of `items` (in the flow's order) is always number
 * i + 1; ticking changes only `ticked`. `labelKey` (e.g. 'ev.chat_log') brings the item's synonyms.
 */
export function stableChecklist(items: readonly { id: string; label: string }[], ticked: Iterable<string>): ChecklistEntry[] {
  const done = new Set(ticked);
  return items.map((it, i) => ({ id: it.id, number: i + 1, label: it.label, ticked: done.has(it.id) }));
}

/** "1. 订单截图", "2. ✅ 支付记录" … one line per entry (locale dlg.check.*). */
export function checklistLines(entries: readonly ChecklistEntry[]): string[] {
  return entries.map((e) => t('dlg.check.line', { n: e.number, mark: t(e.ticked ? 'dlg.check.ticked' : 'dlg.check.open'), label: e.label }));
}

/**
 * The checklist as options for matchOption / matchOptions, numbered as shown. Synonyms come from
 * `syn.ev.<id>` (and the short label). Extra entries (e.g. { id: 'done', labelKey:
 * 'choice.evidence_done', label }) follow the items with the next numbers.
 */
export function checklistOptions(entries: readonly ChecklistEntry[], extra: readonly { id: string; label: string; labelKey?: string }[] = []): OptionSpec[] {
  const items: OptionSpec[] = entries.map((e) => ({ id: e.id, label: e.label, synonyms: synonymsOf(`ev.${e.id}`), number: e.number }));
  const base = entries.length ? Math.max(...entries.map((e) => e.number)) : 0;
  return [...items, ...extra.map((x, i) => ({ id: x.id, label: x.label, synonyms: x.labelKey ? synonymsOf(x.labelKey) : [], number: base + i + 1 }))];
}

const CN = '[一二两三四五六七八九十百]{1,4}';
const CASE_REF = new RegExp(
  `^(?:(?:切换到|切到|打开|看|选|查看)\\s*)?(?:(?:案件|案子|case)\\s*(?:#|号|no\\.?)?\\s*(\\d{1,9}|${CN})\\s*(?:号)?|#\\s*(\\d{1,9})|(?:第\\s*)?(\\d{1,9}|${CN})\\s*号?\\s*(?:案件|案子)|(\\d{1,9}))\\s*(?:号)?$`,
  'i',
);

/**
 * The case id a text names: "#4", "4", "案件4", "案件 #4", "4号案件", "案件四", "切换到案件4".
 * The case list shows cases by id, so a bare number is an id too. Undefined otherwise.
 */
export function caseRef(text: string): number | undefined {
  const s = text.normalize('NFKC').trim().replace(/[。.!！]+$/, '');
  const m = CASE_REF.exec(s);
  if (!m) return undefined;
  const raw = m[1] ?? m[2] ?? m[3] ?? m[4];
  const n = /^\d+$/.test(raw) ? Number(raw) : parseChineseNumber(raw);
  return n !== undefined && n > 0 ? n : undefined;
}

/** Picks one of the user's cases by id (see caseRef); 'none' when the text names no case or one not in `caseIds`. */
export function pickCase(text: string, caseIds: readonly number[]): { kind: 'match'; id: number } | { kind: 'none'; named?: number } {
  const n = caseRef(text);
  if (n === undefined) return { kind: 'none' };
  return caseIds.includes(n) ? { kind: 'match', id: n } : { kind: 'none', named: n };
}
