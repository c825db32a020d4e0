// The one timer loop: run a job, wait, run it again — with a kick to run soon, and a stop that
// waits for the run in progress. Used by the drainer, the broadcast lane and the follow-up
// scheduler's poll loop (and through the drainer by the QQ and terminal senders).
import type { Logger } from '../log.js';

export interface TimerLoopOptions {
  /** Wait after a run, ms: a number, or computed from what the run returned. */
  wait: number | ((result: unknown) => number);
  log: Logger;
  /** Named in the log line when a run throws. */
  name: string;
}

export class TimerLoop<T = unknown> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private again = false;

  constructor(
    private readonly job: () => Promise<T> | T,
    private readonly opts: TimerLoopOptions,
  ) {}

  get active(): boolean {
    return !this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a run soon (new work was written). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** No more runs; resolves when the run in progress (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      let result: unknown;
      this.running = Promise.resolve()
        .then(() => this.job())
        .then((r) => void (result = r))
        .catch((err: unknown) => this.opts.log.error({ err }, `${this.opts.name} failed`))
        .finally(() => {
          this.running = undefined;
          const w = this.opts.wait;
          const next = this.again ? 0 : typeof w === 'number' ? w : w(result);
          this.again = false;
          this.schedule(next);
        });
    }, ms);
    this.timer.unref?.();
  }
}
