// The blacklist as the hook and admins see it: merchants in SQLite, found through the in-memory index.
import type { DB } from '../store/db.js';
import type { Facts } from '../flow/types.js';
import { MerchantIndex, type Match } from './match/matcher.js';
import { compact, fold, type IdentifierKind } from './match/normalize.js';
import { OpenCaseStore } from './store/cases.js';
import { BlacklistStore, type MerchantRow, type MerchantStatus } from './store/merchants.js';

export interface LookupResult {
  merchant: MerchantRow;
  match: Match;
  reports: { n: number; first: number | null; last: number | null };
  openCases: number;
  /** Other merchants the query also resembles (names only). */
  others: string[];
}

/** The merchant a case names: the shop, else the 卡盟 platform. */
export function caseMerchantText(facts: Facts): string | undefined {
  for (const k of ['merchant', 'platform'] as const) {
    const v = facts[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

export class Blacklist {
  readonly store: BlacklistStore;
  readonly index = new MerchantIndex();
  private resolved = new Map<string, number | null>();
  private resolvedRaw = new Map<string, number | null>();

  private readonly cases: OpenCaseStore;

  constructor(db: DB) {
    this.store = new BlacklistStore(db);
    this.cases = new OpenCaseStore(db);
    for (const { merchantId, ids } of this.store.allIdentifiers()) this.index.set(merchantId, ids);
  }

  /** Re-reads one merchant's identifiers into the index. */
  reindex(merchantId: number): void {
    const ids = this.store.identifiers(merchantId);
    if (ids.length) this.index.set(merchantId, ids);
    else this.index.remove(merchantId);
    this.resolved.clear();
    this.resolvedRaw.clear();
  }

  /** Known merchants a text names, best first (rows re-read, so a rolled-back insert is never shown). */
  matches(text: string, limit = 3): { merchant: MerchantRow; match: Match }[] {
    const out: { merchant: MerchantRow; match: Match }[] = [];
    for (const m of this.index.lookup(text, limit + 2)) {
      const merchant = this.store.merchant(m.merchantId);
      if (merchant) out.push({ merchant, match: m });
      if (out.length >= limit) break;
    }
    return out;
  }

  resolve(text: string): number | undefined {
    // Folding (traditional → simplified, width, case) is the costly part: remember raw texts too.
    const raw = this.resolvedRaw.get(text);
    if (raw !== undefined) return raw ?? undefined;
    const id = this.resolveFolded(text);
    if (this.resolvedRaw.size > 200_000) this.resolvedRaw.clear();
    this.resolvedRaw.set(text, id ?? null);
    return id;
  }

  private resolveFolded(text: string): number | undefined {
    const key = compact(fold(text));
    if (!key) return undefined;
    let id = this.resolved.get(key);
    if (id === undefined) {
      id = this.index.lookup(text, 1)[0]?.merchantId ?? null;
      // Open cases name a bounded set of merchants; a cap this size keeps every one of them cached,
      // so counting open cases per lookup is a scan plus map reads, not an index search per case.
      if (this.resolved.size > 200_000) this.resolved.clear();
      this.resolved.set(key, id);
    }
    return id ?? undefined;
  }

  /** What lookups say about a query; undefined when nothing public is known. */
  lookup(text: string): LookupResult | undefined {
    const found = this.matches(text);
    const best = found.find((f) => f.merchant.status !== 'removed' || this.store.approvedReports(f.merchant.id).n > 0);
    if (!best) return undefined;
    const reports = this.store.approvedReports(best.merchant.id);
    if (best.merchant.status !== 'blacklisted' && reports.n === 0) return undefined;
    return {
      merchant: best.merchant,
      match: best.match,
      reports,
      openCases: this.openCasesNaming(best.merchant.id).length,
      others: found.filter((f) => f !== best && f.merchant.status === 'blacklisted').map((f) => f.merchant.name),
    };
  }

  /** Open cases whose merchant or platform is this merchant. */
  openCasesNaming(merchantId: number): { caseId: number; userId: number }[] {
    return this.cases
      .all()
      .filter((r) => [r.merchant, r.platform].some((v) => typeof v === 'string' && v.trim() !== '' && this.resolve(v) === merchantId))
      .map((r) => ({ caseId: r.caseId, userId: r.userId }));
  }

  /** The key collective complaints group cases by: a known merchant, else the folded name. */
  merchantKey(text: string): string {
    const id = this.resolve(text);
    return id !== undefined ? `m:${id}` : `n:${compact(fold(text))}`;
  }

  /** Open cases (of anyone) grouped under a merchant key (the shop, else the platform). */
  openCasesWithKey(key: string): { caseId: number; userId: number }[] {
    const out: { caseId: number; userId: number }[] = [];
    for (const r of this.cases.all()) {
      const text = caseMerchantText({ merchant: r.merchant, platform: r.platform } as Facts);
      if (text && this.merchantKey(text) === key) out.push({ caseId: r.caseId, userId: r.userId });
    }
    return out;
  }

  addMerchant(name: string, status: MerchantStatus, reason: string | null, now: Date): MerchantRow {
    const m = this.store.createMerchant(name, status, reason, now);
    this.reindex(m.id);
    return m;
  }

  addIdentifier(merchantId: number, kind: IdentifierKind, value: string): boolean {
    const added = this.store.addIdentifier(merchantId, kind, value);
    this.reindex(merchantId);
    return added;
  }
}
