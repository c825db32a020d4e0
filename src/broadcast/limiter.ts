// Pacing for bulk sends on one platform (docs: Telegram allows about 30 messages a second
// overall, one a second to a chat, 20 a minute to a group). Sends start evenly spaced a little
// under the limit (headroom), and a window keeps the sends the platform may count together under
// the limit: a send occupies the window from its start until a second after its answer came back
// (while in flight, indefinitely). Whatever network or event-loop jitter does to when the platform
// sees a request, it saw it between our start and its answer — so sends reported by the rate tap
// (ours and the bot's replies) are counted exactly, up to the limit itself. Where the window also
// holds sends whose timing is only guessed (record(), or a slot reserved but not yet seen on the
// wire), one message of margin is kept (cap = perSecond·headroom). A 429's retry_after holds the
// lane (never replies: they do not pass through acquire()).

export interface LimiterOptions {
  /** The platform's overall limit, messages per second. */
  perSecond: number;
  /** Messages per minute to one group. */
  groupPerMinute: number;
  /** Which chats are groups (Telegram: negative ids). */
  isGroup: (chatId: string) => boolean;
  /**
   * Fraction of the limit sends are spaced at, and the cap while the window holds sends whose
   * timing is guessed. Default 0.97 (30/s → 29), chosen by measurement (bench/broadcast.bench.ts).
   */
  headroom?: number;
  /** Least gap between two sends to one chat, ms. Default 1000. */
  perChatGapMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export type Permit = { ok: true } | { ok: false; notBefore: number };

/** One send in the window: its start, and when its answer came (undefined while in flight). */
interface Entry {
  start: number;
  end: number | undefined;
  /** Seen on the wire by the rate tap: its occupancy is known, not guessed. */
  tapped: boolean;
}

/** A send reported by the rate tap; hand it back to settled() when its answer arrives. */
export type SendMark = Entry;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** How often to look again while the window is full of sends still in flight, ms. */
const IN_FLIGHT_POLL_MS = 5;

export class RateLimiter {
  readonly interval: number;
  readonly windowCap: number;
  private next = 0;
  private pausedUntil = 0;
  /** Recent sends (ours reserved ahead, others as reported), by start. */
  private window: Entry[] = [];
  /** Our reserved slots not yet seen on the wire, per chat (the tap takes them over). */
  private readonly reservedFor = new Map<string, Entry[]>();
  private readonly chats = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** 429s seen, for reports. */
  tooMany = 0;
  private acquired = 0;

  constructor(private readonly opts: LimiterOptions) {
    const headroom = opts.headroom ?? 0.97;
    this.windowCap = Math.max(1, Math.floor(opts.perSecond * headroom));
    this.interval = 1000 / this.windowCap;
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
      if (free === undefined) {
        // Full of sends still in flight: their answers decide when the next may start.
        await this.sleep(IN_FLIGHT_POLL_MS);
        continue;
      }
      if (free > t) {
        if (free - now >= 1) {
          await this.sleep(free - now);
          continue; // look again at the real time
        }
        t = free;
      }
      this.next = slot + this.interval;
      const entry: Entry = { start: t, end: t, tapped: false };
      this.insert(entry);
      this.chatList(chatId).push(t);
      if (t - now >= 1) await this.sleep(t - now);
      if (this.pausedUntil <= t || this.pausedUntil <= this.now()) {
        let list = this.reservedFor.get(chatId);
        if (!list) this.reservedFor.set(chatId, (list = []));
        list.push(entry);
        return { ok: true };
      }
      // A 429 arrived while we waited: give the slot back and queue again after the pause.
      this.forget(chatId, entry);
    }
  }

  /** A send the bot made outside this limiter (a reply), already answered; it counts against the overall limit. */
  record(chatId: string): void {
    const now = this.now();
    this.insert({ start: now, end: now, tapped: false });
    this.chatList(chatId).push(now);
  }

  /**
   * A send is going on the wire now (reported by the rate tap): a slot acquire() gave for this
   * chat, or else another send (a reply), counted from now. It stays in flight until settled().
   */
  sending(chatId: string): SendMark {
    const list = this.reservedFor.get(chatId);
    const mine = list?.shift();
    if (list && !list.length) this.reservedFor.delete(chatId);
    if (mine) {
      mine.end = undefined;
      mine.tapped = true;
      return mine;
    }
    const now = this.now();
    const entry: Entry = { start: now, end: undefined, tapped: true };
    this.insert(entry);
    this.chatList(chatId).push(now);
    return entry;
  }

  /** The answer to a send arrived. */
  settled(mark: SendMark): void {
    mark.end = this.now();
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
    for (const [chat, list] of this.reservedFor) if (!list.length || list[list.length - 1].start <= horizon) this.reservedFor.delete(chat);
  }

  private chatList(chatId: string): number[] {
    let list = this.chats.get(chatId);
    if (!list) this.chats.set(chatId, (list = []));
    return list;
  }

  /**
   * Earliest time ≥ t at which a send may start: fewer sends than the cap occupy it (a send
   * occupies [start, answer + 1 s); one reserved to start within the next second counts too). The
   * cap is the limit while every occupant was seen on the wire, one less (headroom) otherwise.
   * Undefined when only answers still outstanding can free a place.
   */
  private windowFreeAt(t: number): number | undefined {
    const horizon = this.now() - 1000;
    this.window = this.window.filter((e) => e.end === undefined || e.end > horizon);
    const until = (e: Entry) => (e.end === undefined ? Infinity : e.end + 1000);
    let at = t;
    for (;;) {
      const busy = this.window.filter((e) => e.start < at + 1000 && until(e) > at);
      const cap = busy.every((e) => e.tapped) ? Math.max(this.windowCap, this.opts.perSecond) : this.windowCap;
      if (busy.length < cap) return at;
      const frees = busy.map(until).sort((a, b) => a - b);
      const next = frees[busy.length - cap];
      if (next === Infinity) return undefined;
      at = Math.max(at, next);
    }
  }

  private insert(e: Entry): void {
    const w = this.window;
    let i = w.length;
    while (i > 0 && w[i - 1].start > e.start) i--;
    w.splice(i, 0, e);
  }

  private forget(chatId: string, e: Entry): void {
    const i = this.window.lastIndexOf(e);
    if (i >= 0) this.window.splice(i, 1);
    const list = this.chats.get(chatId);
    const j = list?.lastIndexOf(e.start) ?? -1;
    if (list && j >= 0) list.splice(j, 1);
  }
}
