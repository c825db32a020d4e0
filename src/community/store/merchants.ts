// SQL for merchants, their identifiers, reports, subscribed groups and collective-complaint consents.
import type { DB } from '../../store/db.js';
import type { Platform } from '../../types.js';
import type { IdentifierKind } from '../match/normalize.js';
import type { Identifier } from '../match/matcher.js';

export type MerchantStatus = 'blacklisted' | 'reported' | 'removed';

export interface MerchantRow {
  id: number;
  name: string;
  status: MerchantStatus;
  reason: string | null;
  listedAt: number | null;
  createdAt: number;
  updatedAt: number;
  removedAt: number | null;
  removedReason: string | null;
}

export interface ReportRow {
  id: number;
  userId: number | null;
  merchantId: number | null;
  merchantText: string;
  what: string;
  amount: number | null;
  evidenceCount: number;
  caseId: number | null;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  decisionReason: string | null;
  decidedAt: number | null;
  createdAt: number;
}

const MERCHANT_COLS = `id, name, status, reason, listed_at AS listedAt, created_at AS createdAt, updated_at AS updatedAt, removed_at AS removedAt, removed_reason AS removedReason`;
const REPORT_COLS = `id, user_id AS userId, merchant_id AS merchantId, merchant_text AS merchantText, what, amount,
  evidence_count AS evidenceCount, case_id AS caseId, status, decision_reason AS decisionReason, decided_at AS decidedAt, created_at AS createdAt`;

export class BlacklistStore {
  constructor(private readonly db: DB) {}

  // — merchants —

  createMerchant(name: string, status: MerchantStatus, reason: string | null, now: Date): MerchantRow {
    const t = now.getTime();
    const row = this.db
      .prepare(`INSERT INTO merchants (name, status, reason, listed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING ${MERCHANT_COLS}`)
      .get(name, status, reason, status === 'blacklisted' ? t : null, t, t) as MerchantRow;
    this.addIdentifier(row.id, 'name', name);
    return row;
  }

  merchant(id: number): MerchantRow | undefined {
    return this.db.prepare(`SELECT ${MERCHANT_COLS} FROM merchants WHERE id = ?`).get(id) as MerchantRow | undefined;
  }

  updateMerchant(id: number, patch: { name?: string; status?: MerchantStatus; reason?: string | null; removedReason?: string | null }, now: Date): MerchantRow | undefined {
    const cur = this.merchant(id);
    if (!cur) return undefined;
    const status = patch.status ?? cur.status;
    const listedAt = status === 'blacklisted' ? (cur.status === 'blacklisted' ? cur.listedAt : now.getTime()) : null;
    const name = patch.name ?? cur.name;
    this.db
      .prepare(`UPDATE merchants SET name = ?, status = ?, reason = ?, listed_at = ?, updated_at = ? WHERE id = ?`)
      .run(name, status, patch.reason !== undefined ? patch.reason : cur.reason, listedAt, now.getTime(), id);
    if (status !== cur.status) {
      const removed = status === 'removed';
      this.db.prepare(`UPDATE merchants SET removed_at = ?, removed_reason = ? WHERE id = ?`).run(removed ? now.getTime() : null, removed ? (patch.removedReason ?? null) : null, id);
    }
    if (patch.name && patch.name !== cur.name) {
      // The old name stays findable, as an alias.
      this.db.prepare(`UPDATE merchant_identifiers SET kind = 'alias' WHERE merchant_id = ? AND kind = 'name'`).run(id);
      this.db.prepare(`DELETE FROM merchant_identifiers WHERE merchant_id = ? AND kind = 'alias' AND value = ?`).run(id, patch.name);
      this.db.prepare(`INSERT OR IGNORE INTO merchant_identifiers (merchant_id, kind, value) VALUES (?, 'name', ?)`).run(id, patch.name);
    }
    return this.merchant(id);
  }

  identifiers(merchantId: number): Identifier[] {
    return this.db.prepare(`SELECT kind, value FROM merchant_identifiers WHERE merchant_id = ? ORDER BY id`).all(merchantId) as Identifier[];
  }

  /** Removes one identifier exactly (the name itself cannot be removed, only renamed). */
  removeIdentifierExactly(merchantId: number, kind: IdentifierKind, value: string): boolean {
    return this.db.prepare(`DELETE FROM merchant_identifiers WHERE merchant_id = ? AND kind = ? AND value = ? AND kind <> 'name'`).run(merchantId, kind, value).changes === 1;
  }

  addIdentifier(merchantId: number, kind: IdentifierKind, value: string): boolean {
    return this.db.prepare(`INSERT OR IGNORE INTO merchant_identifiers (merchant_id, kind, value) VALUES (?, ?, ?)`).run(merchantId, kind, value).changes === 1;
  }

