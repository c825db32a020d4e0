// The follow-up scheduler, inside the bot process. Each batch is one transaction: due rows are
// found through the partial index follow_ups_due, marked fired (or skipped when the case has moved
// on), and their messages written to the outbox. A crash before commit leaves them pending; after
// commit the outbox owns delivery. Nothing goes out during quiet hours: due rows wait for the morning.
import type { DB } from '../store/db.js';
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import { PLATFORMS, type Platform } from '../types.js';
import type { CaseState } from '../flow/state.js';
import type { Facts, RungId } from '../flow/types.js';
import type { ScenarioId } from '../types.js';
import { applicableRungs, type Timings } from '../flow/ladder.js';
import type { Flow } from '../flow/types.js';
import { afterQuietHours, inQuietHours, type QuietHours } from '../calendar/quiet.js';
import { followUpMessage, type MessageTimings } from './messages.js';
import { rungStillAhead } from './windows.js';
import { maySendAt } from './sends-at.js';
import { TimerLoop } from '../delivery/loop.js';

export interface SchedulerOptions {
  zone: string;
  quiet: QuietHours;
  /** Follow-ups fired per transaction. */
  batch: number;
  /** How often to look for due follow-ups. */
  pollMs: number;
  timings: Timings & MessageTimings;
  /** The scenario flows (flows/index.ts), passed in by app.ts. */
  flows: Readonly<Record<ScenarioId, Flow>>;
  /**
   * Whether a platform takes unprompted messages; where it does not, the row waits in the outbox
   * and the engine hands it over with the next reply. (Typed answers to a reminder — "1" or
   * "已退款" on QQ or in the terminal — are matched by the engine, which rebuilds the reminder's
   * choices from the fired row; firing writes nothing to the session.)
   */
  proactive?: (platform: Platform) => boolean;
  /** Called after a batch wrote messages (e.g. to kick drainers). */
  onFired?: (count: number) => void;
}

export interface FireResult {
  /** Follow-ups whose message went to the outbox. */
  fired: number;
  /** Due follow-ups dropped because the case had moved on (closed, reminders off, later rung). */
  skipped: number;
}

interface DueRow {
  id: number;
  case_id: number;
  user_id: number;
  kind: string;
  rung: RungId | null;
  due_at: number;
  case_status: string;
  scenario: ScenarioId;
  facts: string;
  state: string;
  platform: Platform;
  chat_id: string | null;
}

