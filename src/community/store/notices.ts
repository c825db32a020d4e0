// Collective-complaint notices as a queue of jobs (migration 10): a join queues one job, and each step
// writes at most `limit` notices — to the users who agreed for an open case in the group, in user-id
// order, after the last one written — so no turn's work grows with how many already agreed.
import type { DB } from '../../store/db.js';

export interface NoticeJob {
  id: number;
  keys: string[];
  merchant: string;
  joiner: number | null;
  total: number;
  agreed: number;
  afterUser: number;
}

export class NoticeStore {
  private readonly s;
  private readonly cache = new Map<number, { all(...p: unknown[]): unknown[] }>();

  constructor(private readonly db: DB) {
    this.s = {
      queue: db.prepare(`INSERT INTO collective_notices (keys, merchant, joiner, total, agreed, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
      job: db.prepare(`SELECT id, keys, merchant, joiner, total, agreed, after_user AS afterUser FROM collective_notices WHERE id = ?`),
      oldest: db.prepare(`SELECT id FROM collective_notices ORDER BY id LIMIT 1`),
      advance: db.prepare(`UPDATE collective_notices SET after_user = ? WHERE id = ?`),
      done: db.prepare(`DELETE FROM collective_notices WHERE id = ?`),
    };
  }

  queue(keys: readonly string[], merchant: string, joiner: number, total: number, agreed: number, now: Date): number {
    return Number(this.s.queue.run(JSON.stringify(keys), merchant, joiner, total, agreed, now.getTime()).lastInsertRowid);
  }

  job(id: number): NoticeJob | undefined {
    const r = this.s.job.get(id) as (Omit<NoticeJob, 'keys'> & { keys: string }) | undefined;
    return r && { ...r, keys: JSON.parse(r.keys) as string[] };
  }

  oldest(): number | undefined {
    return (this.s.oldest.get() as { id: number } | undefined)?.id;
  }

  /** The next users to notify: agreed for an open case in the group, after `afterUser`, at most `limit`. */
  recipients(keys: readonly string[], afterUser: number, limit: number): number[] {
    if (!keys.length) return [];
    let st = this.cache.get(keys.length);
    if (!st) {
      st = this.db.prepare<unknown[]>(
        `SELECT DISTINCT cc.user_id AS userId FROM case_keys k JOIN collective_consents cc ON cc.case_id = k.case_id
         WHERE k.key IN (${keys.map(() => '?').join(', ')}) AND k.open = 1 AND k.main = 1 AND cc.user_id > ? ORDER BY cc.user_id LIMIT ?`,
      );
      this.cache.set(keys.length, st);
    }
    return (st.all(...keys, afterUser, limit) as { userId: number }[]).map((r) => r.userId);
  }

  advance(id: number, afterUser: number): void {
    this.s.advance.run(afterUser, id);
  }

  done(id: number): void {
    this.s.done.run(id);
  }
}
