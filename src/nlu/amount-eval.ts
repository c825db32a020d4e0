// The real amount set (test/fixtures/real-amounts): consumer messages with numbers in them, collected
// for the amount entity (issue 13 item 4). Split by a hash of the text, one in three to a fixed part
// that is never used for tuning; scored with understand() as the engine reads a first message.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { understand } from './understand.js';
import { hash32, REAL_DEFAULT_NOW } from './evaluate.js';

export const AMOUNT_DIR = fileURLToPath(new URL('../../test/fixtures/real-amounts/', import.meta.url));

export interface AmountMessage {
  text: string;
  now?: string;
  source: string;
  scenario: string;
  entities: { amount?: number; paymentMethod?: string };
  /** Other defensible readings of the sum paid (the collector's note says why). */
  amountAlt?: number[];
  file: string;
}

export function loadAmountSet(dir = AMOUNT_DIR): { fixed: AmountMessage[]; dev: AmountMessage[] } {
  const out = { fixed: [] as AmountMessage[], dev: [] as AmountMessage[] };
  if (!existsSync(dir)) return out;
  const seen = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(`${dir}/${name}`, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const m = { ...(JSON.parse(line) as Omit<AmountMessage, 'file'>), file: name };
      if (seen.has(m.text)) continue;
      seen.add(m.text);
      (hash32(m.text) % 3 === 0 ? out.fixed : out.dev).push(m);
    }
  }
  return out;
}

export interface AmountReport {
  total: number;
  /** labelled = messages with a sum paid; right = reported and equal to it; lenient also accepts amountAlt. */
  amount: { labelled: number; predicted: number; right: number; rightLenient: number };
  paymentMethod: { labelled: number; predicted: number; right: number };
  mistakes: { text: string; field: string; want: unknown; got: unknown; alt?: number[] }[];
}

export function evaluateAmounts(set: AmountMessage[], zone: string): AmountReport {
  const r: AmountReport = { total: set.length, amount: { labelled: 0, predicted: 0, right: 0, rightLenient: 0 }, paymentMethod: { labelled: 0, predicted: 0, right: 0 }, mistakes: [] };
  for (const m of set) {
    const e = understand(m.text, new Date(m.now ?? REAL_DEFAULT_NOW), zone).entities;
    const want = m.entities.amount;
    const near = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && Math.abs(a - b) < 0.005;
    if (want !== undefined) r.amount.labelled++;
    if (e.amount !== undefined) {
      r.amount.predicted++;
      if (near(e.amount, want)) r.amount.right++;
      if (near(e.amount, want) || (m.amountAlt ?? []).some((x) => near(e.amount, x))) r.amount.rightLenient++;
    }
    if (!near(e.amount, want) && (want !== undefined || e.amount !== undefined)) r.mistakes.push({ text: m.text, field: 'amount', want, got: e.amount, alt: m.amountAlt });
    const pw = m.entities.paymentMethod;
    if (pw !== undefined) r.paymentMethod.labelled++;
    if (e.paymentMethod !== undefined) r.paymentMethod.predicted++;
    if (pw !== undefined && e.paymentMethod === pw) r.paymentMethod.right++;
    else if (pw !== undefined || e.paymentMethod !== undefined) r.mistakes.push({ text: m.text, field: 'paymentMethod', want: pw, got: e.paymentMethod });
  }
  return r;
}