export class FollowUpScheduler {
  private readonly dueStmt;
  private readonly markStmt;
  private readonly fireTx: (now: Date, limit: number) => FireResult;
  private readonly loop: TimerLoop<number>;
  private held: Array<() => void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: DB,
    private readonly outbox: Outbox,
    private readonly opts: SchedulerOptions,
    private readonly now: () => Date,
    private readonly log: Logger,
  ) {
    // `f.status = 'pending'` matches the partial index's WHERE, so the planner walks follow_ups_due in due order.
    this.dueStmt = db.prepare(
      `SELECT f.id, f.case_id, f.user_id, f.kind, f.rung, f.due_at,
              c.status AS case_status, c.scenario, c.facts, c.state, u.platform, u.chat_id
       FROM follow_ups f
       JOIN cases c ON c.id = f.case_id
       JOIN users u ON u.id = f.user_id
       WHERE f.status = 'pending' AND f.due_at <= ?
       ORDER BY f.due_at
       LIMIT ?`,
    );
    this.markStmt = db.prepare(`UPDATE follow_ups SET status = ?, fired_at = ? WHERE id = ? AND status = 'pending'`);
    // BEGIN IMMEDIATE: the batch's write lock is taken before its rows are read. Built once.
    this.fireTx = db.transaction((now: Date, limit: number) => this.fireBatch(now, limit)).immediate;
    this.loop = new TimerLoop(() => this.runDue(), { wait: () => this.nextWaitMs(), log, name: 'follow-up scheduler' });
  }

  /**
   * During quiet hours, reminders already in the outbox (fired before 21:00 but not yet delivered:
   * retries, an offline QQ account, a backlog) are kept back from the drainers too.
   */
  private holdDuringQuietHours(now: Date): void {
    const quiet = inQuietHours(now, this.opts.zone, this.opts.quiet);
    if (quiet && !this.held) this.held = PLATFORMS.map((p) => this.outbox.reserveKind(p, 'followup'));
    if (!quiet && this.held) {
      for (const release of this.held) release();
      this.held = undefined;
    }
  }

  /** Fires up to one batch of due follow-ups in one transaction. Nothing during quiet hours. */
  fireDue(limit = this.opts.batch): FireResult {
    const now = this.now();
    this.holdDuringQuietHours(now);
    if (!maySendAt(now, this.opts.zone, this.opts.quiet)) return { fired: 0, skipped: 0 };
    return this.fireTx(now, limit);
  }

  /** One batch, inside fireTx. */
  private fireBatch(now: Date, limit: number): FireResult {
    const rows = this.dueStmt.all(now.getTime(), limit) as DueRow[];
    let fired = 0;
    let skipped = 0;
    for (const r of rows) {
      const facts = JSON.parse(r.facts) as Facts;
      const reply = this.relevant(r, facts) ? this.message(r, facts, now) : undefined;
      if (!reply || !r.chat_id) {
        this.markStmt.run('skipped', now.getTime(), r.id);
        skipped++;
        continue;
      }
      this.markStmt.run('fired', now.getTime(), r.id);
      this.outbox.enqueue({ platform: r.platform, chatId: r.chat_id, userId: r.user_id, kind: 'followup', reply }, now);
      fired++;
    }
    return { fired, skipped };
  }

  /** Fires batches until nothing is due. Returns how many follow-ups were fired. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const r = this.fireDue();
      total += r.fired;
      if (r.fired) this.opts.onFired?.(r.fired);
      if (r.fired || r.skipped) this.log.info({ fired: r.fired, skipped: r.skipped }, 'follow-ups fired');
      if (r.fired + r.skipped < this.opts.batch || this.stopped) return total;
      await new Promise((res) => setImmediate(res));
    }
  }

  start(): void {
    if (this.loop.active) return;
    this.stopped = false;
    this.loop.start();
  }

  /** Stops after the batch in progress. Pending follow-ups stay pending for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop.stop();
  }

  /** The poll interval, or less when quiet hours end sooner (so morning reminders are not late by a poll). */
  private nextWaitMs(): number {
    const now = this.now();
    const resume = afterQuietHours(now, this.opts.zone, this.opts.quiet).getTime() - now.getTime();
    return resume > 0 ? Math.min(this.opts.pollMs, resume) : this.opts.pollMs;
  }

  /** Whether the follow-up still fits the case: open, reminders on, and about the step the case is at. */
  private relevant(r: DueRow, facts: Facts): boolean {
    if (r.case_status !== 'open') return false;
    const state = JSON.parse(r.state) as CaseState;
    // A user who went back to the evidence list after sending is still waiting on that rung.
    if (state.remindersOff || (state.stage !== 'ladder' && state.stage !== 'evidence')) return false;
    const flow = this.opts.flows[r.scenario];
    if (!flow) return false;
    const rungs = applicableRungs(flow, facts, this.opts.timings);
    // 刷不了: the reversal check-in (keyed to the appeal rung, src/flow/rungs.ts) is about the case, whatever rung it is on.
    if (r.kind === 'rung_check') return r.rung === rungs[Math.min(state.rung, rungs.length - 1)] || (facts.reversalPending === true && r.rung === 'payment');
    if (r.kind === 'window_warning') return r.rung !== null && rungStillAhead(rungs, r.rung, state);
    return true;
  }

  private message(r: DueRow, facts: Facts, now: Date) {
    return followUpMessage(
      { caseId: r.case_id, scenario: r.scenario, kind: r.kind, rung: r.rung, dueAt: new Date(r.due_at), facts },
      now,
      this.opts.zone,
      this.opts.timings,
    );
  }
}
