// Other users' cases as the community sees them: the merchant keys open cases name (never their
// facts), maintained on write — a trigger marks a case dirty when its merchant, platform, status or
// declined stage changes, and `sync` recomputes just those — so counting the cases that name a
// merchant is an indexed lookup, O(matches). Closed cases' outcomes arrive through another trigger
// (copied at closing, with no link to the user or the case) and are folded into anonymous counters.
import type { DB } from '../../store/db.js';

export interface CaseRef {
  caseId: number;
  userId: number;
}

export interface OutcomeRow {
  outcome: string;
  rung: string;
  n: number;
  refunded: number;
}

/** Turns a merchant text into its group key (normalize.groupKey), passed in to keep SQL apart from folding. */
export type KeyOf = (text: string) => string | undefined;

export class OpenCaseStore {
  private readonly s;
  /** The fold's own transaction when none is open (the wrapper built once). */
  private readonly foldTx: () => void;

  constructor(
    private readonly db: DB,
    private readonly keyOf: KeyOf,
    /** The key an open case is counted under: its merchant record's (m:<id>) when the text names one exactly, else keyOf. */
    private readonly caseKeyOf: KeyOf = keyOf,
  ) {
    this.s = {
      dirty: db.prepare(`SELECT case_id AS id FROM case_keys_dirty ORDER BY case_id LIMIT 500`),
      clean: db.prepare(`DELETE FROM case_keys_dirty WHERE case_id = ?`),
      read: db.prepare(
        `SELECT user_id AS userId, status, stage, json_extract(facts, '$.merchant') AS merchant, json_extract(facts, '$.platform') AS platform,
           EXISTS (SELECT 1 FROM collective_consents WHERE case_id = cases.id) AS consented FROM cases WHERE id = ?`,
      ),
      drop: db.prepare(`DELETE FROM case_keys WHERE case_id = ?`),
      put: db.prepare(`INSERT OR REPLACE INTO case_keys (case_id, key, user_id, main, open) VALUES (?, ?, ?, ?, ?)`),
      closed: db.prepare(`SELECT id, merchant, platform, outcome, refunded, rung FROM closed_outcomes ORDER BY id LIMIT 500`),
      closedDone: db.prepare(`DELETE FROM closed_outcomes WHERE id = ?`),
      count: db.prepare(
        `INSERT INTO merchant_outcomes (key, outcome, rung, n, refunded) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT (key, outcome, rung) DO UPDATE SET n = n + 1, refunded = refunded + excluded.refunded`,
      ),
      // Per-platform counters (migration 9, src/community/store/outcomes.ts reads them).
      countPlatform: db.prepare(
        `INSERT INTO platform_outcomes (key, outcome, rung, n) VALUES (?, ?, ?, 1)
         ON CONFLICT (key, outcome, rung) DO UPDATE SET n = n + 1`,
      ),
    };
    this.foldTx = db.transaction(() => this.fold());
  }

  /** Brings the keys up to date with every case written since the last call (cheap when nothing changed). */
  sync(): void {
    // A backlog (after a restart or an upgrade) is folded in one transaction, not one fsync a row.
    if (this.db.inTransaction) this.fold();
    else this.foldTx();
  }

  private fold(): void {
    for (let rows = this.s.dirty.all() as { id: number }[]; rows.length; rows = this.s.dirty.all() as { id: number }[]) {
      for (const { id } of rows) {
        this.s.drop.run(id);
        const c = this.s.read.get(id) as { userId: number; status: string; stage: string; merchant: unknown; platform: unknown; consented: number } | undefined;
        const open = c && c.status === 'open' && c.stage !== 'declined';
        if (c && (open || c.consented)) {
          const m = this.caseKey(c.merchant);
          const p = this.caseKey(c.platform);
          const main = m ?? p;
          if (main) this.s.put.run(id, main, c.userId, 1, open ? 1 : 0);
          if (p && p !== main) this.s.put.run(id, p, c.userId, 0, open ? 1 : 0);
        }
        this.s.clean.run(id);
      }
    }
    for (let rows = this.s.closed.all() as ClosedRow[]; rows.length; rows = this.s.closed.all() as ClosedRow[]) {
      for (const r of rows) {
        const keys = new Set([this.key(r.merchant), this.key(r.platform)].filter((k): k is string => k !== undefined));
        for (const k of keys) this.s.count.run(k, r.outcome, r.rung ?? '', r.outcome === 'full' || r.outcome === 'partial' ? (r.refunded ?? 0) : 0);
        const p = this.key(r.platform);
        if (p) this.s.countPlatform.run(p, r.outcome, r.rung ?? '');
        this.s.closedDone.run(r.id);
      }
    }
  }

  private key(v: unknown): string | undefined {
    return typeof v === 'string' && v.trim() ? this.keyOf(v) : undefined;
  }

  private caseKey(v: unknown): string | undefined {
    return typeof v === 'string' && v.trim() ? this.caseKeyOf(v) : undefined;
  }

  /** Cases counted under any of these keys are keyed again at the next sync (a merchant record changed). */
  rekey(keys: readonly string[]): void {
    if (!keys.length) return;
    this.stmt(`INSERT OR IGNORE INTO case_keys_dirty (case_id) SELECT case_id FROM case_keys WHERE key IN (?*)`, keys.length).run(...keys);
  }

  private readonly cache = new Map<string, Stmt>();

