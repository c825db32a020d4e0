// Group commit for adapters: inbounds that arrive in the same turn of the event loop (a polled
// batch of Telegram updates, concurrent webhook requests, a busy QQ group) are committed in one
// transaction with engine.handleBatch — one fsync instead of one each at synchronous=FULL.
import type { Delivery, Inbound } from '../types.js';
import type { Engine } from './engine.js';

interface Waiting {
  inbound: Inbound;
  resolve: (d: Delivery[]) => void;
  reject: (e: unknown) => void;
}

export class InboundBatcher {
  private queue: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly engine: Engine,
    private readonly maxBatch = 100,
  ) {}

  /** Like engine.handle, but committed together with whatever else arrives in this turn. */
  handle(inbound: Inbound): Promise<Delivery[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ inbound, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits what is waiting now. */
  flush(): void {
    this.scheduled = false;
    const items = this.queue.splice(0);
    if (!items.length) return;
    let results: Delivery[][];
    try {
      results = this.engine.handleBatch(items.map((i) => i.inbound));
    } catch {
      // The batch rolled back as a whole; one bad inbound must not fail the others.
      for (const it of items) {
        try {
          it.resolve(this.engine.handle(it.inbound));
        } catch (e) {
          it.reject(e);
        }
      }
      return;
    }
    items.forEach((it, k) => it.resolve(results[k]));
  }
}
