// The outbox: every message the bot sends is a row first. A sender claims rows
// (pending → sending), delivers them, and marks them sent or failed. Rows left in
// 'sending' by a crash are put back to pending at start-up: the only duplicates
// possible are sends the platform accepted just before the crash and not yet marked
// (at most the drainer's concurrency, see src/delivery/drainer.ts).
import type { DB } from './db.js';
type Statement = import('better-sqlite3').Statement<unknown[]>;
import type { Delivery, Platform, Reply } from '../types.js';

/** 'ephemeral' rows are deleted once sent (e.g. the confirmation that a user's data was deleted). */
export const OUTBOX_KINDS = ['reply', 'followup', 'broadcast', 'notice', 'ephemeral'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

interface Row {
  id: number;
  platform: Platform;
  chat_id: string;
  payload: string;
  attempts: number;
}

const toDelivery = (r: Row): Delivery => ({
  outboxId: r.id,
  platform: r.platform,
  chatId: r.chat_id,
  reply: JSON.parse(r.payload) as Reply,
  attempts: r.attempts,
});

export class Outbox {
  private readonly insertStmt;
  private readonly releaseStmt;
  private readonly sentStmt;
  private readonly failStmt;
  private readonly retryStmt;
  private readonly pendingForChatStmt;
  private readonly unreachableStmt;
  private readonly deleteEphemeralStmt;
  private readonly reachableStmt;
  private readonly heldForChatStmt;
  private readonly unreachableAtStmt;
  private readonly failChatStmt;
  // Transaction wrappers built once (better-sqlite3 builds four closures per db.transaction call).
  private readonly releaseTx;
  private readonly unreachableTx;
  private readonly sentManyTx;

  constructor(private readonly db: DB) {
    this.insertStmt = db.prepare(
      `INSERT INTO outbox (platform, chat_id, user_id, kind, payload, status, not_before, created_at, claimed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.releaseStmt = db.prepare(
      `UPDATE outbox SET status = 'pending', attempts = max(attempts - 1, 0) WHERE id = ? AND status = 'sending'`,
    );
    this.sentStmt = db.prepare(`UPDATE outbox SET status = 'sent', sent_at = ?, error = NULL, payload = '{}' WHERE id = ? AND kind <> 'ephemeral'`);
    this.reachableStmt = db.prepare(
      `UPDATE chats SET unreachable_at = NULL, unreachable_reason = NULL WHERE platform = ? AND chat_id = ? AND unreachable_at IS NOT NULL`,
    );
    this.unreachableAtStmt = db.prepare(`SELECT unreachable_at FROM chats WHERE platform = ? AND chat_id = ?`);
    this.deleteEphemeralStmt = db.prepare(`DELETE FROM outbox WHERE id = ? AND kind = 'ephemeral'`);
    this.failStmt = db.prepare(`UPDATE outbox SET status = 'failed', error = ?, sent_at = NULL WHERE id = ?`);
    this.retryStmt = db.prepare(`UPDATE outbox SET status = 'pending', error = ?, not_before = ? WHERE id = ?`);
    this.pendingForChatStmt = db.prepare(
      `UPDATE outbox SET status = 'sending', claimed_at = ?, attempts = attempts + 1
       WHERE platform = ? AND chat_id = ? AND status = 'pending' AND not_before <= ? RETURNING id, platform, chat_id, payload, attempts`,
    );
    // Same query with the platform spelled out, so SQLite can use the partial index outbox_held.
    this.heldForChatStmt = db.prepare(
      `UPDATE outbox SET status = 'sending', claimed_at = ?, attempts = attempts + 1
       WHERE platform = 'qqofficial' AND chat_id = ? AND status = 'pending' AND not_before <= ? RETURNING id, platform, chat_id, payload, attempts`,
    );
    this.unreachableStmt = db.prepare(
      `INSERT INTO chats (platform, chat_id, unreachable_at, unreachable_reason) VALUES (?, ?, ?, ?)
       ON CONFLICT (platform, chat_id) DO UPDATE SET unreachable_at = excluded.unreachable_at, unreachable_reason = excluded.unreachable_reason`,
    );
    this.failChatStmt = db.prepare(
      `UPDATE outbox SET status = 'failed', error = 'unreachable' WHERE platform = ? AND chat_id = ? AND status IN ('pending','sending')`,
    );
    this.releaseTx = db.transaction((ids: readonly number[]) => {
      for (const id of ids) this.releaseStmt.run(id);
    });
    this.unreachableTx = db.transaction((platform: Platform, chatId: string, reason: string, now: Date) => {
      this.unreachableStmt.run(platform, chatId, now.getTime(), reason.slice(0, 200));
      this.failChatStmt.run(platform, chatId);
    });
    this.sentManyTx = db.transaction((ids: readonly number[], now: Date) => {
      for (const id of ids) this.markSent(id, now);
    });
  }

  /**
   * Adds a message. `claimed` rows are handed straight to the caller for delivery (status 'sending');
   * others wait for a sender's claimPending.
   */
  enqueue(
    e: { platform: Platform; chatId: string; userId?: number | null; kind?: OutboxKind; reply: Reply; notBefore?: Date },
    now: Date,
    claimed = false,
  ): Delivery {
    const info = this.insertStmt.run(
      e.platform,
      e.chatId,
      e.userId ?? null,
      e.kind ?? 'reply',
      JSON.stringify(e.reply),
      claimed ? 'sending' : 'pending',
      e.notBefore?.getTime() ?? 0,
      now.getTime(),
      claimed ? now.getTime() : null,
    );
    return { outboxId: Number(info.lastInsertRowid), platform: e.platform, chatId: e.chatId, reply: e.reply };
  }

  /**
   * Claims up to `limit` due pending rows of a platform, oldest first. Rows of a kind reserved for
   * a dedicated lane (see reserveKind) are left out unless `kind` asks for exactly that kind.
   * Per-chat order: a row is not claimed while an older row of the same chat (of the kinds claimed)
   * is still unsent and not claimable now (a retry waiting for its time, or a send in progress).
   */
  claimPending(platform: Platform, limit: number, now: Date = new Date(), kind?: OutboxKind): Delivery[] {
    const kinds = kind !== undefined ? kind : this.drainKinds(platform).join(',');
    const rows = this.claimKindStmt(kinds).all(now.getTime(), platform, now.getTime(), now.getTime(), limit) as Row[];
    return rows.sort((a, b) => a.id - b.id).map(toDelivery);
  }

  /** The kinds a platform's ordinary drainer sends: all but those reserved for a dedicated lane. */
  drainKinds(platform: Platform): OutboxKind[] {
    const reserved = this.reserved.get(platform);
    return reserved?.size ? OUTBOX_KINDS.filter((k) => !reserved.has(k)) : [...OUTBOX_KINDS];
  }

  /**
   * Hands one kind of a platform's rows to a dedicated sender (e.g. paced broadcasts), so the
   * platform's ordinary drainer no longer claims them. Returns the undo.
   */
  reserveKind(platform: Platform, kind: OutboxKind): () => void {
    let set = this.reserved.get(platform);
    if (!set) this.reserved.set(platform, (set = new Set()));
    set.add(kind);
    return () => set.delete(kind);
  }

  private readonly reserved = new Map<Platform, Set<OutboxKind>>();
  private readonly kindStmts = new Map<string, Statement>();
  private readonly earlierStmts = new Map<string, { claim: Statement; held: Statement }>();

  private kindList(kinds: string): string {
    const list = kinds.split(',');
    if (!list.every((k) => /^[a-z_]+$/.test(k))) throw new Error(`bad outbox kind: ${kinds}`);
    return list.map((k) => `'${k}'`).join(', ');
  }

  private claimKindStmt(kinds: string): Statement {
    let stmt = this.kindStmts.get(kinds);
    if (!stmt) {
      const cond = this.kindList(kinds);
      // Kinds listed (not "NOT IN"), so the (platform, kind, id) index skips a reserved backlog;
      // the NOT EXISTS probe seeks outbox_chat (platform, chat_id, status, id) at the two unsent statuses.
      stmt = this.db.prepare(
        `UPDATE outbox SET status = 'sending', claimed_at = ?, attempts = attempts + 1
         WHERE id IN (SELECT o.id FROM outbox o INDEXED BY outbox_pending_kind
                      WHERE o.platform = ? AND o.status = 'pending' AND o.not_before <= ? AND o.kind IN (${cond})
                        AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.platform = o.platform AND p.chat_id = o.chat_id
                                          AND p.status IN ('pending', 'sending') AND p.id < o.id AND p.kind IN (${cond})
                                          AND (p.status = 'sending' OR p.not_before > ?))
                      ORDER BY o.id LIMIT ?)
         RETURNING id, platform, chat_id, payload, attempts`,
      );
      this.kindStmts.set(kinds, stmt);
    }
    return stmt;
  }

  private earlier(kinds: string) {
    let s = this.earlierStmts.get(kinds);
    if (!s) {
      const cond = this.kindList(kinds);
      s = {
        claim: this.db.prepare(
          `UPDATE outbox SET status = 'sending', claimed_at = ?, attempts = attempts + 1
           WHERE platform = ? AND chat_id = ? AND status IN ('pending', 'sending') AND status = 'pending' AND id < ? AND not_before <= ? AND kind IN (${cond})
           RETURNING id, platform, chat_id, payload, attempts`,
        ),
        held: this.db.prepare(
          `SELECT 1 FROM outbox WHERE platform = ? AND chat_id = ? AND status IN ('pending', 'sending') AND id < ? AND kind IN (${cond}) LIMIT 1`,
        ),
      };
      this.earlierStmts.set(kinds, s);
    }
    return s;
  }

  /**
   * Claims a chat's due pending rows older than `beforeId` (of the given kinds), oldest first.
   * (The redundant `status IN (…)` lets SQLite seek outbox_chat at the unsent statuses only.)
   */
  claimEarlier(platform: Platform, chatId: string, beforeId: number, now: Date, kinds: readonly OutboxKind[]): Delivery[] {
    const rows = this.earlier(kinds.join(',')).claim.all(now.getTime(), platform, chatId, beforeId, now.getTime()) as Row[];
    return rows.sort((a, b) => a.id - b.id).map(toDelivery);
  }

  /** Whether a chat has an unsent row older than `beforeId` (of the given kinds). */
  hasEarlierUnsent(platform: Platform, chatId: string, beforeId: number, kinds: readonly OutboxKind[]): boolean {
    return this.earlier(kinds.join(',')).held.get(platform, chatId, beforeId) !== undefined;
  }

  /** Hands claimed rows back unsent (not tried: the claim is not counted as an attempt). */
  release(ids: readonly number[]): void {
    if (!ids.length) return;
    this.releaseTx(ids);
  }

  /** Claims every due pending row for one chat (used to hand held messages over with a reply). */
  claimForChat(platform: Platform, chatId: string, now: Date = new Date()): Delivery[] {
    const rows = (
      platform === 'qqofficial'
        ? this.heldForChatStmt.all(now.getTime(), chatId, now.getTime())
        : this.pendingForChatStmt.all(now.getTime(), platform, chatId, now.getTime())
    ) as Row[];
    return rows.sort((a, b) => a.id - b.id).map(toDelivery);
  }

  /** Marks a row delivered and drops its text: nothing needs a copy of what was sent. */
  markSent(id: number, now: Date = new Date()): void {
    // One statement for the usual row; an ephemeral one (rare) is left by the UPDATE and deleted.
    if (this.sentStmt.run(now.getTime(), id).changes) return;
    this.deleteEphemeralStmt.run(id);
  }

  /** Gives up on a row for good. */
  markFailed(id: number, error: string): void {
    this.failStmt.run(error.slice(0, 500), id);
  }

  /** Puts a row back to pending, to be tried again no earlier than `retryAt`. */
  retryLater(id: number, error: string, retryAt: Date): void {
    this.retryStmt.run(error.slice(0, 500), retryAt.getTime(), id);
  }

  /** Records that a chat cannot be reached (bot blocked, kicked) and fails its pending rows. */
  markUnreachable(platform: Platform, chatId: string, reason: string, now: Date = new Date()): void {
    this.unreachableTx(platform, chatId, reason, now);
  }

  isUnreachable(platform: Platform, chatId: string): boolean {
    const r = this.unreachableAtStmt.get(platform, chatId) as { unreachable_at: number | null } | undefined;
    return !!r?.unreachable_at;
  }

  /** A chat that talks to us again is reachable again. */
  markReachable(platform: Platform, chatId: string): void {
    this.reachableStmt.run(platform, chatId);
  }

  /** Marks several delivered rows in one commit (e.g. all replies to one message). */
  markSentMany(ids: readonly number[], now: Date = new Date()): void {
    this.sentManyTx(ids, now);
  }

  /** Deletes delivered and failed rows older than `before`. Returns how many. */
  prune(before: Date): number {
    return this.db.prepare(`DELETE FROM outbox WHERE status IN ('sent', 'failed') AND created_at < ?`).run(before.getTime()).changes;
  }

  /** After a crash: rows claimed but never marked go back to pending. Returns how many. */
  recoverStale(): number {
    return this.db.prepare(`UPDATE outbox SET status = 'pending' WHERE status = 'sending'`).run().changes;
  }

  counts(): Record<string, number> {
    const rows = this.db.prepare(`SELECT status, count(*) AS n FROM outbox GROUP BY status`).all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }
}
