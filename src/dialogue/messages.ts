// The layer's own locale keys (src/i18n/zh-CN/dialogue.ts), registered on first import, and the
// few texts it builds. Amounts always carry their unit.
import { addMessages, has, t } from '../i18n/index.js';
import dialogue from '../i18n/zh-CN/dialogue.js';
import { formatAmount } from '../flow/format.js';

if (!has('dlg.which')) addMessages(dialogue);

/** An amount as the user reads it, always with its unit: 200 → "200元", 99.5 → "99.50元". */
export function yuan(n: number): string {
  return formatAmount(n);
}

/** "你说的是哪一个？" followed by the candidates, numbered as they will be offered (1, 2…). */
export function whichOneText(labels: readonly string[]): string {
  return [t('dlg.which'), ...labels.map((label, i) => t('dlg.which_line', { n: i + 1, label }))].join('\n');
}

/** "金额改成200元吗？" — `label` is the fact's short label (label.<id>), `value` already formatted (use yuan for amounts). */
export function correctionOffer(label: string, value: string): string {
  return t('dlg.correct.offer', { label, value });
}

/** "退回的250元比你付的198元还多，是不是写错了？…" */
export function exceedsPaidText(amount: number, paid: number): string {
  return t('dlg.amount.exceeds_paid', { amount: yuan(amount), paid: yuan(paid) });
}
