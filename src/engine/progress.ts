// 进度: where a case stands, the next step and the coming follow-ups.
import { t } from '../i18n/index.js';
import { applicableRungs, type Timings } from '../flow/ladder.js';
import { formatDay, questionLabel } from '../flow/format.js';
import { factText } from '../flow/facts-text.js';
import { renderText } from './render.js';
import { nextQuestion } from '../flow/intake.js';
import type { CaseRow, FollowUpRow } from './repo.js';
import type { Flow } from '../flow/types.js';
import { windowCloses, type WindowTimings } from '../followups/windows.js';
import { sendsAt } from '../followups/sends-at.js';

/** The facts of a case, one line each, labelled by its flow's questions. */
export function factLines(flow: Flow, c: CaseRow, zone: string): string[] {
  const lines = flow.questions
    .filter((q) => q.id in c.facts)
    .map((q) => t('progress.fact', { label: questionLabel(flow.id, q.id), value: renderText(factText(flow, q, c.facts[q.id], zone)) }));
  // The bill's 交易单号, given when asked for beside a failed payment (explore4 F7): not a question, still a fact.
  if (typeof c.facts.txnId === 'string') lines.push(t('progress.fact', { label: t('label.txnId'), value: c.facts.txnId }));
  return lines;
}

export function progressText(flow: Flow, c: CaseRow, followUps: FollowUpRow[], zone: string, timings: Timings & WindowTimings): string {
  const lines = [t('progress.header', { id: c.id, scenario: t(`scenario.${c.scenario}`), status: t(`status.${c.status}`) })];
  lines.push(...factLines(flow, c, zone));
  const rungs = applicableRungs(flow, c.facts, timings);
  const evidenceDone = flow.evidence.filter((e) => c.state.evidence[e.id]).length;
  lines.push(t('progress.evidence', { done: evidenceDone, total: flow.evidence.length }));
  switch (c.state.stage) {
    case 'intake': {
      const q = nextQuestion(flow, c.facts);
      lines.push(t('progress.next.intake', { question: q ? questionLabel(flow.id, q.id) : '' }));
      break;
    }
    case 'evidence':
      lines.push(t('progress.next.evidence'));
      break;
    case 'ladder': {
      const rung = rungs[Math.min(c.state.rung, rungs.length - 1)];
      lines.push(t('progress.rung', { n: c.state.rung + 1, total: rungs.length, title: t(`rung.${rung}.title`) }));
      lines.push(t(c.state.rungSentAt ? 'progress.next.waiting' : 'progress.next.send'));
      break;
    }
    case 'declined':
      lines.push(t('progress.next.declined'));
      break;
    case 'closed':
      lines.push(t('progress.closed', { outcome: c.outcome ? t(`outcome.${c.outcome}`) : '' }));
      break;
  }
  if (followUps.length) {
    lines.push(t('progress.followups'));
    // A window warning is listed by the day the window closes, which is what the user must beat; in date order.
    const rows = followUps
      .map((f) => {
        const closes = f.kind === 'window_warning' && f.rung ? windowCloses(f.rung, c.facts, timings, zone) : undefined;
        // The check for a refund the other side says was made (explore3 F40) is not their deadline.
        const claim = f.kind === 'rung_check' && f.rung !== null && c.facts.refundClaimRung === f.rung;
        const sent = sendsAt(new Date(f.dueAt), zone, { start: timings.QUIET_HOURS_START, end: timings.QUIET_HOURS_END });
        // 刷不了's reversal check (explore3 F15) looks whether the money came back; nothing was filed.
        const reversal = f.kind === 'rung_check' && c.facts.reversalPending === true && c.state.reversalUntil === f.dueAt;
        // "过两天再提醒我" before the step was sent (explore4 F17): a reminder to send it, not the other side's deadline.
        const toSend = f.kind === 'rung_check' && !c.state.rungSentAt && c.facts.sendReminderAt === new Date(f.dueAt).toISOString();
        const key = closes ? `progress.window.${f.rung}` : claim ? 'followup.rung_check.refund_claim' : reversal ? 'followup.rung_check.reversal' : toSend ? 'own.followup.to_send' : `followup.${f.kind}.${f.rung ?? 'none'}`;
        return { f, at: closes ?? sent, key };
      })
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const r of rows) lines.push(t('progress.followup', { day: formatDay(r.at, zone), what: t(r.key, { days: timings.PLATFORM_APPEAL_WINDOW_DAYS }) }));
  } else if (c.status === 'open') {
    lines.push(t('progress.no_followups'));
  }
  return lines.join('\n');
}
