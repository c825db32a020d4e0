// The message a fired follow-up sends. Every choice names its case (f:<caseId>:<answer>), so an
// answer reaches the right case even when the user has switched to another one since.
import { t, has } from '../i18n/index.js';
import { formatDate, formatDateTime as formatMoment } from '../flow/format.js';
import type { Facts, RungId } from '../flow/types.js';
import type { Choice, Reply, ScenarioId } from '../types.js';
import { encodeChoice, type FollowUpAnswer } from '../engine/choices.js';
import { windowCloses, BANK_DISPUTE_WINDOW_DAYS, type WindowTimings } from './windows.js';

export type FollowUpKind = 'rung_check' | 'window_warning';

/** Answers to a rung check (handled in flow/step.ts followUpAnswer). */
export const RUNG_ANSWERS = ['refunded', 'not_yet', 'refused', 'replied'] as const;
/** Reminder controls offered with every follow-up. */
export const CONTROL_ANSWERS = ['snooze1', 'snooze3', 'stop'] as const;

export interface FiredFollowUp {
  caseId: number;
  scenario: ScenarioId;
  kind: string;
  rung: RungId | null;
  dueAt: Date;
  facts: Facts;
}

export interface MessageTimings extends WindowTimings {
  PLATFORM_REVIEW_WORKDAYS: number;
  PAYMENT_COMPLAINT_WORKDAYS: number;
  REGULATOR_REPLY_WORKDAYS: number;
}

export const answerId = (caseId: number, answer: FollowUpAnswer): string => encodeChoice({ kind: 'followup', caseId, answer });

function controls(caseId: number): Choice[] {
  return CONTROL_ANSWERS.map((a) => ({ id: answerId(caseId, a), label: t(`fup.${a}`) }));
}

function rungCheck(f: FiredFollowUp, now: Date, zone: string, timings: MessageTimings): Reply {
  const rung = f.rung ?? 'none';
  const days: Partial<Record<string, number>> = {
    platform: timings.PLATFORM_REVIEW_WORKDAYS,
    payment: timings.PAYMENT_COMPLAINT_WORKDAYS,
    regulator: timings.REGULATOR_REPLY_WORKDAYS,
  };
  const params = { id: f.caseId, scenario: t(`scenario.${f.scenario}`), due: formatMoment(f.dueAt, zone, now), days: days[rung] };
  if (f.facts.reversalPending === true) {
    // 刷不了: the check for the usual automatic reversal, before the appeal.
    return {
      text: `${t('fup.ask.reversal', params)}\n${t('fup.ask.tail')}`,
      choices: [{ id: answerId(f.caseId, 'refunded'), label: t('fup.reversal.back') }, { id: answerId(f.caseId, 'not_yet'), label: t('fup.reversal.not_back') }, ...controls(f.caseId)],
    };
  }
  // "过两天再提醒我" before the step was sent (explore4 F17): a reminder to send it.
  if (f.facts.sendReminderAt === f.dueAt.toISOString()) return { text: t('own.fup.to_send', params), choices: controls(f.caseId) };
  // "商家说已经退了 但我没收到" (explore3 F40): the check is for that refund, not the deadline.
  const claim = f.facts.refundClaimRung === rung && typeof f.facts.refundClaimUntil === 'string';
  // A key the user shared (explore3 F54): the seller was asked for help, with no deadline.
  const shared = rung === 'seller' && f.scenario === 'card_used' && f.facts.redeemedBefore === 'shared';
  const ask = t(claim ? 'fup.ask.refund_claim' : shared ? 'fup.ask.seller_shared' : has(`fup.ask.${rung}`) ? `fup.ask.${rung}` : 'fup.ask.none', params);
  const repliedKey = has(`fup.replied.${rung}`) ? `fup.replied.${rung}` : 'fup.replied.seller';
  const choices: Choice[] = [
    { id: answerId(f.caseId, 'refunded'), label: t('fup.refunded') },
    { id: answerId(f.caseId, 'not_yet'), label: t('fup.not_yet') },
    { id: answerId(f.caseId, 'refused'), label: t('fup.refused') },
    { id: answerId(f.caseId, 'replied'), label: t(repliedKey) },
    ...controls(f.caseId),
  ];
  return { text: `${ask}\n${t('fup.ask.tail')}`, choices };
}

function windowWarning(f: FiredFollowUp, now: Date, zone: string, timings: WindowTimings): Reply | undefined {
  if (!f.rung) return undefined;
  const closes = windowCloses(f.rung, f.facts, timings, zone);
  if (!closes || typeof f.facts.paidAt !== 'string') return undefined;
  const days = Math.floor((closes.getTime() - now.getTime()) / 86_400_000);
  const left = days >= 1 ? t('fup.left.days', { n: days }) : t('fup.left.under_a_day');
  const text = t(`fup.warn.${f.rung}`, {
    id: f.caseId,
    scenario: t(`scenario.${f.scenario}`),
    days: f.rung === 'platform' ? timings.PLATFORM_APPEAL_WINDOW_DAYS : BANK_DISPUTE_WINDOW_DAYS,
    // A payment day with no hour (stored YYYY-MM-DD) gives a closing day, not an invented 12:00 (explore4 F38).
    paid: f.facts.paidAt.includes('T') ? formatMoment(f.facts.paidAt, zone, now) : formatDate(f.facts.paidAt, zone, now),
    closes: f.facts.paidAt.includes('T') ? formatMoment(closes, zone, now) : formatDate(closes.toISOString(), zone, now),
    left,
  });
  return {
    text,
    choices: [{ id: answerId(f.caseId, `to_${f.rung}`), label: t(`fup.to_rung.${f.rung}`) }, { id: answerId(f.caseId, 'stop'), label: t('fup.stop') }],
  };
}

/** The reply for a fired follow-up, or undefined when there is nothing meaningful to say. */
export function followUpMessage(f: FiredFollowUp, now: Date, zone: string, timings: MessageTimings): Reply | undefined {
  switch (f.kind) {
    case 'rung_check':
      return rungCheck(f, now, zone, timings);
    case 'window_warning':
      return windowWarning(f, now, zone, timings);
    default:
      return undefined;
  }
}
