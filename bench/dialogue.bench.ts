// Dialogue corpus figures (issue 11): re-asks per case, turns per completed intake, and the share
// of dialogues that end with exactly the intended facts (target 100 %). Each dialogue runs through
// the real engine on a fresh in-memory database (test/dialogue/corpus-runner.ts).
import { loadCorpus, runDialogue } from '../test/dialogue/corpus-runner.js';

const corpus = loadCorpus();
const t0 = performance.now();
const results = corpus.map(runDialogue);
const ms = performance.now() - t0;
const completed = results.filter((r) => r.intakeTurns !== undefined);
const exact = results.filter((r) => r.factsExact).length;
const passing = results.filter((r) => r.problems.length === 0).length;
const reasks = results.reduce((a, r) => a + r.reasks, 0);
const fmt = (n: number) => n.toFixed(2);
console.log(`dialogues:                         ${corpus.length}`);
console.log(`re-asks per case:                  ${fmt(reasks / results.length)} (${reasks} in all)`);
console.log(`turns per completed intake:        ${completed.length ? fmt(completed.reduce((a, r) => a + r.intakeTurns!, 0) / completed.length) : '-'} (${completed.length} intakes completed)`);
console.log(`ending with exactly the facts:     ${fmt((100 * exact) / results.length)} % (${exact}/${results.length}; target 100 %)`);
console.log(`all expectations met:              ${fmt((100 * passing) / results.length)} % (${passing}/${results.length})`);
console.log(`time:                              ${fmt(ms / corpus.length)} ms per dialogue`);
for (const r of results.filter((x) => !x.factsExact)) console.log(`  not exact: ${r.id}: ${r.problems.filter((p) => p.startsWith('fact')).join('; ')}`);
