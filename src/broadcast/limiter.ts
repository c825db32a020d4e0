// Pacing for bulk sends on one platform (facts.md §6, Telegram): sends start evenly spaced a
// little under the overall limit, never more than `perSecond·headroom` in any sliding second
// (counting other sends the bot made, when told of them), at most one a second to one chat and
// `groupPerMinute` a minute to one group, and nothing at all while a 429's retry_after runs.

export interface LimiterOptions {
  /** The platform's overall limit, messages per second. */
  perSecond: number;
  /** Messages per minute to one group. */
  groupPerMinute: number;
  /** Which chats are groups (Telegram: negative ids). */
  isGroup: (chatId: string) => boolean;
  /** Fraction of the limit to aim at, leaving room for replies and clock jitter. Default 0.97. */
  headroom?: number;
  /** Least gap between two sends to one chat, ms. Default 1000. */
  perChatGapMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export type Permit = { ok: true } | { ok: false; notBefore: number };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RateLimiter {
  readonly interval: number;
  readonly windowCap: number;
  private next = 0;
  private pausedUntil = 0;
  /** Start times of recent sends (ours reserved ahead, others as recorded), ascending. */
  private window: number[] = [];
  private readonly chats = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** 429s seen, for reports. */
  tooMany = 0;
  private acquired = 0;

  constructor(private readonly opts: LimiterOptions) {
    const headroom = opts.headroom ?? 0.97;
    this.interval = 1000 / (opts.perSecond * headroom);
    this.windowCap = Math.max(1, Math.floor(opts.perSecond * Math.min(0.98, headroom + 0.01)));
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? defaultSleep;
  }

  /**
   * Waits for this send's turn. A chat that may not be sent to for more than a second (a group
   * at its per-minute limit) is not waited for: the caller puts the row back until notBefore.
   */
  async acquire(chatId: string): Promise<Permit> {
    if (++this.acquired % 5000 === 0) this.sweep();
    for (;;) {
      const now = this.now();
      const chatAt = this.chatFreeAt(chatId, now);
      if (chatAt > now + 1000) return { ok: false, notBefore: chatAt };
      // The schedule runs on slots, so late timers are caught up (a little) instead of lost;
      // the window is checked at the real start time, so catching up never bursts past the cap.
      const slot = Math.max(this.next, now - Math.max(2 * this.interval, 20), this.pausedUntil, chatAt);
      let t = Math.max(slot, now);
      const free = this.windowFreeAt(t);
      this.next = (free > t ? free : slot) + this.interval;
      t = free;
      this.insert(t);
      this.chatList(chatId).push(t);
      if (t - now >= 1) await this.sleep(t - now);
      if (this.pausedUntil <= t || this.pausedUntil <= this.now()) return { ok: true };
      // A 429 arrived while we waited: give the slot back and queue again after the pause.
      this.forget(chatId, t);
    }
  }

  /** A send the bot made outside this limiter (a reply); it counts against the overall limit. */
  record(chatId: string): void {
    const now = this.now();
    this.insert(now);
    this.chatList(chatId).push(now);
  }

  /** Obeys a 429: nothing starts for `ms`. */
  pause(ms: number): void {
    this.tooMany++;
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    this.next = Math.max(this.next, this.pausedUntil);
  }

  get pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  private chatFreeAt(chatId: string, now: number): number {
    const list = this.chatList(chatId);
    while (list.length && list[0] <= now - 60_000) list.shift();
    if (!list.length) {
      this.chats.delete(chatId);
      return now;
    }
    let at = list[list.length - 1] + (this.opts.perChatGapMs ?? 1000);
    if (this.opts.isGroup(chatId) && list.length >= this.opts.groupPerMinute) {
      at = Math.max(at, list[list.length - this.opts.groupPerMinute] + 60_000);
    }
    return at;
  }

  /** Forgets chats not sent to for a minute (a 100,000-recipient broadcast touches each once). */
  private sweep(): void {
    const horizon = this.now() - 60_000;
    for (const [chat, list] of this.chats) if (!list.length || list[list.length - 1] <= horizon) this.chats.delete(chat);
  }

  private chatList(chatId: string): number[] {
    let list = this.chats.get(chatId);
    if (!list) this.chats.set(chatId, (list = []));
    return list;
  }

  /** Earliest time ≥ t at which fewer than windowCap sends fall in the second before it. */
  private windowFreeAt(t: number): number {
    const w = this.window;
    const horizon = this.now() - 1000;
    let drop = 0;
    while (drop < w.length && w[drop] <= horizon) drop++;
    if (drop) w.splice(0, drop);
    // Sends in (t - 1000, t]:
    let at = t;
    for (;;) {
      let lo = 0;
      while (lo < w.length && w[lo] <= at - 1000) lo++;
      let hi = w.length;
      while (hi > lo && w[hi - 1] > at) hi--;
      if (hi - lo < this.windowCap) return at;
      at = w[lo] + 1000;
    }
  }

  private insert(t: number): void {
    const w = this.window;
    let i = w.length;
    while (i > 0 && w[i - 1] > t) i--;
    w.splice(i, 0, t);
  }

  private forget(chatId: string, t: number): void {
    const i = this.window.lastIndexOf(t);
    if (i >= 0) this.window.splice(i, 1);
    const list = this.chats.get(chatId);
    const j = list?.lastIndexOf(t) ?? -1;
    if (list && j >= 0) list.splice(j, 1);
  }
}
