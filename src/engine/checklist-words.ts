// The evidence checklist in the user's words (exploratory testing): "都有", "除了发货承诺都有", "1到4",
// "订单截图和支付记录都有" tick; "去掉聊天记录", "3点错了", "其实没有聊天记录" untick. Read before a
// typed text is matched to one button, which ticked the very item named after 除了.
import { t } from '../i18n/index.js';
import { checklistOrder } from '../flow/replies.js';
import type { Flow } from '../flow/types.js';
import type { CaseState } from '../flow/state.js';
import { matchOptions, synonymsOf, type OptionSpec } from '../dialogue/index.js';
import { encodeChoice } from './choices.js';

const ALL = /^(?:都有|全都有|全部都有|全有|都齐了|全部|都有了|全部都有了|都有的|全部有)[。.!！~～]*$/;
const EXCEPT = /^(?:除了|除去)(.+?)(?:以外|之外)?[，,\s]*(?:都有|其他(?:的)?都有|别的都有|其余(?:的)?都有|都有了|其他(?:的)?都有了)[。.!！]*$/;
const RANGE = /^(\d{1,2})\s*(?:到|至|-|~|～|—)\s*(\d{1,2})[。.!！]*$/;
const UNTICK = [
  /^(?:把)?(?:去掉|取消|删掉|划掉|撤销|撤回|不要)(?:勾选)?(.+?)[。.!！]*$/,
  /^(.+?)(?:点错了|选错了|勾错了|按错了)(?:[，,\s]*(?:其实)?(?:没有|没).*)?$/,
  /^(?:其实|我)?(?:没有|没)(?:这个)?(.+?)[。.!！]*$/,
];
/** Words that make a one-button match unsafe (a negation, an exception, a range, a list). */
const UNSAFE = /除了|除去|没有|没|去掉|取消|删掉|划掉|错了|都有|全部|到|和|跟|还有|以及|、/;

/** The checklist items as typed options (ids are item ids), numbered as their buttons. */
export function checklistSpecs(flow: Flow): OptionSpec[] {
  return checklistOrder(flow).map((id, i) => ({
    id,
    label: t('evidence.have', { item: t(`ev.${id}.short`) }),
    synonyms: [...synonymsOf(`ev.${id}`), t(`ev.${id}.short`)],
    number: i + 1,
  }));
}

/** Whether a typed text at the checklist must not be taken as one button (resolve.ts). */
export function unsafeForOneButton(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * The choice ids a typed text at the checklist means (ticks "e:<item>", unticks "e:<item>:off"),
 * or undefined when it says none of these things.
 */
export function checklistWords(flow: Flow, state: CaseState, text: string): string[] | undefined {
  const s = text.trim().slice(0, 60);
  const sp = checklistSpecs(flow);
  const items = sp.map((x) => x.id);
  const tick = (ids: string[]) => ids.filter((id) => !state.evidence[id]).map((item) => encodeChoice({ kind: 'evidence', item }));
  const named = (part: string) => matchOptions(part, sp);
  if (ALL.test(s)) return tick(items);
  const ex = EXCEPT.exec(s);
  if (ex) {
    const out = new Set(named(ex[1]));
    // "除了X都有": everything else ticked, and X unticked if it was ticked before.
    if (out.size) return [...tick(items.filter((id) => !out.has(id))), ...[...out].filter((id) => state.evidence[id]).map((item) => encodeChoice({ kind: 'evidence', item, off: true }))];
  }
  const r = RANGE.exec(s);
  if (r) {
    const [a, b] = [Number(r[1]), Number(r[2])].sort((x, y) => x - y);
    if (a >= 1 && b <= items.length) return tick(items.slice(a - 1, b));
  }
  for (const re of UNTICK) {
    const m = re.exec(s);
    if (!m) continue;
    const ids = named(m[1].trim());
    if (ids.length) return ids.filter((id) => state.evidence[id]).map((item) => encodeChoice({ kind: 'evidence', item, off: true }));
  }
  return undefined;
}