  removeIdentifier(merchantId: number, value: string): number {
    return this.db.prepare(`DELETE FROM merchant_identifiers WHERE merchant_id = ? AND value = ? AND kind <> 'name'`).run(merchantId, value).changes;
  }

  /** Every merchant's identifiers, for building the index at start. */
  *allIdentifiers(): Generator<{ merchantId: number; ids: Identifier[] }> {
    let cur: { merchantId: number; ids: Identifier[] } | undefined;
    for (const r of this.db.prepare(`SELECT merchant_id AS m, kind, value FROM merchant_identifiers ORDER BY merchant_id, id`).iterate() as Iterable<{
      m: number;
      kind: IdentifierKind;
      value: string;
    }>) {
      if (cur && cur.merchantId !== r.m) {
        yield cur;
        cur = undefined;
      }
      cur ??= { merchantId: r.m, ids: [] };
      cur.ids.push({ kind: r.kind, value: r.value });
    }
    if (cur) yield cur;
  }

  listed(limit: number, offset = 0, status: MerchantStatus | 'all' = 'blacklisted'): MerchantRow[] {
    const where = status === 'all' ? '' : `WHERE status = ?`;
    return this.db
      .prepare(`SELECT ${MERCHANT_COLS} FROM merchants ${where} ORDER BY coalesce(listed_at, updated_at) DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...(status === 'all' ? [] : [status]), limit, offset) as MerchantRow[];
  }

  listedCount(status: MerchantStatus | 'all' = 'blacklisted'): number {
    if (status === 'all') return (this.db.prepare(`SELECT count(*) AS n FROM merchants`).get() as { n: number }).n;
    return (this.db.prepare(`SELECT count(*) AS n FROM merchants WHERE status = ?`).get(status) as { n: number }).n;
  }

  // — reports —

  addReport(r: { userId: number; merchantId: number | null; merchantText: string; what: string; amount: number | null; evidenceCount: number; caseId: number | null }, now: Date): ReportRow {
    return this.db
      .prepare(
        `INSERT INTO merchant_reports (user_id, merchant_id, merchant_text, what, amount, evidence_count, case_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${REPORT_COLS}`,
      )
      .get(r.userId, r.merchantId, r.merchantText, r.what, r.amount, r.evidenceCount, r.caseId, now.getTime()) as ReportRow;
  }

  /** The reporter's own words added to a pending report filed in one step from a case (explore4 F12). */
  addReportNote(id: number, userId: number, note: string): boolean {
    return (
      this.db.prepare(`UPDATE merchant_reports SET what = substr(what || '：' || ?, 1, 600) WHERE id = ? AND user_id = ? AND status = 'pending'`).run(note, id, userId).changes === 1
    );
  }

  /** Keeps the references of the files a reporter attached. */
  addReportFiles(reportId: number, userId: number, files: readonly { kind: string; ref: string }[]): void {
    const st = this.db.prepare(`INSERT INTO merchant_report_files (report_id, user_id, kind, file_ref) VALUES (?, ?, ?, ?)`);
    for (const f of files) st.run(reportId, userId, f.kind, f.ref);
  }

  /** A report's files with the platform that issued their references (the reporter's). */
  reportFiles(reportId: number): { kind: string; ref: string; platform: Platform | null }[] {
    return this.db
      .prepare(
        `SELECT f.kind, f.file_ref AS ref, u.platform FROM merchant_report_files f LEFT JOIN users u ON u.id = f.user_id
         WHERE f.report_id = ? ORDER BY f.id`,
      )
      .all(reportId) as { kind: string; ref: string; platform: Platform | null }[];
  }

  reportFileCount(reportId: number): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM merchant_report_files WHERE report_id = ?`).get(reportId) as { n: number }).n;
  }

  report(id: number): ReportRow | undefined {
    return this.db.prepare(`SELECT ${REPORT_COLS} FROM merchant_reports WHERE id = ?`).get(id) as ReportRow | undefined;
  }

  /** Reports a user filed since `since` that count against the limit (pending or decided; withdrawn ones do not). */
  reportsSince(userId: number, since: number): { n: number; oldest: number | null } {
    return this.db
      .prepare(`SELECT count(*) AS n, min(created_at) AS oldest FROM merchant_reports WHERE user_id = ? AND created_at >= ? AND status <> 'withdrawn'`)
      .get(userId, since) as { n: number; oldest: number | null };
  }

