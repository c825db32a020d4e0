// Broadcasts: a draft the admin previews, then one outbox row per recipient written in one
// transaction (so the rows' ids are one contiguous range), then counts read back from those rows.
import type { DB } from '../store/db.js';
import type { Outbox } from '../store/outbox.js';
import type { Platform } from '../types.js';

export interface BroadcastRow {
  id: number;
  adminUserId: number | null;
  merchantId: number | null;
  text: string;
  status: 'draft' | 'sending' | 'done' | 'cancelled';
  total: number;
  skipped: number;
  firstOutboxId: number | null;
  lastOutboxId: number | null;
  reportedPct: number;
  reportedAt: number | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** The figures at the end (JSON Tally), kept because sent outbox rows are pruned after a week. */
  finalTally: string | null;
  /** 'warning' (a merchant listed), 'correction' (a warning withdrawn) or 'custom' (an admin's text). */
  kind: BroadcastKind;
  /** The merchant's state when the draft was previewed (JSON); confirming is refused once it differs. */
  bound: string | null;
}

export type BroadcastKind = 'warning' | 'correction' | 'custom';

export interface Recipient {
  platform: Platform;
  chatId: string;
  userId: number | null;
}

export interface Tally {
  total: number;
  sent: number;
  failed: number;
  /** Known unreachable before the send, blocked/kicked during it, or gone (data deleted). */
  skipped: number;
  /** Waiting on a platform that cannot send unprompted (delivered with the recipient's next message). */
  held: number;
  pending: number;
}

const COLS = `id, admin_user_id AS adminUserId, merchant_id AS merchantId, text, status, total, skipped,
  first_outbox_id AS firstOutboxId, last_outbox_id AS lastOutboxId, reported_pct AS reportedPct, reported_at AS reportedAt,
  created_at AS createdAt, started_at AS startedAt, finished_at AS finishedAt, final_tally AS finalTally, kind, bound`;

/** Platforms broadcasts go to (the terminal is a local test chat). */
const BROADCAST_PLATFORMS = `('telegram', 'qq', 'qqofficial')`;

export class BroadcastStore {
  constructor(private readonly db: DB) {}

  createDraft(adminUserId: number, merchantId: number | null, text: string, now: Date, opts: { kind?: BroadcastKind; bound?: string | null } = {}): BroadcastRow {
    return this.db
      .prepare(`INSERT INTO broadcasts (admin_user_id, merchant_id, text, created_at, kind, bound) VALUES (?, ?, ?, ?, ?, ?) RETURNING ${COLS}`)
      .get(adminUserId, merchantId, text, now.getTime(), opts.kind ?? (merchantId === null ? 'custom' : 'warning'), opts.bound ?? null) as BroadcastRow;
  }

  /** A broadcast about this merchant started after draft `id` was made (which makes that draft outdated). */
  startedAfter(merchantId: number, id: number): BroadcastRow | undefined {
    return this.db
      .prepare(`SELECT ${COLS} FROM broadcasts WHERE merchant_id = ? AND id > ? AND status IN ('sending', 'done') ORDER BY id LIMIT 1`)
      .get(merchantId, id) as BroadcastRow | undefined;
  }

