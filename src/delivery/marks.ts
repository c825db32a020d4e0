// Marks sent rows in batches: one commit (one fsync at synchronous=FULL) for every send confirmed
// within `flushMs` (0: within one turn of the event loop). mark() resolves once the commit is
// done, so a sender that frees its slot only then never has more confirmed-but-unmarked rows than
// it has slots — which is what bounds the repeats after a crash.
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';

export class SentMarks {
  private pending: { id: number; done: (err?: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;

  constructor(
    private readonly outbox: Outbox,
    private readonly now: () => Date,
    private readonly log: Logger,
    private readonly flushMs = 0,
    /** Commit at once when this many wait (e.g. the sender's slots: all of them waiting helps nobody). */
    private readonly maxPending = Infinity,
  ) {}

  /** Queues a row as sent; resolves once that is committed. */
  mark(id: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ id, done: (err) => (err ? reject(err) : resolve()) });
      if (this.pending.length >= this.maxPending) {
        if (this.timer) (this.flushMs > 0 ? clearTimeout : clearImmediate)(this.timer as never);
        return this.flush();
      }
      if (this.timer) return;
      this.timer = this.flushMs > 0 ? setTimeout(() => this.flush(), this.flushMs) : setImmediate(() => this.flush());
    });
  }

  /** Commits what is queued now. */
  flush(): void {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    let failure: unknown;
    try {
      this.outbox.markSentMany(
        batch.map((m) => m.id),
        this.now(),
      );
    } catch (err) {
      failure = err;
      this.log.error({ err }, 'could not mark sent messages');
    }
    for (const m of batch) m.done(failure);
  }
}
