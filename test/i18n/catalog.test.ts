// Every locale key the code names literally exists, and no key is defined twice with different text
// (a later file would silently win). Template keys (`rung.${id}.title`) are checked where they are used.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { has } from '../../src/i18n/index.js';
import '../../src/dialogue/messages.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const localeDir = join(root, 'src/i18n/zh-CN');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Keys passed literally to t(), has(), msg() or a key list msg([...]). */
function literalKeys(code: string): string[] {
  const keys: string[] = [];
  // A file with its own has/t/msg (e.g. has(factKey)) is not calling the catalogue's.
  const local = new Set(['t', 'has', 'msg'].filter((n) => new RegExp(`(?:const|function|let)\\s+${n}\\b`).test(code)));
  for (const m of code.matchAll(/\b(t|has|msg)\(\s*'([a-z][\w.]*)'/g)) if (!local.has(m[1])) keys.push(m[2]);
  for (const m of code.matchAll(/\bmsg\(\s*\[([^\]]*)\]/g)) {
    for (const k of m[1].matchAll(/(?:^|,)\s*'([a-z][\w.]*)'/g)) keys.push(k[1]);
  }
  return keys;
}

describe('locale catalogue', () => {
  it('has every key the code names literally', async () => {
    // Modules that register their own keys with addMessages are loaded by the app; load them here too.
    await import('../../src/app.js');
    await import('../../adapters/telegram/bot.js');
    await import('../../adapters/qq/messages.js');
    const missing: string[] = [];
    for (const file of [...sources(join(root, 'src')), ...sources(join(root, 'adapters')), ...sources(join(root, 'flows'))]) {
      if (file.startsWith(localeDir)) continue;
      for (const key of literalKeys(readFileSync(file, 'utf8'))) {
        if (!has(key)) missing.push(`${file.slice(root.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('defines no key twice with different text', async () => {
    const seen = new Map<string, { file: string; text: unknown }>();
    const clashes: string[] = [];
    for (const name of readdirSync(localeDir).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(join(localeDir, name))) as Record<string, unknown>;
      const table = mod.default;
      if (!table || typeof table !== 'object') continue;
      for (const [key, text] of Object.entries(table as Record<string, unknown>)) {
        const before = seen.get(key);
        if (before && before.text !== text) clashes.push(`${key}: ${before.file} vs ${name}`);
        seen.set(key, { file: name, text });
      }
    }
    expect(clashes).toEqual([]);
  });
});
