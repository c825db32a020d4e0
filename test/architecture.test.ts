// Structural rules (issue 10): no import cycles (type-only imports count), nothing under src/
// imports a platform library, no source file over 400 lines.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, findCycles, importGraph, importsOf, tsFiles } from '../scripts/import-cycles.js';

const SOURCE_DIRS = ['src', 'adapters', 'flows'];
const MAX_LINES = 400;
/** Files being split by another engineer (issue 10); printed on every run, to be emptied. */
const KNOWN_TOO_LONG = new Set<string>([]);

describe('architecture', () => {
  it('has no import cycles in src/, adapters/, flows/', () => {
    expect(findCycles(importGraph(tsFiles(SOURCE_DIRS)))).toEqual([]);
  });

  it('finds a cycle when there is one (the checker itself works)', () => {
    const g = new Map([
      [`${ROOT}/a.ts`, [`${ROOT}/b.ts`]],
      [`${ROOT}/b.ts`, [`${ROOT}/a.ts`]],
      [`${ROOT}/c.ts`, [`${ROOT}/a.ts`]],
    ]);
    expect(findCycles(g)).toEqual([['a.ts', 'b.ts']]);
    expect(importsOf(`${ROOT}/src/engine/routes.ts`)).toContain('./choices.js'); // a type-only import is seen
  });

  it('nothing under src/ imports grammY or Koishi', () => {
    const offenders = tsFiles(['src']).flatMap((f) =>
      importsOf(f)
        .filter((s) => /^(grammy|@grammyjs\/|koishi|@koishijs\/|@satorijs\/)/.test(s))
        .map((s) => `${relative(ROOT, f)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it(`no file under src/, adapters/, flows/ is over ${MAX_LINES} lines`, () => {
    const long = tsFiles(SOURCE_DIRS)
      .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines > MAX_LINES);
    const known = long.filter((x) => KNOWN_TOO_LONG.has(x.file));
    if (known.length) console.warn(`known failures (being split, issue 10): ${known.map((x) => `${x.file} (${x.lines} lines)`).join(', ')}`);
    expect(long.filter((x) => !KNOWN_TOO_LONG.has(x.file))).toEqual([]);
  });
});
