// The blacklist as the community modules see it: merchants in SQLite, found through the in-memory
// index; other users' open cases and closed outcomes counted by merchant key (store/cases.ts).
import type { DB } from '../store/db.js';
import type { Facts } from '../flow/types.js';
import { MerchantIndex, type Match } from './match/matcher.js';
import { compact, exactKeys, fold, groupKey, identifierGroupKeys, impliedKind, type IdentifierKind } from './match/normalize.js';
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
  /** Group keys (folded / pinyin, host, number) → the records whose identifiers give them. */
  private readonly claims = new Map<string, Set<number>>();
  private readonly groupKeysOf = new Map<number, string[]>();
  /** Exact keys (a whole name or alias as written, a host, a number) → the records with such an identifier. */
  private readonly exactOwners = new Map<string, Set<number>>();
  private readonly exactKeysOf = new Map<number, string[]>();
  private exactCache = new Map<string, number | null>();

  constructor(db: DB) {
    this.store = new BlacklistStore(db);
    this.cases = new OpenCaseStore(db, groupKey, (text) => this.caseKey(text));
    for (const { merchantId, ids } of this.store.allIdentifiers()) {
      this.index.set(merchantId, ids);
      this.claim(merchantId, ids);
    }
  }

  /** Re-reads one merchant's identifiers into the index; cases counted under its old or new keys are keyed again. */
  reindex(merchantId: number): void {
    const before = this.groupKeysOf.get(merchantId) ?? [];
    const ids = this.store.identifiers(merchantId);
    if (ids.length) this.index.set(merchantId, ids);
    else this.index.remove(merchantId);
    this.claim(merchantId, ids);
    const after = this.groupKeysOf.get(merchantId) ?? [];
    this.resolved.clear();
    this.resolvedRaw.clear();
    this.exactCache.clear();
    this.cases.rekey([...new Set([`m:${merchantId}`, ...before, ...after])]);
  }

  private claim(merchantId: number, ids: readonly { kind: IdentifierKind; value: string }[]): void {
    mapSet(this.claims, this.groupKeysOf, merchantId, [...new Set(ids.flatMap((i) => identifierGroupKeys(i.kind, i.value)))]);
    mapSet(this.exactOwners, this.exactKeysOf, merchantId, [...new Set(ids.flatMap((i) => exactKeys(i.value)))]);
  }

  /**
   * The record a text names EXACTLY — its whole name or an alias as written (folded), a site's host,
   * a number — never by a shared core or pinyin. Two records under the same exact key: the older.
   */
  exactRecord(text: string): number | undefined {
    const hit = this.exactCache.get(text);
    if (hit !== undefined) return hit ?? undefined;
    let id: number | undefined;
    for (const k of exactKeys(text)) for (const m of this.exactOwners.get(k) ?? []) if (id === undefined || m < id) id = m;
    if (this.exactCache.size > 200_000) this.exactCache.clear();
    this.exactCache.set(text, id ?? null);
    return id;
  }

  /** What an open case's merchant (or platform) text is counted under: its record (m:<id>), else its folded key. */
  caseKey(text: string): string | undefined {
    const id = this.exactRecord(text);
    return id !== undefined ? `m:${id}` : groupKey(text);
  }

  /**
   * The keys a record's cases are counted under: its own (m:<id>, for texts naming it exactly) and
   * those of its identifiers' folded keys that no other record shares — so a name with no record of
   * its own counts for the one record it sounds like, and for none when two records sound alike.
   */
  identityKeys(merchantId: number): string[] {
    return [`m:${merchantId}`, ...(this.groupKeysOf.get(merchantId) ?? []).filter((k) => this.claims.get(k)?.size === 1)];
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
    const keys = this.identityKeys(best.merchant.id);
    return {
      merchant: best.merchant,
      match: best.match,
      reports: this.store.approvedReports(best.merchant.id),
      recentReports: this.store.approvedReports(best.merchant.id, now.getTime() - 30 * 86_400_000).n,
      pendingReports: admin ? this.store.pendingReportsOf(best.merchant.id) : 0,
      openCases: this.cases.countNaming(keys),
      // Outcome counters are still kept under folded keys (closed_outcomes → merchant_outcomes).
      outcomes: this.cases.outcomes(this.keysOf(best.merchant.id)),
      others: found.filter((f) => f !== best && f.merchant.status === 'blacklisted').map((f) => f.merchant.name),
    };
  }

  /** The group keys of a merchant: every identifier's (normalize.identifierGroupKeys). */
  keysOf(merchantId: number): string[] {
    return [...new Set(this.store.identifiers(merchantId).flatMap((i) => identifierGroupKeys(i.kind, i.value)))];
  }

  /** Open cases whose merchant or platform is this merchant. */
  openCasesNaming(merchantId: number): CaseRef[] {
    return this.cases.openNaming(this.identityKeys(merchantId));
  }

  /**
   * What collective complaints group a merchant text under: the record it names exactly (its identity
   * keys); else, when its folded key belongs to one record only, that record; else the folded key
   * alone — so spellings of one merchant meet, consents given before a record existed count once it
   * does, and two records that sound alike never share a count.
   */
  group(text: string): { keys: string[]; merchantId?: number } {
    const exact = this.exactRecord(text);
    if (exact !== undefined) return { keys: this.identityKeys(exact), merchantId: exact };
    const k = groupKey(text);
    if (!k) return { keys: [] };
    const owners = this.claims.get(k);
    if (owners?.size === 1) {
      const [id] = owners;
      return { keys: this.identityKeys(id), merchantId: id };
    }
    return { keys: [k] };
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

  /** How many of the open cases under these keys are this user's own. */
  ownOpenIn(keys: readonly string[], userId: number): number {
    return this.cases.openOf(keys, userId);
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

/** Replaces one merchant's keys in a key → owners map (and its merchant → keys record). */
function mapSet(owners: Map<string, Set<number>>, keysOf: Map<number, string[]>, merchantId: number, keys: string[]): void {
  for (const k of keysOf.get(merchantId) ?? []) {
    const set = owners.get(k);
    set?.delete(merchantId);
    if (set && !set.size) owners.delete(k);
  }
  if (keys.length) keysOf.set(merchantId, keys);
  else keysOf.delete(merchantId);
  for (const k of keys) {
    let set = owners.get(k);
    if (!set) owners.set(k, (set = new Set()));
    set.add(merchantId);
  }
}
