// 检查语气 against the case (explore3 F43): what only the case can tell — a sum asked for or said
// paid above what the case says was paid, steps claimed as done that the case has not taken
// (报警, 律师函, 起诉: written only if true), and consequences nobody can promise (查封).
// Pure: the route passes the case (src/coaching/routes.ts toneCheck).
import type { CaseRow } from '../engine/repo.js';
import { parseChineseNumber } from '../nlu/normalize.js';

/** What the case knows, for the draft's claims. */
export interface ToneCaseFacts {
  /** What the case says was paid in all (yuan). */
  paid?: number;
  /** Steps the case has taken: the police rung sent or answered, the court rung sent or answered. */
  done?: { police: boolean; court: boolean };
}

export type CaseToneCode = 'figure' | 'claim' | 'unfounded';

export interface CaseToneHit {
  code: CaseToneCode;
  start: number;
  end: number;
}

/** The case's amount (the rewrite's figure) and what the draft is checked against. */
export function caseToneOptions(c: CaseRow | undefined): { amount?: number } & ToneCaseFacts {
  if (!c) return {};
  const amount = typeof c.facts.amount === 'number' ? c.facts.amount : undefined;
  const count = typeof c.facts.chargeCount === 'number' && c.facts.chargeCount > 1 ? c.facts.chargeCount : 1;
  const took = (rung: 'police' | 'court') => !!c.state.sent?.includes(rung) || !!c.state.replies?.some((r) => r.rung === rung);
  return { amount, paid: amount === undefined ? undefined : amount * count, done: { police: took('police'), court: took('court') } };
}

// A sum asked back or said paid: right after 退/赔/还/返/转/打/付 (退我500块, 付了500), or with a unit.
const NUM = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万]+)';
const DEMAND = new RegExp(`(?:退|赔|还|返|转|打|付|给)(?:了|回|还|给)?(?:我|给我)?(?:全款|全部|共|一共)?\\s*${NUM}\\s*(?:元|块钱?|rmb|¥)?`, 'gi');
// Done in the past, not a plan (不退就报警 / 我会报警 / 将报案 are plans).
const POLICE_DONE = /(?<![就会将要去再])(?:已经|已|刚刚?|早就)?(?:去|到)?(?:派出所)?(?:报(?:了|过)警|报(?:警|案)了|(?:已经|已)报(?:警|案))/g;
const COURT_DONE = /律师函[^。！？!?，,]{0,6}(?:准备好|写好|发|寄|已)|(?:已经|已)(?:请|找)(?:了|好)?律师|(?:已经|已)(?:起诉|立案)|起诉(?:书|材料)?[^。！？!?，,]{0,4}(?:准备好|写好|递交|交了)/g;
const UNFOUNDED = /(?:会|要|将|就)?被?查封|(?:封|关)(?:掉|了)?(?:你们?的?)(?:店|平台|网站|账号)|吊销(?:你们?的?)?(?:执照|营业执照)?/g;

/** The case-dependent findings in `hay` (the draft, same positions). */
export function caseTone(hay: string, f: ToneCaseFacts): CaseToneHit[] {
  const out: CaseToneHit[] = [];
  const push = (code: CaseToneCode, re: RegExp, at = 0) => {
    re.lastIndex = 0;
    for (const m of hay.matchAll(re)) if (m[0].length) out.push({ code, start: (m.index ?? 0) + at, end: (m.index ?? 0) + m[0].length });
  };
  if (f.paid !== undefined && f.paid > 0) {
    DEMAND.lastIndex = 0;
    for (const m of hay.matchAll(DEMAND)) {
      const v = /\d/.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
      // More than paid, by more than a rounding: 121 on 120 is a typo at worst; phone numbers and 12315 are no sums.
      if (v === undefined || !(v > f.paid + 0.5) || /^(?:110|12315|12345|96110)$/.test(m[1])) continue;
      const s = (m.index ?? 0) + m[0].indexOf(m[1]);
      out.push({ code: 'figure', start: s, end: (m.index ?? 0) + m[0].length });
    }
  }
  if (f.done) {
    if (!f.done.police) push('claim', POLICE_DONE);
    if (!f.done.court) push('claim', COURT_DONE);
  }
  push('unfounded', UNFOUNDED);
  return out;
}
