// 导出: everything the bot keeps about a user, as plain text.
import { t } from '../i18n/index.js';
import { formatDateTime } from '../flow/format.js';
import { factLines } from './progress.js';
import type { Repo, UserRow } from './repo.js';

export function exportText(repo: Repo, user: UserRow, zone: string): string {
  const lines = [t('export.user', { platform: user.platform, id: user.platformUserId, name: user.displayName ?? '' })];
  const cases = repo.casesOf(user.id);
  if (!cases.length) lines.push(t('export.no_cases'));
  for (const c of cases) {
    lines.push('', t('export.case', { id: c.id, scenario: t(`scenario.${c.scenario}`), status: t(`status.${c.status}`), created: formatDateTime(new Date(c.createdAt), zone) }));
    lines.push(...factLines(c, zone));
    if (c.outcome) lines.push(t('export.outcome', { outcome: t(`outcome.${c.outcome}`), refunded: c.refundedAmount ?? '' }));
    for (const e of repo.evidenceOf(c.id)) {
      lines.push(t('export.evidence', { at: formatDateTime(new Date(e.at), zone), item: e.item ? t(`ev.${e.item}.short`) : t('ev.extra'), kind: e.kind, ref: e.file_ref ?? '' }));
    }
    for (const f of repo.followUpsFor(c.id)) lines.push(t('export.followup', { at: formatDateTime(new Date(f.dueAt), zone), what: t(`followup.${f.kind}.${f.rung ?? 'none'}`) }));
  }
  lines.push('', t('export.footer'));
  return lines.join('\n');
}
