// Loads and validates the rule and word lists under src/coaching/rules/ (zod; a bad file stops at load).
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export function loadData<T>(name: string, schema: z.ZodType<T>): T {
  const raw = readFileSync(new URL(`./rules/${name}`, import.meta.url), 'utf8');
  return schema.parse(JSON.parse(raw));
}

/** Compiles the pattern sources of one rule into a single global, case-insensitive regex. */
export function compile(patterns: readonly string[], flags = 'gi'): RegExp {
  return new RegExp(patterns.map((p) => `(?:${p})`).join('|'), flags);
}
