// In-memory index of merchant identifiers: exact keys in a Map, fuzzy keys also under their
// character trigrams, so a lookup verifies a handful of candidates with Levenshtein instead of
// scanning every merchant (q-gram lemma: within d edits, a key keeps all but 3·d of its trigrams).
import { distance } from 'fastest-levenshtein';
import { exactKeys, identifierKeys, queryKeys, type IdentifierKind, type Key } from './normalize.js';

export interface Identifier {
  kind: IdentifierKind;
  value: string;
}

export interface Match {
  merchantId: number;
  via: Key['via'];
  /** 0 for an exact key; otherwise the edit distance of the fuzzy key. */
  distance: number;
  /** Higher is better. */
  score: number;
}

/** Edits allowed for a key of this length: none below 8 letters (小美/小米 are different shops). */
export function maxDistance(len: number): number {
  return len >= 12 ? 2 : len >= 8 ? 1 : 0;
}

const PAD = '\u0002\u0002';
const PAD_END = '\u0003\u0003';

function trigrams(s: string): string[] {
  const p = PAD + s + PAD_END;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  return [...out];
}

export class MerchantIndex {
  /** Key → merchant id, or ids when several share it (a Set per key would cost ~200 bytes each). */
  private readonly exact = new Map<string, number | number[]>();
  /** Fuzzy keys by slot; a slot whose key lost all its merchants stays, empty, until rebuild. */
  private readonly slots: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly grams = new Map<string, number[]>();
  private readonly keysOf = new Map<number, string[]>();
  private counts = new Uint16Array(1024);

  get size(): number {
    return this.keysOf.size;
  }

  /** (Re)indexes one merchant under all its identifiers. */
  set(merchantId: number, ids: readonly Identifier[]): void {
    this.remove(merchantId);
    const keys = new Set<string>();
    for (const id of ids) {
      for (const k of identifierKeys(id.kind, id.value)) {
        if (keys.has(k.key)) continue;
        keys.add(k.key);
        const cur = this.exact.get(k.key);
        if (cur === undefined) this.exact.set(k.key, merchantId);
        else if (typeof cur === 'number') this.exact.set(k.key, [cur, merchantId]);
        else cur.push(merchantId);
        if (k.fuzzy && !this.slotOf.has(k.key)) this.addSlot(k.key);
      }
    }
    this.keysOf.set(merchantId, [...keys]);
  }

  remove(merchantId: number): void {
    const keys = this.keysOf.get(merchantId);
    if (!keys) return;
    for (const k of keys) {
      const cur = this.exact.get(k);
      if (cur === merchantId) this.exact.delete(k);
      else if (Array.isArray(cur)) {
        const rest = cur.filter((id) => id !== merchantId);
        if (rest.length === 1) this.exact.set(k, rest[0]);
        else this.exact.set(k, rest);
      }
    }
    this.keysOf.delete(merchantId);
  }

  private addSlot(key: string): void {
    const slot = this.slots.length;
    this.slots.push(key);
    this.slotOf.set(key, slot);
    for (const g of trigrams(key.slice(2))) {
      let list = this.grams.get(g);
      if (!list) this.grams.set(g, (list = []));
      list.push(slot);
    }
  }

  /** Names the last lookup compared by edit distance (a scan would compare every name). */
  lastVerified = 0;

  /** Merchants a user's query names, best first. Unrelated names give []. */
  lookup(query: string, limit = 5): Match[] {
    this.lastVerified = 0;
    const best = new Map<number, Match>();
    const offer = (m: Match) => {
      const cur = best.get(m.merchantId);
      if (!cur || m.score > cur.score) best.set(m.merchantId, m);
    };
    const keys = queryKeys(query);
    // The whole name, a host or a number as written ranks above a shared core ("北汇卡盟" is 北汇卡盟, not 北汇商城).
    const whole = new Set(exactKeys(query));
    for (const k of keys) {
      for (const id of this.idsOf(k.key)) {
        offer({ merchantId: id, via: k.via, distance: 0, score: k.key.startsWith('p:') ? 90 : whole.has(k.key) ? 101 : 100 });
      }
    }
    // Typos are looked for only when nothing matched as written.
    for (const k of best.size ? [] : keys) {
      if (!k.fuzzy || !k.key.startsWith('p:')) continue;
      const s = k.key.slice(2);
      const d = maxDistance(s.length);
      if (d === 0) continue;
      for (const { key, dist } of this.fuzzyCandidates(s, d)) {
        for (const id of this.idsOf(key)) offer({ merchantId: id, via: k.via, distance: dist, score: 80 - (10 * dist) / s.length });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.merchantId - b.merchantId).slice(0, limit);
  }

  private idsOf(key: string): readonly number[] {
    const cur = this.exact.get(key);
    return cur === undefined ? [] : typeof cur === 'number' ? [cur] : cur;
  }

  private fuzzyCandidates(s: string, d: number): { key: string; dist: number }[] {
    const qg = trigrams(s);
    const need = qg.length - 3 * d;
    if (need <= 0) return [];
    if (this.counts.length < this.slots.length) this.counts = new Uint16Array(Math.max(this.slots.length, this.counts.length * 2));
    const counts = this.counts;
    const touched: number[] = [];
    for (const g of qg) {
      const list = this.grams.get(g);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const slot = list[i];
        if (counts[slot]++ === 0) touched.push(slot);
      }
    }
    const out: { key: string; dist: number }[] = [];
    for (const slot of touched) {
      if (counts[slot] >= need) {
        const key = this.slots[slot];
        const other = key.slice(2);
        if (Math.abs(other.length - s.length) <= d && this.exact.has(key)) {
          this.lastVerified++;
          const dist = distance(s, other);
          if (dist > 0 && dist <= d && dist <= maxDistance(other.length)) out.push({ key, dist });
        }
      }
      counts[slot] = 0;
    }
    return out;
  }
}
