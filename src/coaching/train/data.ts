// Training data for the coaching models: the DEV split of the labelled sets in
// test/fixtures/coaching/ (the test split is never returned here) plus the examples written
// by the detector author in src/coaching/train/written-*.jsonl (never used as measurement).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Item {
  text: string;
  label: string;
  amount?: number;
  alt?: string;
  reasons?: string[];
  kind?: string;
  written?: boolean;
}

export type SetName = 'tone' | 'scam' | 'fabrication' | 'seller';

const FIXTURE: Record<SetName, string> = {
  tone: 'tone-drafts.jsonl',
  scam: 'scam-messages.jsonl',
  fabrication: 'fabrication-questions.jsonl',
  seller: 'seller-replies.jsonl',
};

function readJsonl(path: string): Array<Record<string, unknown>> {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
}

function toItem(r: Record<string, unknown>, written: boolean): Item {
  return {
    text: String(r.text),
    label: String(r.label),
    amount: typeof r.amount === 'number' ? r.amount : undefined,
    alt: typeof r.alt === 'string' ? r.alt : undefined,
    reasons: Array.isArray(r.reasons) ? r.reasons.map(String) : undefined,
    kind: typeof r.kind === 'string' ? r.kind : undefined,
    written,
  };
}

/** The dev split of one labelled set (the test split is filtered out here, always). */
export function devSet(name: SetName, dir: string = fileURLToPath(new URL('../../../test/fixtures/coaching/', import.meta.url))): Item[] {
  return readJsonl(`${dir}/${FIXTURE[name]}`).filter((r) => r.split === 'dev').map((r) => toItem(r, false));
}

/** Examples written by the detector author for vocabulary (src/coaching/train/written-<name>.jsonl). */
export function writtenSet(name: SetName): Item[] {
  return readJsonl(fileURLToPath(new URL(`./written-${name}.jsonl`, import.meta.url))).map((r) => toItem(r, true));
}

/** Stratified k folds (deterministic: items of each label dealt round-robin in file order). */
export function folds<T extends { label: string }>(items: T[], k: number): number[] {
  const seen = new Map<string, number>();
  return items.map((it) => {
    const n = seen.get(it.label) ?? 0;
    seen.set(it.label, n + 1);
    return n % k;
  });
}
