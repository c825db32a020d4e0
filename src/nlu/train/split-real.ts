// Splits test/fixtures/real/complaints.jsonl once, at random with a fixed seed, into a fixed test
// part (about a third; listed in test/fixtures/real/test-split.json, never trained or tuned on)
// and a train/tune part. Run it only to (re)create the split file: `tsx src/nlu/train/split-real.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../learn/random.js';

const SEED = 20261130;
const file = fileURLToPath(new URL('../../../test/fixtures/real/complaints.jsonl', import.meta.url));
const out = fileURLToPath(new URL('../../../test/fixtures/real/test-split.json', import.meta.url));
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
const idx = lines.map((_, i) => i);
const rnd = mulberry32(SEED);
for (let i = idx.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [idx[i], idx[j]] = [idx[j]!, idx[i]!];
}
const testCount = Math.round(lines.length / 3);
const test = idx.slice(0, testCount).sort((a, b) => a - b);
writeFileSync(
  out,
  JSON.stringify(
    {
      file: 'complaints.jsonl',
      seed: SEED,
      note: 'Fixed test part: 1-based line numbers of complaints.jsonl and their full texts (the loader matches by text). Never train or tune on these lines.',
      testLines: test.map((i) => i + 1),
      testTexts: test.map((i) => (JSON.parse(lines[i]!) as { text: string }).text),
    },
    null,
    1,
  ) + '\n',
);
console.log(`${test.length} test / ${lines.length - test.length} train`);
