// 导出: everything the bot keeps about a user, as plain text.
import { has, t } from '../i18n/index.js';
import { formatAmount, formatDateTime } from '../flow/format.js';
import { factLines } from './progress.js';
import type { Repo, UserRow } from './repo.js';
import type { Flow } from '../flow/types.js';
import type { ScenarioId } from '../types.js';
import type { QuietHours } from '../calendar/quiet.js';
import { sendsAt } from '../followups/sends-at.js';

export function exportText(repo: Repo, user: UserRow, zone: string, flows: Readonly<Record<ScenarioId, Flow>>, quiet: QuietHours): string {
  const lines = [t('export.user', { platform: user.platform, id: user.platformUserId, name: user.displayName ?? '' })];
  const cases = repo.casesOf(user.id);
  if (!cases.length) lines.push(t('export.no_cases'));
  for (const c of cases) {
    lines.push('', t('export.case', { id: c.id, scenario: t(`scenario.${c.scenario}`), status: t(`status.${c.status}`), created: formatDateTime(new Date(c.createdAt), zone) }));
    lines.push(...factLines(flows[c.scenario], c, zone));
    if (c.outcome) lines.push(t('export.outcome', { outcome: t(`outcome.${c.outcome}`), refunded: c.refundedAmount === null ? '' : formatAmount(c.refundedAmount) }));
    for (const e of repo.evidenceOf(c.id)) {
      const kind = has(`export.kind.${e.kind}`) ? t(`export.kind.${e.kind}`) : e.kind;
      lines.push(t('export.evidence', { at: formatDateTime(new Date(e.at), zone), item: e.item ? t(`ev.${e.item}.short`) : t('ev.extra'), kind, ref: e.file_ref ?? '' }));
    }
    // What the other side answered, as the user reported it (the words kept go into later letters).
    for (const r of c.state.replies ?? []) {
      lines.push(t('export.reply', { at: formatDateTime(new Date(r.at), zone), rung: t(`bl.rung.${r.rung}`), kind: has(`coach.said.${r.kind}`) ? t(`coach.said.${r.kind}`) : r.kind, said: r.said ? t('export.reply_said', { said: r.said }) : '' }));
    }
    // The moment it is sent: one due in quiet hours waits for their end (followups/sends-at.ts).
    for (const f of repo.followUpsFor(c.id)) lines.push(t('export.followup', { at: formatDateTime(sendsAt(new Date(f.dueAt), zone, quiet), zone), what: t(`followup.${f.kind}.${f.rung ?? 'none'}`) }));
  }
  // What the other parts keep about the user: reports, collective-complaint consents, alert opt-in,
  // and anything a hook is holding mid-dialogue (e.g. facts understood but not yet confirmed).
  const db = repo.database;
  const optIn = db.prepare(`SELECT alerts_opt_in AS v FROM users WHERE id = ?`).get(user.id) as { v: number } | undefined;
  lines.push('', t(optIn?.v ? 'export.alerts_on' : 'export.alerts_off'));
  const reports = db
    .prepare(`SELECT merchant_text, what, amount, status, created_at FROM merchant_reports WHERE user_id = ? ORDER BY id`)
    .all(user.id) as { merchant_text: string; what: string; amount: number | null; status: string; created_at: number }[];
  for (const r of reports) {
    lines.push(t('export.report', { at: formatDateTime(new Date(r.created_at), zone), merchant: r.merchant_text, what: r.what, amount: r.amount ?? '', status: r.status }));
  }
  const consents = db.prepare(`SELECT case_id FROM collective_consents WHERE user_id = ? ORDER BY case_id`).all(user.id) as { case_id: number }[];
  for (const c of consents) lines.push(t('export.collective', { id: c.case_id }));
  const ext = (repo.loadSession(user.id).state as { ext?: Record<string, unknown> }).ext;
  if (ext && Object.keys(ext).length) lines.push(t('export.pending', { json: JSON.stringify(ext) }));
  lines.push('', t('export.footer'));
  return lines.join('\n');
}