  /** A reporter's record: reports filed (not withdrawn) and approved. */
  reporterRecord(userId: number): { filed: number; approved: number } {
    return this.db
      .prepare(`SELECT count(*) AS filed, coalesce(sum(status = 'approved'), 0) AS approved FROM merchant_reports WHERE user_id = ? AND status <> 'withdrawn'`)
      .get(userId) as { filed: number; approved: number };
  }

  /** Other pending reports naming the same merchant (by record, or by the same text). */
  pendingLike(r: Pick<ReportRow, 'id' | 'merchantText'>, merchantId: number | null): ReportRow[] {
    return this.db
      .prepare(`SELECT ${REPORT_COLS} FROM merchant_reports WHERE status = 'pending' AND id <> ? AND (merchant_id = ? OR merchant_text = ?) ORDER BY id LIMIT 20`)
      .all(r.id, merchantId ?? -1, r.merchantText) as ReportRow[];
  }

  pendingReportsOf(merchantId: number): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM merchant_reports WHERE merchant_id = ? AND status = 'pending'`).get(merchantId) as { n: number }).n;
  }

  /** An approval withdrawn: the report is pending again (back in the review queue). */
  reopen(id: number): boolean {
    return this.db.prepare(`UPDATE merchant_reports SET status = 'pending', decision_reason = NULL, decided_at = NULL WHERE id = ? AND status = 'approved'`).run(id).changes === 1;
  }

  nextPending(afterId = 0): ReportRow | undefined {
    return this.db.prepare(`SELECT ${REPORT_COLS} FROM merchant_reports WHERE status = 'pending' AND id > ? ORDER BY id LIMIT 1`).get(afterId) as
      | ReportRow
      | undefined;
  }

  pendingCount(): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM merchant_reports WHERE status = 'pending'`).get() as { n: number }).n;
  }

  decide(id: number, status: 'approved' | 'rejected' | 'withdrawn', reason: string | null, merchantId: number | null, now: Date): boolean {
    return (
      this.db
        .prepare(
          `UPDATE merchant_reports SET status = ?, decision_reason = ?, merchant_id = coalesce(?, merchant_id), decided_at = ? WHERE id = ? AND status = 'pending'`,
        )
        .run(status, reason, merchantId, now.getTime(), id).changes === 1
    );
  }

  /** Approved reports of a merchant: how many and since when. Pending ones are not public. */
  approvedReports(merchantId: number, since = 0): { n: number; first: number | null; last: number | null } {
    return this.db
      .prepare(`SELECT count(*) AS n, min(created_at) AS first, max(created_at) AS last FROM merchant_reports WHERE merchant_id = ? AND status = 'approved' AND created_at >= ?`)
      .get(merchantId, since) as { n: number; first: number | null; last: number | null };
  }

  // — groups that receive alerts —

  subscribe(platform: string, chatId: string, now: Date): boolean {
    return this.db.prepare(`INSERT OR IGNORE INTO alert_groups (platform, chat_id, added_at) VALUES (?, ?, ?)`).run(platform, chatId, now.getTime()).changes === 1;
  }

  /** Subscribed groups, per platform, oldest first. */
  subscribedGroups(): { platform: string; chatId: string; addedAt: number }[] {
    return this.db.prepare(`SELECT platform, chat_id AS chatId, added_at AS addedAt FROM alert_groups ORDER BY platform, added_at`).all() as {
      platform: string;
      chatId: string;
      addedAt: number;
    }[];
  }

  unsubscribe(platform: string, chatId: string): boolean {
    return this.db.prepare(`DELETE FROM alert_groups WHERE platform = ? AND chat_id = ?`).run(platform, chatId).changes === 1;
  }

  // — collective complaints —

  consent(caseId: number, userId: number, merchantKey: string, now: Date): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO collective_consents (case_id, user_id, merchant_key, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (case_id) DO UPDATE SET merchant_key = excluded.merchant_key`,
        )
        .run(caseId, userId, merchantKey, now.getTime()).changes === 1
    );
  }

  withdrawConsents(userId: number): number {
    return this.db.prepare(`DELETE FROM collective_consents WHERE user_id = ?`).run(userId).changes;
  }

  consentsFor(merchantKey: string): { caseId: number; userId: number; createdAt: number }[] {
    return this.db
      .prepare(`SELECT case_id AS caseId, user_id AS userId, created_at AS createdAt FROM collective_consents WHERE merchant_key = ? ORDER BY case_id`)
      .all(merchantKey) as { caseId: number; userId: number; createdAt: number }[];
  }

  consentedCaseIds(userId: number): Set<number> {
    return new Set((this.db.prepare(`SELECT case_id AS c FROM collective_consents WHERE user_id = ?`).all(userId) as { c: number }[]).map((r) => r.c));
  }
}