  /** A statement with `n` placeholders where the SQL says (?*), prepared once per shape. */
  private stmt(sql: string, n: number): Stmt {
    const key = `${n}\u0000${sql}`;
    let st = this.cache.get(key);
    if (!st) {
      st = this.db.prepare<unknown[]>(sql.replace('(?*)', `(${Array.from({ length: n }, () => '?').join(', ')})`));
      this.cache.set(key, st);
    }
    return st;
  }

  /** How many open cases name any of these keys (as shop or platform). */
  countNaming(keys: readonly string[]): number {
    if (!keys.length) return 0;
    this.sync();
    return (this.stmt(`SELECT count(DISTINCT case_id) AS n FROM case_keys WHERE key IN (?*) AND open = 1`, keys.length).get(...keys) as { n: number }).n;
  }

  /** Open cases naming any of these keys (as shop or platform); with `mainOnly`, as the case's merchant. */
  openNaming(keys: readonly string[], mainOnly = false): CaseRef[] {
    if (!keys.length) return [];
    this.sync();
    return this.stmt(`SELECT DISTINCT case_id AS caseId, user_id AS userId FROM case_keys WHERE key IN (?*) AND open = 1${mainOnly ? ' AND main = 1' : ''} ORDER BY case_id`, keys.length).all(
      ...keys,
    ) as CaseRef[];
  }

  /** Consents to a collective complaint by cases whose merchant has one of these keys (open or since closed). */
  consentsNaming(keys: readonly string[]): (CaseRef & { createdAt: number })[] {
    if (!keys.length) return [];
    this.sync();
    return this.stmt(
      `SELECT DISTINCT c.case_id AS caseId, c.user_id AS userId, c.created_at AS createdAt FROM case_keys k JOIN collective_consents c ON c.case_id = k.case_id
       WHERE k.key IN (?*) AND k.main = 1 ORDER BY c.case_id`,
      keys.length,
    ).all(...keys) as (CaseRef & { createdAt: number })[];
  }

  /** The agreed cases of a group with what the export shows, in one indexed query (no per-case read). */
  static readonly CONSENTED_SQL = `SELECT DISTINCT c.id AS caseId, c.scenario AS scenario,
       CASE WHEN json_valid(c.facts) THEN json_extract(c.facts, '$.amount') END AS amount,
       CASE WHEN json_valid(c.facts) THEN json_extract(c.facts, '$.paidAt') END AS paidAt
     FROM case_keys k JOIN collective_consents cc ON cc.case_id = k.case_id JOIN cases c ON c.id = k.case_id
     WHERE k.key IN (?*) AND k.main = 1 ORDER BY c.id`;

  consentedCasesNaming(keys: readonly string[]): ConsentedCase[] {
    if (!keys.length) return [];
    this.sync();
    return this.stmt(OpenCaseStore.CONSENTED_SQL, keys.length).all(...keys) as ConsentedCase[];
  }

  /** Open cases of a group (as the case's merchant), and how many of their users agreed — indexed counts. */
  static readonly COUNTS_SQL = `SELECT count(DISTINCT k.case_id) AS open,
       count(DISTINCT CASE WHEN cc.case_id IS NOT NULL THEN k.case_id END) AS openAgreed,
       count(DISTINCT cc.user_id) AS agreedUsers
     FROM case_keys k LEFT JOIN collective_consents cc ON cc.case_id = k.case_id
     WHERE k.key IN (?*) AND k.open = 1 AND k.main = 1`;

  groupCounts(keys: readonly string[]): GroupCounts {
    if (!keys.length) return { open: 0, openAgreed: 0, agreedUsers: 0 };
    this.sync();
    return this.stmt(OpenCaseStore.COUNTS_SQL, keys.length).get(...keys) as GroupCounts;
  }

  /** The open cases of one user under these keys (the joiner's own other cases are not "others", explore4 F13). */
  openOf(keys: readonly string[], userId: number): number {
    if (!keys.length) return 0;
    this.sync();
    const sql = `SELECT count(DISTINCT k.case_id) AS n FROM case_keys k JOIN cases c ON c.id = k.case_id WHERE k.key IN (?*) AND k.open = 1 AND k.main = 1 AND c.user_id = ?`;
    return (this.stmt(sql, keys.length).get(...keys, userId) as { n: number }).n;
  }

  /** Closed cases' outcomes under these keys, summed (anonymous counters). */
  outcomes(keys: readonly string[]): OutcomeRow[] {
    if (!keys.length) return [];
    this.sync();
    return this.stmt(`SELECT outcome, rung, sum(n) AS n, sum(refunded) AS refunded FROM merchant_outcomes WHERE key IN (?*) GROUP BY outcome, rung`, keys.length).all(...keys) as OutcomeRow[];
  }
}

export interface ConsentedCase {
  caseId: number;
  scenario: string;
  amount: unknown;
  paidAt: unknown;
}

export interface GroupCounts {
  /** Open cases naming the group as their merchant. */
  open: number;
  /** Of those, the ones whose user agreed to the collective complaint. */
  openAgreed: number;
  /** Distinct users behind those agreed open cases. */
  agreedUsers: number;
}

interface Stmt {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

interface ClosedRow {
  id: number;
  merchant: string | null;
  platform: string | null;
  outcome: string;
  refunded: number | null;
  rung: string | null;
}
