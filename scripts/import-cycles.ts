// Lists import cycles among the project's TypeScript files (type-only imports count), using the
// TypeScript compiler's own import scanner. Run: npx tsx scripts/import-cycles.ts [dirs…]
// (default: src adapters flows). Exit code 1 when there is a cycle. test/architecture.test.ts
// runs the same check.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every .ts file under the given directories (relative to the repository root). */
export function tsFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const d of dirs) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  return out.sort();
}

/** The module specifiers a file imports or re-exports (static and dynamic, type-only included). */
export function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** Relative imports resolved to files: "./x.js" → x.ts, "./dir" → dir/index.ts. */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const p of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) if (existsSync(p) && statSync(p).isFile()) return p;
  return undefined;
}

export function importGraph(files: readonly string[]): Map<string, string[]> {
  const set = new Set(files);
  const g = new Map<string, string[]>();
  for (const f of files) g.set(f, importsOf(f).map((s) => resolveImport(f, s)).filter((p): p is string => !!p && set.has(p)));
  return g;
}

/** Each cycle once, as a list of paths relative to the repository root (Tarjan's strongly connected components). */
export function findCycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (g.get(v) ?? []).includes(v)) out.push(comp.map((p) => relative(ROOT, p)).sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  const cycles = findCycles(importGraph(tsFiles(dirs.length ? dirs : ['src', 'adapters', 'flows'])));
  for (const c of cycles) console.log(`cycle: ${c.join(' ↔ ')}`);
  console.log(cycles.length ? `${cycles.length} cycle(s)` : 'no import cycles');
  process.exitCode = cycles.length ? 1 : 0;
}