  /** Broadcasts that went out (sending or done), newest first, a page at a time; with `all`, drafts and cancelled ones too. */
  page(limit: number, offset: number, all = false): { rows: BroadcastRow[]; total: number } {
    const where = all ? '' : `WHERE status IN ('sending', 'done')`;
    const rows = this.db.prepare(`SELECT ${COLS} FROM broadcasts ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(limit, offset) as BroadcastRow[];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM broadcasts ${where}`).get() as { n: number }).n;
    return { rows, total };
  }

  /** Everyone a merchant's warnings were sent to (each chat once): who a correction goes to. */
  warnedAbout(merchantId: number): Recipient[] {
    return this.db
      .prepare(
        `SELECT r.platform, r.chat_id AS chatId, max(r.user_id) AS userId FROM broadcast_recipients r JOIN broadcasts b ON b.id = r.broadcast_id
         WHERE b.merchant_id = ? AND b.kind = 'warning' AND b.status IN ('sending', 'done') GROUP BY r.platform, r.chat_id ORDER BY r.platform, r.chat_id`,
      )
      .all(merchantId) as Recipient[];
  }

  /** Whom a broadcast goes to: a correction to those warned before, anything else to every subscriber. */
  audience(b: Pick<BroadcastRow, 'kind' | 'merchantId'>): Recipient[] {
    return b.kind === 'correction' && b.merchantId !== null ? this.warnedAbout(b.merchantId) : this.recipients();
  }

  get(id: number): BroadcastRow | undefined {
    return this.db.prepare(`SELECT ${COLS} FROM broadcasts WHERE id = ?`).get(id) as BroadcastRow | undefined;
  }

  recent(limit: number): BroadcastRow[] {
    return this.db.prepare(`SELECT ${COLS} FROM broadcasts WHERE status <> 'draft' ORDER BY id DESC LIMIT ?`).all(limit) as BroadcastRow[];
  }

  sending(): BroadcastRow[] {
    return this.db.prepare(`SELECT ${COLS} FROM broadcasts WHERE status = 'sending' ORDER BY id`).all() as BroadcastRow[];
  }

  cancel(id: number): boolean {
    return this.db.prepare(`UPDATE broadcasts SET status = 'cancelled' WHERE id = ? AND status = 'draft'`).run(id).changes === 1;
  }

  /** Subscribed groups and opted-in private chats, each once. */
  recipients(): Recipient[] {
    const groups = this.db.prepare(`SELECT platform, chat_id AS chatId, NULL AS userId FROM alert_groups WHERE platform IN ${BROADCAST_PLATFORMS} ORDER BY platform, chat_id`).all() as Recipient[];
    const users = this.db
      .prepare(`SELECT platform, chat_id AS chatId, id AS userId FROM users WHERE alerts_opt_in = 1 AND chat_id IS NOT NULL AND platform IN ${BROADCAST_PLATFORMS} ORDER BY id`)
      .all() as Recipient[];
    const seen = new Set<string>();
    return [...groups, ...users].filter((r) => {
      const k = `${r.platform}\u0000${r.chatId}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
  }

  /** How the recipients split, for the preview. */
  preview(b: Pick<BroadcastRow, 'kind' | 'merchantId'> = { kind: 'custom', merchantId: null }): { groups: number; users: number; unreachable: number; byPlatform: Record<string, number> } {
    const unreachable = this.unreachableSet();
    const byPlatform: Record<string, number> = {};
    let groups = 0;
    let users = 0;
    let unr = 0;
    for (const r of this.audience(b)) {
      if (unreachable.has(`${r.platform}\u0000${r.chatId}`)) {
        unr++;
        continue;
      }
      byPlatform[r.platform] = (byPlatform[r.platform] ?? 0) + 1;
      if (r.userId === null) groups++;
      else users++;
    }
    return { groups, users, unreachable: unr, byPlatform };
  }

  private unreachableSet(): Set<string> {
    const rows = this.db.prepare(`SELECT platform, chat_id AS chatId FROM chats WHERE unreachable_at IS NOT NULL`).all() as { platform: string; chatId: string }[];
    return new Set(rows.map((r) => `${r.platform}\u0000${r.chatId}`));
  }

  /**
   * Writes one outbox row per reachable recipient and marks the broadcast sending. Run inside the
   * caller's transaction: the rows and the status change commit together or not at all.
   */
  start(id: number, outbox: Outbox, now: Date): BroadcastRow | undefined {
    const b = this.get(id);
    if (!b || b.status !== 'draft') return undefined;
    const unreachable = this.unreachableSet();
    let first: number | null = null;
    let last: number | null = null;
    let skipped = 0;
    const all = this.audience(b);
    // Who a merchant's warning reached is kept, so a correction can reach exactly them.
    const keep = b.merchantId !== null && b.kind === 'warning' ? this.db.prepare(`INSERT OR IGNORE INTO broadcast_recipients (broadcast_id, platform, chat_id, user_id) VALUES (?, ?, ?, ?)`) : undefined;
    for (const r of all) {
      if (unreachable.has(`${r.platform}\u0000${r.chatId}`)) {
        skipped++;
        continue;
      }
      const d = outbox.enqueue({ platform: r.platform, chatId: r.chatId, userId: r.userId, kind: 'broadcast', reply: { text: b.text } }, now);
      keep?.run(id, r.platform, r.chatId, r.userId);
      first ??= d.outboxId;
      last = d.outboxId;
    }
    this.db
      .prepare(`UPDATE broadcasts SET status = 'sending', total = ?, skipped = ?, first_outbox_id = ?, last_outbox_id = ?, started_at = ?, reported_at = ? WHERE id = ?`)
      .run(all.length, skipped, first, last, now.getTime(), now.getTime(), id);
    return this.get(id);
  }

  /** Rows of the broadcast still to be sent on platforms that can send now. */
  outstanding(b: BroadcastRow, proactive: readonly Platform[]): number {
    if (b.firstOutboxId === null || b.lastOutboxId === null || !proactive.length) return 0;
    const marks = proactive.map(() => '?').join(', ');
    // Pending rows through the partial index first; the range scan for rows in flight only at the end.
    for (const status of ['pending', 'sending']) {
      const r = this.db
        .prepare(`SELECT count(*) AS n FROM outbox WHERE platform IN (${marks}) AND kind = 'broadcast' AND status = ? AND id BETWEEN ? AND ?`)
        .get(...proactive, status, b.firstOutboxId, b.lastOutboxId) as { n: number };
      if (r.n) return r.n;
    }
    return 0;
  }

  tally(b: BroadcastRow, proactive: readonly Platform[]): Tally {
    if (b.finalTally) return JSON.parse(b.finalTally) as Tally;
    const t: Tally = { total: b.total, sent: 0, failed: 0, skipped: b.skipped, held: 0, pending: 0 };
    if (b.firstOutboxId === null || b.lastOutboxId === null) return t;
    const rows = this.db
      .prepare(
        `SELECT platform, status, error = 'unreachable' AS unreachable, count(*) AS n FROM outbox
         WHERE kind = 'broadcast' AND id BETWEEN ? AND ? GROUP BY platform, status, unreachable`,
      )
      .all(b.firstOutboxId, b.lastOutboxId) as { platform: Platform; status: string; unreachable: number; n: number }[];
    let seen = 0;
    for (const r of rows) {
      seen += r.n;
      if (r.status === 'sent') t.sent += r.n;
      else if (r.status === 'failed') {
        if (r.unreachable) t.skipped += r.n;
        else t.failed += r.n;
      } else if (proactive.includes(r.platform)) t.pending += r.n;
      else t.held += r.n;
    }
    // Rows that vanished belonged to users who deleted their data meanwhile.
    t.skipped += Math.max(0, b.total - b.skipped - seen);
    return t;
  }

  markReported(id: number, pct: number, now: Date): void {
    this.db.prepare(`UPDATE broadcasts SET reported_pct = ?, reported_at = ? WHERE id = ?`).run(pct, now.getTime(), id);
  }

  finish(id: number, tally: Tally, now: Date): boolean {
    return (
      this.db
        .prepare(`UPDATE broadcasts SET status = 'done', finished_at = ?, final_tally = ? WHERE id = ? AND status = 'sending'`)
        .run(now.getTime(), JSON.stringify(tally), id).changes === 1
    );
  }
}
