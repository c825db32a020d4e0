// 查商家's merchant page over 100,000 merchants and 100,000 closed cases on a real database file:
// the index built from SQLite, closed cases' outcomes folded into the anonymous counters and open
// cases keyed (the work the triggers queue on write), then full lookups as the page makes them —
// the match, verified reports (total and 30 days), open cases naming it, outcome figures. Then the
// per-platform figures a case's rung shows (src/community/store/outcomes.ts), over the same cases
// spread across PLATFORMS platforms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/store/db.js';
import { Blacklist } from '../src/community/blacklist.js';
import { outcomes } from '../src/community/lookup.js';
import { groupKey } from '../src/community/match/normalize.js';
import { K_ANONYMITY } from '../src/community/lookup.js';
import { PlatformOutcomeStore } from '../src/community/store/outcomes.js';
import { outcomeLine } from '../src/flow/ladder.js';
import { HAN, GENERIC, seeded, seedMerchants } from './names.js';

const N = 100_000;
const CLOSED = 100_000;
const OPEN = 20_000;
const QUERIES = 10_000;
const PLATFORMS = 2_000;
const OUTCOMES = ['full', 'partial', 'none', 'abandoned'];
const RUNGS = ['seller', 'platform', 'payment', 'regulator'];

const { rnd, pick } = seeded(7);

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'rc-pagebench-'));
  const db = openDatabase({ path: join(dir, 'page.db'), synchronous: 'NORMAL' });
  const names = seedMerchants(db, N, { rnd, pick }, GENERIC);
  const platforms = Array.from({ length: PLATFORMS }, (_, i) => `${HAN[i % HAN.length]}${HAN[Math.floor(i / HAN.length) % HAN.length]}${i}发卡平台`);
  const now = Date.now();
  db.transaction(() => {
    const user = db.prepare(`INSERT INTO users (platform, platform_user_id, created_at) VALUES ('telegram', ?, ?) RETURNING id`);
    const kase = db.prepare(`INSERT INTO cases (user_id, scenario, stage, facts, created_at, updated_at) VALUES (?, 'not_received', 'ladder', ?, ?, ?) RETURNING id`);
    // The close trigger counts an outcome at the last rung sent (state.sent).
    const close = db.prepare(`UPDATE cases SET status = 'closed', outcome = ?, refunded_amount = ?, state = ?, stage = 'closed', closed_at = ? WHERE id = ?`);
    // Popular merchants get many cases: a few hundred merchants above the k-anonymity threshold.
    const merchantOf = () => names[Math.floor(Math.pow(rnd(), 3) * N)];
    const platformOf = () => platforms[Math.floor(Math.pow(rnd(), 2) * PLATFORMS)];
    for (let i = 0; i < CLOSED + OPEN; i++) {
      const u = (user.get(`u${i}`, now) as { id: number }).id;
      const c = (kase.get(u, JSON.stringify({ merchant: merchantOf(), platform: platformOf(), amount: 100 }), now, now) as { id: number }).id;
      if (i < CLOSED) {
        const o = pick(OUTCOMES);
        close.run(o, o === 'full' ? 100 : o === 'partial' ? 40 : null, JSON.stringify({ stage: 'closed', sent: ['seller', pick(RUNGS)] }), now, c);
      }
    }
  })();

  let t0 = performance.now();
  const bl = new Blacklist(db);
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  db.transaction(() => bl.syncCases())();
  const foldMs = performance.now() - t0;

  const lat: number[] = [];
  let withFigures = 0;
  let openSeen = 0;
  const at = new Date(now);
  for (let q = 0; q < QUERIES; q++) {
    const name = q % 2 ? names[Math.floor(Math.pow(rnd(), 3) * N)] : names[Math.floor(rnd() * N)];
    const s = performance.now();
    const r = bl.lookup(name, at);
    const figures = r ? outcomes(r.outcomes) : '';
    lat.push(performance.now() - s);
    if (figures.includes('匿名统计')) withFigures++;
    openSeen += r?.openCases ?? 0;
  }
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  const p99 = pct(lat, 99);
  console.log(`${N.toLocaleString()} merchants, ${CLOSED.toLocaleString()} closed + ${OPEN.toLocaleString()} open cases; index built in ${(buildMs / 1000).toFixed(1)} s; queued keys and outcomes folded in ${(foldMs / 1000).toFixed(1)} s`);
  console.log(`${QUERIES.toLocaleString()} merchant pages (half of them popular merchants): ${withFigures} showed outcome figures (k ≥ 5), ${openSeen} open cases counted`);
  console.log(`merchant page p50 ${pct(lat, 50).toFixed(3)} ms   p99 ${p99.toFixed(3)} ms   max ${Math.max(...lat).toFixed(2)} ms   target p99 < 10 ms   ${p99 < 10 ? 'ok' : 'MISSED'}`);

  // A case's rung: the per-platform figures, read as the engine reads them before each step.
  const store = new PlatformOutcomeStore(db, groupKey, () => bl.syncCases(), K_ANONYMITY);
  const plat: number[] = [];
  let lines = 0;
  for (let q = 0; q < QUERIES; q++) {
    const platform = q % 2 ? platforms[Math.floor(Math.pow(rnd(), 2) * PLATFORMS)] : platforms[Math.floor(rnd() * PLATFORMS)];
    const s = performance.now();
    const f = store.figures(platform);
    const line = outcomeLine(pick(RUNGS) as 'seller', f);
    plat.push(performance.now() - s);
    if (line.length) lines++;
  }
  const pp99 = pct(plat, 99);
  console.log(`${QUERIES.toLocaleString()} rung figures over ${PLATFORMS.toLocaleString()} platforms: ${lines} showed a line (k ≥ 5 and money back at that rung)`);
  console.log(`platform figures p50 ${pct(plat, 50).toFixed(3)} ms   p99 ${pp99.toFixed(3)} ms   max ${Math.max(...plat).toFixed(2)} ms   target p99 < 10 ms   ${pp99 < 10 ? 'ok' : 'MISSED'}`);
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

main();
