// Per-platform outcome figures (issue 16 build item 2, last part): closed cases' outcomes counted
// under the platform's group key (migration 9's platform_outcomes, folded from closed_outcomes by
// OpenCaseStore.sync), anonymous — no link to a user or a case, so they outlive expiry and
// deletion. Figures are given only for a platform with at least K_ANONYMITY closed cases.
import type { DB } from '../../store/db.js';
import type { PlatformOutcomes } from '../../flow/ladder.js';
import type { RungId } from '../../flow/types.js';
import type { KeyOf } from './cases.js';

/** Closed cases counted: refunded in full, in part, or not (abandoned cases say nothing about a rung). */
const COUNTED = new Set(['full', 'partial', 'none']);
/** Platform texts whose key is remembered (the cache starts over when full). */
const KEY_CACHE = 1_000;

export class PlatformOutcomeStore {
  private readonly read;

  constructor(
    db: DB,
    /** A pure function of the text (its results are cached). */
    private readonly keyOf: KeyOf,
    /** Folds queued closed cases into the counters first (Blacklist.syncCases). */
    private readonly sync: () => void,
    private readonly k: number,
  ) {
    this.read = db.prepare(`SELECT outcome, rung, n FROM platform_outcomes WHERE key = ?`);
  }

  /**
   * Platform texts already folded to their key (keyOf is a pure function of the text): a case at
   * the ladder asks on every step, and most cases name one of a few platforms. Bounded.
   */
  private readonly keys = new Map<string, string | undefined>();

  private keyFor(platform: string): string | undefined {
    if (this.keys.has(platform)) return this.keys.get(platform);
    if (this.keys.size >= KEY_CACHE) this.keys.clear();
    const key = this.keyOf(platform);
    this.keys.set(platform, key);
    return key;
  }

  /** The figures for this platform text, or undefined below the threshold (or with no platform). */
  figures(platform: unknown): PlatformOutcomes | undefined {
    if (typeof platform !== 'string' || !platform.trim()) return undefined;
    const key = this.keyFor(platform);
    if (!key) return undefined;
    this.sync();
    let closed = 0;
    const refundedAt: Partial<Record<RungId, number>> = {};
    for (const r of this.read.all(key) as { outcome: string; rung: string; n: number }[]) {
      if (!COUNTED.has(r.outcome)) continue;
      closed += r.n;
      if ((r.outcome === 'full' || r.outcome === 'partial') && r.rung) refundedAt[r.rung as RungId] = (refundedAt[r.rung as RungId] ?? 0) + r.n;
    }
    return closed >= this.k ? { closed, refundedAt } : undefined;
  }
}
