// Runs broadcasts: paced lanes for platforms that need them (Telegram), progress and a final
// summary for the admin. Everything it decides is written to the database first, so after a
// crash it carries on where it stopped: rows not confirmed sent are sent, summaries go out once.
import type { Config } from '../config.js';
import type { DB } from '../store/db.js';
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import type { Sender } from '../delivery/sender.js';
import { t } from '../i18n/index.js';
import { PLATFORMS, type Platform } from '../types.js';
import { BroadcastLane, type LaneOptions } from './lane.js';
import { RateLimiter, type LimiterOptions } from './limiter.js';
import { BroadcastStore, type BroadcastRow, type Tally } from './store.js';
import { rateTap } from './tap.js';

/** What the broadcaster needs: the database, the outbox, a few settings, a clock and a logger. */
export interface BroadcasterDeps {
  db: DB;
  outbox: Outbox;
  config: Pick<Config, 'TELEGRAM_BROADCAST_PER_SECOND' | 'TELEGRAM_GROUP_PER_MINUTE' | 'BROADCAST_PROGRESS_SECONDS'>;
  log: Logger;
  now: () => Date;
  /** Platforms that cannot send unprompted hold broadcast rows for the recipient's next message. */
  canSendProactively(platform: Platform): boolean;
}

export interface BroadcasterOptions {
  /** How often to look at running broadcasts, ms. */
  tickMs?: number;
}

export class Broadcaster {
  readonly store: BroadcastStore;
  private readonly lanes = new Map<Platform, BroadcastLane>();
  private readonly releases: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly app: BroadcasterDeps,
    private readonly opts: BroadcasterOptions = {},
  ) {
    this.store = new BroadcastStore(app.db);
  }

  /** Limits for Telegram from the config (overall per second, per group per minute). */
  telegramLimiter(overrides: Partial<LimiterOptions> = {}): RateLimiter {
    return new RateLimiter({
      perSecond: this.app.config.TELEGRAM_BROADCAST_PER_SECOND,
      groupPerMinute: this.app.config.TELEGRAM_GROUP_PER_MINUTE,
      isGroup: (chatId) => chatId.startsWith('-'),
      ...overrides,
    });
  }

  /**
   * Sends a platform's broadcast rows through a paced lane instead of its ordinary drainer.
   * Returns the lane and a Bot API transformer to install below auto-retry (see tap.ts).
   */
  addLane(sender: Sender, limiter: RateLimiter, opts: LaneOptions = {}): { lane: BroadcastLane; tap: ReturnType<typeof rateTap> } {
    const lane = new BroadcastLane(this.app.outbox, sender, limiter, this.app.log.child({ broadcastLane: sender.platform }), { now: this.app.now, ...opts });
    this.lanes.set(sender.platform, lane);
    this.releases.push(this.app.outbox.reserveKind(sender.platform, 'broadcast'));
    if (this.timer) lane.start();
    return { lane, tap: rateTap(limiter) };
  }

  lane(platform: Platform): BroadcastLane | undefined {
    return this.lanes.get(platform);
  }

  start(): void {
    if (this.timer) return;
    for (const lane of this.lanes.values()) lane.start();
    this.timer = setInterval(() => {
      try {
        this.tick();
      } catch (err) {
        this.app.log.error({ err }, 'broadcast monitor failed');
      }
    }, this.opts.tickMs ?? 1000);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([...this.lanes.values()].map((l) => l.stop()));
  }

  /** Stops the monitor and the lanes without waiting (App.close). */
  halt(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const lane of this.lanes.values()) void lane.stop();
  }

  /** Adds the paced lane for Telegram with the configured limits; returns the tap for TelegramBot.useBelowRetry. */
  addTelegramLane(sender: Sender, limiter = this.telegramLimiter(), opts: LaneOptions = {}): ReturnType<typeof rateTap> {
    return this.addLane(sender, limiter, opts).tap;
  }

  /** New broadcast rows exist: lanes look now. */
  kick(): void {
    for (const lane of this.lanes.values()) lane.kick();
  }

  proactivePlatforms(): Platform[] {
    return PLATFORMS.filter((p) => this.app.canSendProactively(p));
  }

  /** Looks at running broadcasts once: progress every BROADCAST_PROGRESS_SECONDS, a summary at the end. */
  tick(): void {
    const now = this.app.now();
    const proactive = this.proactivePlatforms();
    for (const b of this.store.sending()) {
      const left = this.store.outstanding(b, proactive);
      const due = now.getTime() - (b.reportedAt ?? 0) >= this.app.config.BROADCAST_PROGRESS_SECONDS * 1000;
      if (left > 0 && !due) continue;
      const tally = this.store.tally(b, proactive);
      this.app.db.transaction(() => {
        if (left === 0) {
          if (this.store.finish(b.id, tally, now)) this.notifyAdmin(b, t('bc.done', { id: b.id, ...summary(tally) }));
        } else {
          const pct = tally.total ? Math.floor((100 * (tally.total - tally.pending - tally.held)) / tally.total) : 100;
          this.store.markReported(b.id, pct, now);
          // No news is not worth a message: a broadcast stuck behind a platform that is down
          // (or not running) reports again only once it moves.
          if (b.reportedAt === null || b.reportedAt === undefined || pct !== b.reportedPct) {
            this.notifyAdmin(b, t('bc.progress', { id: b.id, pct, ...summary(tally) }));
          }
        }
      })();
    }
  }

  /** Current figures of a broadcast. */
  tally(b: BroadcastRow): Tally {
    return this.store.tally(b, this.proactivePlatforms());
  }

  private notifyAdmin(b: BroadcastRow, text: string): void {
    if (b.adminUserId === null) return;
    const u = this.app.db.prepare(`SELECT platform, chat_id AS chatId FROM users WHERE id = ?`).get(b.adminUserId) as
      | { platform: Platform; chatId: string | null }
      | undefined;
    if (!u?.chatId) return;
    this.app.outbox.enqueue({ platform: u.platform, chatId: u.chatId, userId: b.adminUserId, kind: 'notice', reply: { text } }, this.app.now());
  }
}

export function summary(t: Tally): Record<string, number> {
  return { total: t.total, sent: t.sent, failed: t.failed, skipped: t.skipped, held: t.held, pending: t.pending };
}
