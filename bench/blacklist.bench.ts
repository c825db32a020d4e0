// Merchant lookup latency over 100,000 merchants on a real database file: the index built from
// SQLite at start, then lookups as 查商家 makes them (index + the matched rows read back), for
// exact names, typed pinyin, URLs, QQ numbers, typos and names that match nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/store/db.js';
import { Blacklist } from '../src/community/blacklist.js';
import { spell } from '../src/community/match/normalize.js';
import { GENERIC as BASE_GENERIC, seeded, seedMerchants } from './names.js';

const N = 100_000;
const QUERIES = 20_000;
const GENERIC = [...BASE_GENERIC, '网络', '科技', '数码'];

const { rnd, pick } = seeded(42);

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'rc-blbench-'));
  const db = openDatabase({ path: join(dir, 'bl.db'), synchronous: 'NORMAL' });
  const names = seedMerchants(db, N, { rnd, pick }, GENERIC, { qq: true });

  const t0 = performance.now();
  const bl = new Blacklist(db);
  const buildMs = performance.now() - t0;
  const heapMb = process.memoryUsage().heapUsed / 1e6;

  const kinds = ['exact name', 'typed pinyin', 'URL', 'QQ number', 'typo in a long pinyin', 'unrelated'] as const;
  const lat: Record<string, number[]> = Object.fromEntries(kinds.map((k) => [k, []]));
  let found = 0;
  let wanted = 0;
  let unrelatedHits = 0;
  let typoWanted = 0;
  let typoFound = 0;
  for (let q = 0; q < QUERIES; q++) {
    const i = Math.floor(rnd() * N);
    const kind = kinds[q % kinds.length];
    const name = names[i];
    const core = name.replace(/(卡盟|发卡网|商城|点卡店|小店|网络|科技|数码)$/, '');
    let query: string;
    if (kind === 'exact name') query = name;
    else if (kind === 'typed pinyin') query = `${spell(core)} ${name.slice(core.length)}`;
    else if (kind === 'URL') query = `https://www.${spell(core)}${i}.com/buy?id=7`;
    else if (kind === 'QQ number') query = `QQ ${100_000_000 + i}`;
    else if (kind === 'typo in a long pinyin') query = `${spell(core).slice(0, -1)}q ${name.slice(core.length)}`; // last letter wrong
    else query = `zz${q}无关商家`;
    const s = performance.now();
    const hits = bl.matches(query, 3);
    lat[kind].push(performance.now() - s);
    if (kind === 'unrelated') unrelatedHits += hits.length ? 1 : 0;
    else if (kind === 'typo in a long pinyin') {
      if (spell(core).length >= 8) {
        typoWanted++;
        if (hits.some((h) => h.merchant.name === name)) typoFound++;
      }
    }
    else {
      wanted++;
      if (hits.some((h) => h.merchant.name === name)) found++;
    }
  }

  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  const all = Object.values(lat).flat();
  console.log(`${N.toLocaleString()} merchants (name, domain, QQ each); index built from SQLite in ${(buildMs / 1000).toFixed(1)} s; heap ${heapMb.toFixed(0)} MB`);
  console.log(`${QUERIES.toLocaleString()} lookups (index + rows read back):`);
  for (const k of kinds) console.log(`  ${k.padEnd(24)} p50 ${pct(lat[k], 50).toFixed(3)} ms   p99 ${pct(lat[k], 99).toFixed(3)} ms   max ${Math.max(...lat[k]).toFixed(2)} ms`);
  const p99 = pct(all, 99);
  console.log(`lookup latency p99 (all kinds)              ${p99.toFixed(3).padStart(8)} ms   target < 10 ms   ${p99 < 10 ? 'ok' : 'MISSED'}`);
  console.log(`known merchant found (name/pinyin/URL/QQ)   ${((100 * found) / wanted).toFixed(1).padStart(8)} %    (homophone names share pinyin: the best match may be a namesake)`);
  console.log(`typo found (pinyin core ≥ 8 letters)          ${((100 * typoFound) / Math.max(1, typoWanted)).toFixed(1).padStart(8)} %    (${typoWanted} such queries; shorter names get no edits)`);
  console.log(`unrelated names that matched something      ${unrelatedHits.toString().padStart(8)}      target 0         ${unrelatedHits === 0 ? 'ok' : 'MISSED'}`);
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

main();
