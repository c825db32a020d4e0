// Facts as the user reads them.
import { format } from 'date-fns';
import { zhCN } from 'date-fns/locale/zh-CN';
import { TZDate } from '@date-fns/tz';
import { has, t } from '../i18n/index.js';
import type { FactValue, Flow, Question } from './types.js';

export function formatDateTime(d: Date | string, zone: string): string {
  return format(new TZDate(new Date(d).getTime(), zone), 'M月d日 HH:mm', { locale: zhCN });
}

/** "11月25日" */
export function formatDate(d: Date | string, zone: string): string {
  return format(new TZDate(new Date(d).getTime(), zone), 'M月d日', { locale: zhCN });
}

/** "11月25日（周二）" */
export function formatDay(d: Date | string, zone: string): string {
  return format(new TZDate(new Date(d).getTime(), zone), 'M月d日（EEE）', { locale: zhCN });
}

export function formatAmount(n: number): string {
  return `${Number.isInteger(n) ? n : n.toFixed(2)}元`;
}

export function optionLabel(flowId: string, questionId: string, option: string): string {
  const specific = `opt.${flowId}.${questionId}.${option}`;
  return has(specific) ? t(specific) : t(`opt.${questionId}.${option}`);
}

export function questionLabel(flowId: string, questionId: string): string {
  const specific = `label.${flowId}.${questionId}`;
  return has(specific) ? t(specific) : t(`label.${questionId}`);
}

export function formatFact(flow: Flow, q: Question, value: FactValue | null | undefined, zone: string): string {
  if (value === null || value === undefined) return t('fact.unknown');
  switch (q.kind) {
    case 'amount':
      return formatAmount(value as number);
    case 'time':
      return formatDateTime(value as string, zone);
    case 'payment':
      return t(`payment.${value}`);
    case 'choice':
      return optionLabel(flow.id, q.id, String(value));
    case 'count':
      return t('fact.count', { n: value as number });
    default:
      return String(value);
  }
}
