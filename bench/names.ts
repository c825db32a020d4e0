// What the merchant benches share: one seeded generator (so every run builds the same data) and
// the vocabulary of made-up shop names.
import type Database from 'better-sqlite3';
import { mulberry32 } from '../src/learn/random.js';
import { spell } from '../src/community/match/normalize.js';

/** Common characters of shop names; a name is 2–3 of these plus a generic word. */
export const HAN = '星辰月光天海龙凤金银宝福乐美华盛兴隆达通顺安康泰和瑞祥云山水火木林森雪冰雨风雷电花草玉珠晶彩红蓝绿紫青白黑小大中新老东西南北快易速信诚汇聚鑫淘游戏点卡'.split('');
export const GENERIC = ['卡盟', '发卡网', '商城', '点卡店', '小店'];

export type Seeded = { rnd: () => number; pick: <T>(xs: readonly T[]) => T };

/** A seeded random source with a pick() over arrays. */
export function seeded(seed: number): Seeded {
  const rnd = mulberry32(seed);
  return { rnd, pick: (xs) => xs[Math.floor(rnd() * xs.length)] };
}

/**
 * Lists `n` blacklisted merchants with distinct made-up names (2–3 of HAN plus one of `generic`),
 * each with its name and a pinyin domain (and a QQ number when `qq`), in one transaction.
 * Returns the names in insertion order (merchant ids follow it).
 */
export function seedMerchants(db: Database.Database, n: number, { rnd, pick }: Seeded, generic: readonly string[], opts: { qq?: boolean } = {}): string[] {
  const names: string[] = [];
  const now = Date.now();
  db.transaction(() => {
    const m = db.prepare(`INSERT INTO merchants (name, status, reason, listed_at, created_at, updated_at) VALUES (?, 'blacklisted', '测试', ?, ?, ?) RETURNING id`);
    const id = db.prepare(`INSERT INTO merchant_identifiers (merchant_id, kind, value) VALUES (?, ?, ?)`);
    const seen = new Set<string>();
    while (names.length < n) {
      const core = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(HAN)).join('');
      const name = core + pick(generic);
      if (seen.has(name)) continue;
      seen.add(name);
      const row = m.get(name, now, now, now) as { id: number };
      id.run(row.id, 'name', name);
      id.run(row.id, 'domain', `${spell(core)}${names.length}.com`);
      if (opts.qq) id.run(row.id, 'qq', String(100_000_000 + names.length));
      names.push(name);
    }
  })();
  return names;
}
