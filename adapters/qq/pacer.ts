// Spaces sends out: each starts at least `intervalMs` (plus up to `jitterMs` at random) after the
// previous one finished — so the platform sees them that far apart however long each took. QQ's risk control (风控) publishes no thresholds; regular, machine-exact
// gaps are what it is said to notice, hence the jitter (docs/domain.md §6).
export interface PacerOptions {
  intervalMs: number;
  jitterMs?: number;
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Pacer {
  private tail: Promise<unknown> = Promise.resolve();
  private nextAt = 0;

  constructor(private readonly opts: PacerOptions) {}

  /** Runs `task` in turn, after the gap since the previous task ended. Resolves with its result. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const { intervalMs, jitterMs = 0, random = Math.random, now = Date.now, sleep = defaultSleep } = this.opts;
    const result = this.tail.then(async () => {
      const wait = this.nextAt - now();
      if (wait > 0) await sleep(wait);
      const gap = intervalMs + Math.floor(random() * jitterMs);
      try {
        return await task();
      } finally {
        this.nextAt = now() + gap;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }
}
