// Batch interface: JSON lines {"text": string, "now"?: ISO 8601} on stdin, one JSON
// line per input on stdout. Zone from BOT_TIMEZONE (default Asia/Shanghai).
//   echo '{"text":"昨天下午用支付宝充了100块Q币，没到账"}' | npm run --silent nlu
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { inZone } from '../time/zone.js';
import { ConfigError, loadConfig } from '../config.js';
import { understand, type Understanding } from './understand.js';

export interface CliOutput {
  scenario: Understanding['scenario'];
  confidence: number;
  entities: Omit<Understanding['entities'], 'occurredAt' | 'occurredAtPrecision'> & { occurredAt?: string };
}

/** ISO 8601 with the zone's offset, e.g. 2026-11-20T15:00:00+08:00. */
export function isoInZone(d: Date, zone: string): string {
  return inZone(d, zone).toISOString().replace(/\.\d{3}(?=[+-]|Z)/, '');
}

/** Handles one input line; never throws. */
export function processLine(line: string, zone: string, clock: () => Date = () => new Date()): CliOutput | { error: string } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (e) {
    return { error: `invalid JSON: ${(e as Error).message}` };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { error: 'expected a JSON object' };
  const { text, now } = input as { text?: unknown; now?: unknown };
  if (typeof text !== 'string') return { error: '"text" must be a string' };
  let at = clock();
  if (now !== undefined) {
    if (typeof now !== 'string' || Number.isNaN(Date.parse(now))) return { error: '"now" must be an ISO 8601 time' };
    at = new Date(now);
  }
  const u = understand(text, at, zone);
  // The batch format lists the fields of issue 6 only; precision stays in the API.
  const { occurredAt, occurredAtPrecision: _precision, ...rest } = u.entities;
  const entities: CliOutput['entities'] = { ...rest };
  if (occurredAt) entities.occurredAt = isoInZone(occurredAt, zone);
  return { scenario: u.scenario, confidence: u.confidence, entities };
}

async function main(): Promise<void> {
  let zone: string;
  try {
    zone = loadConfig().BOT_TIMEZONE;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(processLine(line, zone))}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
