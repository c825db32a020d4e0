// Per-user inbound rate limit: a token bucket (RATE_LIMIT_BURST tokens, refilled at
// RATE_LIMIT_PER_MINUTE), kept in memory. The message that finds the bucket empty is answered
// once ("slow down") and the sender is muted for RATE_LIMIT_MUTE_SECONDS: everything they send
// meanwhile is dropped without a reply or a write. Idle buckets are swept as the map grows, so
// memory follows the number of users active within about a minute.

export type RateVerdict = 'ok' | 'exceeded' | 'muted';

interface Bucket {
  tokens: number;
  at: number;
  mutedUntil: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private sweepAt = 1024;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly muteMs: number,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one token for `key` at `nowMs`. */
  take(key: string, nowMs: number): RateVerdict {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.sweepAt) this.sweep(nowMs);
      b = { tokens: this.burst, at: nowMs, mutedUntil: 0 };
      this.buckets.set(key, b);
    }
    if (nowMs < b.mutedUntil) return 'muted';
    b.tokens = Math.min(this.burst, b.tokens + Math.max(0, nowMs - b.at) * this.perMs);
    b.at = nowMs;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 'ok';
    }
    b.mutedUntil = nowMs + this.muteMs;
    return 'exceeded';
  }

  /** How many senders are tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  /** Forgets buckets that are full again and not muted: they behave exactly like new ones. */
  private sweep(nowMs: number): void {
    for (const [k, b] of this.buckets) {
      if (nowMs >= b.mutedUntil && b.tokens + (nowMs - b.at) * this.perMs >= this.burst) this.buckets.delete(k);
    }
    this.sweepAt = Math.max(1024, this.buckets.size * 2);
  }
}
