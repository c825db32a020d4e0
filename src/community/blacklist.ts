// The blacklist as the community modules see it: merchants in SQLite, found through the in-memory
// index; other users' open cases and closed outcomes counted by merchant key (store/cases.ts).
import type { DB } from '../store/db.js';
import type { Facts } from '../flow/types.js';
import { MerchantIndex, type Match } from './match/matcher.js';
import { compact, fold, groupKey, identifierGroupKeys, impliedKind, type IdentifierKind } from './match/normalize.js';
import { OpenCaseStore, type CaseRef, type ConsentedCase, type GroupCounts, type OutcomeRow } from './store/cases.js';
import { BlacklistStore, type MerchantRow, type MerchantStatus } from './store/merchants.js';

export interface LookupResult {
  merchant: MerchantRow;
  match: Match;
  /** Approved reports: in total, and in the last 30 days; pending ones (admins only). */
  reports: { n: number; first: number | null; last: number | null };
  recentReports: number;
  pendingReports: number;
  openCases: number;
  /** Closed cases' outcomes (anonymous counters), by outcome and rung. */
  outcomes: OutcomeRow[];
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
    this.cases = new OpenCaseStore(db, groupKey);
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

  /** What lookups say about a query; undefined when nothing is known (to members: nothing public). */
  lookup(text: string, now: Date, admin = false): LookupResult | undefined {
    const found = this.matches(text);
    const isPublic = (m: MerchantRow) => m.status === 'blacklisted' || this.store.approvedReports(m.id).n > 0;
    const best = admin ? found[0] : found.find((f) => isPublic(f.merchant));
    if (!best) return undefined;
    const keys = this.keysOf(best.merchant.id);
    return {
      merchant: best.merchant,
      match: best.match,
      reports: this.store.approvedReports(best.merchant.id),
      recentReports: this.store.approvedReports(best.merchant.id, now.getTime() - 30 * 86_400_000).n,
      pendingReports: admin ? this.store.pendingReportsOf(best.merchant.id) : 0,
      openCases: this.cases.countNaming(keys),
      outcomes: this.cases.outcomes(keys),
      others: found.filter((f) => f !== best && f.merchant.status === 'blacklisted').map((f) => f.merchant.name),
    };
  }

  /** The group keys of a merchant: every identifier's (normalize.identifierGroupKeys). */
  keysOf(merchantId: number): string[] {
    return [...new Set(this.store.identifiers(merchantId).flatMap((i) => identifierGroupKeys(i.kind, i.value)))];
  }

  /** Open cases whose merchant or platform is this merchant. */
  openCasesNaming(merchantId: number): CaseRef[] {
    return this.cases.openNaming(this.keysOf(merchantId));
  }

  /**
   * What collective complaints group a merchant text under: the merchant record it resolves to (all
   * its identifiers' keys), else the text's own key — so consents given before a record existed
   * and under other spellings count together once it does.
   */
  group(text: string): { keys: string[]; merchantId?: number } {
    const id = this.resolve(text);
    if (id !== undefined) return { keys: this.keysOf(id), merchantId: id };
    const k = groupKey(text);
    return { keys: k ? [k] : [] };
  }

  /** Open cases (of anyone) whose merchant is in the group. */
  openCasesIn(keys: readonly string[]): CaseRef[] {
    return this.cases.openNaming(keys, true);
  }

  /** Consents given for cases whose merchant is in the group. */
  consentsIn(keys: readonly string[]): (CaseRef & { createdAt: number })[] {
    return this.cases.consentsNaming(keys);
  }

  /** The agreed cases of the group with the export's fields, in one indexed query. */
  consentedCasesIn(keys: readonly string[]): ConsentedCase[] {
    return this.cases.consentedCasesNaming(keys);
  }

  /** Open cases of the group and how many of them (and of their users) agreed, counted by the index. */
  countsIn(keys: readonly string[]): GroupCounts {
    return this.cases.groupCounts(keys);
  }

  /** Brings the open-case keys and outcome counters up to date (also done before every read). */
  syncCases(): void {
    this.cases.sync();
  }

  /** A merchant by its number (#12 or 12) or by any identifier exactly (name, site, QQ …). */
  find(ref: string): MerchantRow | undefined {
    const r = ref.trim();
    const n = /^#?(\d{1,7})$/.exec(r);
    if (n) {
      const m = this.store.merchant(Number(n[1]));
      if (m) return m;
    }
    const hit = this.matches(r, 1)[0];
    return hit && hit.match.distance === 0 && hit.match.score >= 100 ? hit.merchant : undefined;
  }

  addMerchant(name: string, status: MerchantStatus, reason: string | null, now: Date): MerchantRow {
    const m = this.store.createMerchant(name, status, reason, now);
    // A site or number given as the name is also stored as what it is (shown as 网址 / QQ …).
    const implied = impliedKind(name);
    if (implied) this.store.addIdentifier(m.id, implied.kind, implied.value);
    this.reindex(m.id);
    return m;
  }

  addIdentifier(merchantId: number, kind: IdentifierKind, value: string): boolean {
    const added = this.store.addIdentifier(merchantId, kind, value);
    this.reindex(merchantId);
    return added;
  }
}
