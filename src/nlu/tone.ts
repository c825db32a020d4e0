// 检查语气 lives in src/coaching/tone.ts (rules in src/coaching/rules/tone.json); this module
// keeps the NLU's API: checkTone re-exported, and a calm rewrite built only from the facts of
// the case (docs/domain.md §3.2.2: no insults, no threats of bad reviews or 曝光; never
// promise an outcome).
import { wallClock } from '../time/zone.js';
import type { ScenarioId } from '../types.js';
import { rewrite } from '../i18n/zh-CN/nlu.js';
import { t } from '../i18n/index.js';

export { checkTone, type ToneCode, type ToneFinding, type ToneReport, type ToneOptions } from '../coaching/tone.js';

export interface CaseFacts {
  merchant?: string;
  orderId?: string;
  amount?: number;
  /** A time, or a day (YYYY-MM-DD) when only the day is known: written without a clock time. */
  paidAt?: Date | string;
  scenario?: ScenarioId;
  deadline?: Date;
  /** The evidence the user ticked, as short labels: the only materials the message may claim. */
  evidence?: string[];
}

/** The paid-at / deadline time in the locale's own format (fmt.datetime / fmt.datetime_y). */
function formatWhen(d: Date, zone: string, withYear: boolean): string {
  const w = wallClock(d, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return t(withYear ? 'fmt.datetime_y' : 'fmt.datetime', { y: w.year, M: w.month, d: w.day, HH: pad(w.hour), mm: pad(w.minute) });
}

function formatYuan(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}

/**
 * A calm, factual message for the seller built only from `facts` — nothing from the
 * draft is carried over, so insults and threats cannot leak into it.
 */
export function neutralRewrite(_draft: string, facts: CaseFacts, zone: string): string {
  const lines: string[] = [rewrite.greeting(facts.merchant)];
  const parts: string[] = [];
  if (typeof facts.paidAt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(facts.paidAt)) {
    const [y, M, d] = facts.paidAt.split('-').map(Number);
    parts.push(rewrite.paidAt(t('fmt.date_y', { y, M, d })));
  } else if (facts.paidAt) parts.push(rewrite.paidAt(formatWhen(new Date(facts.paidAt), zone, true)));
  const timed = parts.length > 0;
  if (facts.orderId) parts.push(rewrite.orderId(facts.orderId));
  if (facts.amount !== undefined) parts.push(rewrite.amount(formatYuan(facts.amount)));
  lines.push(parts.length ? rewrite.orderLine(parts, timed) : rewrite.noFacts);
  const scenario = facts.scenario ?? 'other';
  lines.push(rewrite.problem[scenario]);
  lines.push(facts.evidence?.length ? rewrite.evidence(facts.evidence.join('、')) : rewrite.evidenceGap);
  const req =
    scenario === 'double_charge'
      ? rewrite.request.double_charge
      : scenario === 'card_used'
        ? rewrite.request.card_used
        : rewrite.request.default;
  lines.push(req);
  lines.push(facts.deadline ? rewrite.deadline(formatWhen(facts.deadline, zone, false)) : rewrite.noDeadline);
  lines.push(rewrite.escalation);
  lines.push(rewrite.closing);
  return lines.join('\n');
}
