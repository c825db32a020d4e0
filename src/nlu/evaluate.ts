// Scores understand() against a labelled JSONL corpus. Shared by the accuracy test
// and bench/nlu.bench.ts so both report the same figures.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScenarioOrOther } from '../types.js';
import { SCENARIOS } from '../types.js';
import { wallClock } from '../time/zone.js';
import { understand, type Entities, type Understanding } from './understand.js';

export interface LabelledMessage {
  text: string;
  /** Post time; real messages may lack it (then a fixed reference time is used). */
  now: string;
  scenario: ScenarioOrOther;
  /** Other labels a reasonable reader would accept (real messages). */
  alt?: ScenarioOrOther[];
  /** Where a real message was published. */
  source?: string;
  /** The fixtures file a real message was read from (loadReal). */
  file?: string;
  /**
   * Expected entities. occurredAt is "YYYY-MM" (month known), "YYYY-MM-DD" (day known)
   * or a full ISO 8601 time with offset (compared to the minute).
   */
  entities: {
    amount?: number;
    orderId?: string;
    paymentMethod?: string;
    occurredAt?: string;
    platform?: string;
    merchant?: string;
    chargeCount?: number;
  };
}

export const ENTITY_KEYS = ['amount', 'orderId', 'paymentMethod', 'occurredAt', 'platform', 'merchant', 'chargeCount'] as const;
export type EntityKey = (typeof ENTITY_KEYS)[number];
export const LABELS: readonly ScenarioOrOther[] = [...SCENARIOS, 'other'];

export interface EntityScore {
  /** Messages where the prediction equals the label, absence included. */
  correct: number;
  total: number;
  /** Messages that carry this entity, and how many of them were found exactly. */
  labelled: number;
  found: number;
  /** Predicted where the label has none. */
  falsePositives: number;
}

export interface Mistake {
  text: string;
  field: string;
  want: unknown;
  got: unknown;
}

export interface Report {
  total: number;
  scenarioCorrect: number;
  perScenario: Record<string, { correct: number; total: number }>;
  /** confusion[want][got] */
  confusion: Record<string, Record<string, number>>;
  entities: Record<EntityKey, EntityScore>;
  mistakes: Mistake[];
}

export function loadCorpus(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledMessage);
}

/** Reference time for real messages without a post date. */
export const REAL_DEFAULT_NOW = '2026-01-01T12:00:00+08:00';
export const REAL_DIR = fileURLToPath(new URL('../../test/fixtures/real/', import.meta.url));

/** FNV-1a of a string: the split of real files without a listed test part. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface RealSets {
  /** Fixed test part: never trained or tuned on. */
  test: LabelledMessage[];
  /** Train/tune part. */
  train: LabelledMessage[];
}

/**
 * Real messages in test/fixtures/real/*.jsonl ({text, now?, source, scenario, alt?, entities}).
 * complaints.jsonl is split by the list in test-split.json (seeded, see src/nlu/train/split-real.ts);
 * any other file (e.g. collected.jsonl) is split by a hash of the text: one in three to the test part.
 * Duplicate texts are kept once (first file in name order wins).
 */
export function loadReal(dir = REAL_DIR): RealSets {
  const out: RealSets = { test: [], train: [] };
  if (!existsSync(dir)) return out;
  const splitFile = `${dir}/test-split.json`;
  const listed = existsSync(splitFile)
    ? new Set((JSON.parse(readFileSync(splitFile, 'utf8')) as { testTexts: string[] }).testTexts)
    : new Set<string>();
  const seen = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const raw of loadCorpus(`${dir}/${name}`) as Partial<LabelledMessage>[]) {
      if (typeof raw.text !== 'string' || !raw.scenario || seen.has(raw.text)) continue;
      seen.add(raw.text);
      const m: LabelledMessage = {
        ...(raw as LabelledMessage),
        now: raw.now ?? REAL_DEFAULT_NOW,
        entities: raw.entities ?? {},
        alt: raw.alt ?? [],
        file: name,
      };
      const isTest = name === 'complaints.jsonl' ? listed.has(m.text) : hash32(m.text) % 3 === 0;
      (isTest ? out.test : out.train).push(m);
    }
  }
  return out;
}

function localParts(d: Date, zone: string): string {
  const w = wallClock(d, zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`; // YYYY-MM-DDTHH:mm
}

export function sameWhen(want: string, got: Date | undefined, zone: string): boolean {
  if (!got) return false;
  const local = localParts(got, zone);
  if (/^\d{4}-\d{2}$/.test(want)) return local.slice(0, 7) === want;
  if (/^\d{4}-\d{2}-\d{2}$/.test(want)) return local.slice(0, 10) === want;
  return Math.abs(new Date(want).getTime() - got.getTime()) < 60_000;
}

function entityMatches(key: EntityKey, want: unknown, got: Entities, zone: string): boolean {
  const g = got[key];
  if (want === undefined) return g === undefined;
  if (g === undefined) return false;
  switch (key) {
    case 'amount':
      return Math.abs((g as number) - (want as number)) < 0.005;
    case 'occurredAt':
      return sameWhen(want as string, g as Date, zone);
    case 'orderId':
    case 'platform':
    case 'merchant':
      return String(g).toLowerCase().trim() === String(want).toLowerCase().trim();
    default:
      return g === want;
  }
}

export function evaluate(corpus: LabelledMessage[], zone: string): Report {
  const perScenario: Report['perScenario'] = {};
  const confusion: Report['confusion'] = {};
  for (const a of LABELS) {
    perScenario[a] = { correct: 0, total: 0 };
    confusion[a] = {};
    for (const b of LABELS) confusion[a][b] = 0;
  }
  const entities = Object.fromEntries(
    ENTITY_KEYS.map((k) => [k, { correct: 0, total: 0, labelled: 0, found: 0, falsePositives: 0 }]),
  ) as Record<EntityKey, EntityScore>;
  const mistakes: Mistake[] = [];
  let scenarioCorrect = 0;

  for (const m of corpus) {
    const u: Understanding = understand(m.text, new Date(m.now), zone);
    perScenario[m.scenario].total++;
    confusion[m.scenario][u.scenario]++;
    if (u.scenario === m.scenario) {
      scenarioCorrect++;
      perScenario[m.scenario].correct++;
    } else {
      mistakes.push({ text: m.text, field: 'scenario', want: m.scenario, got: u.scenario });
    }
    for (const k of ENTITY_KEYS) {
      const want = m.entities[k];
      const score = entities[k];
      score.total++;
      const ok = entityMatches(k, want, u.entities, zone);
      if (ok) score.correct++;
      if (want !== undefined) {
        score.labelled++;
        if (ok) score.found++;
      } else if (u.entities[k] !== undefined) {
        score.falsePositives++;
      }
      if (!ok) {
        const got = u.entities[k];
        mistakes.push({
          text: m.text,
          field: k,
          want,
          got: got instanceof Date ? localParts(got, zone) : got,
        });
      }
    }
  }
  return { total: corpus.length, scenarioCorrect, perScenario, confusion, entities, mistakes };
}

/** Entities the real sets label (amount in yuan, payment channel, order id, debit count). */
export const REAL_ENTITY_KEYS = ['amount', 'paymentMethod', 'orderId', 'chargeCount'] as const;

export interface RealReport {
  total: number;
  exact: number;
  /** Exact or one of the message's acceptable alternatives. */
  acceptable: number;
  threshold: number;
  /** Wrong (not even acceptable), a complaint scenario, confidence ≥ threshold: the bot would not ask. */
  confidentErrors: number;
  /** Wrong with confidence ≥ threshold, 'other' included. */
  confidentWrongAny: number;
  /** Acceptable complaint readings (not 'other'), and how many of them fall below the threshold. */
  correctComplaint: number;
  askedOnCorrect: number;
  /** Per label: recall = right / labelled, precision = right / predicted (exact). */
  perClass: Record<string, { labelled: number; predicted: number; right: number }>;
  confusion: Record<string, Record<string, number>>;
  /** Reliability: per confidence bin, readings, mean confidence, exact and acceptable counts. */
  reliability: { lo: number; hi: number; n: number; meanConf: number; exact: number; acceptable: number }[];
  /** Per entity: labelled, predicted, right (predicted and equal to the label). */
  entities: Record<(typeof REAL_ENTITY_KEYS)[number], { labelled: number; predicted: number; right: number }>;
  mistakes: Mistake[];
}

const BINS = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001];

/** Scores real messages: exact and acceptable accuracy, calibration and entity precision/recall. */
export function evaluateReal(corpus: LabelledMessage[], zone: string, threshold: number): RealReport {
  const perClass: RealReport['perClass'] = {};
  const confusion: RealReport['confusion'] = {};
  for (const a of LABELS) {
    perClass[a] = { labelled: 0, predicted: 0, right: 0 };
    confusion[a] = {};
    for (const b of LABELS) confusion[a][b] = 0;
  }
  const reliability = BINS.slice(0, -1).map((lo, i) => ({ lo, hi: Math.min(1, BINS[i + 1]), n: 0, meanConf: 0, exact: 0, acceptable: 0 }));
  const entities = Object.fromEntries(REAL_ENTITY_KEYS.map((k) => [k, { labelled: 0, predicted: 0, right: 0 }])) as RealReport['entities'];
  const mistakes: Mistake[] = [];
  const r = { exact: 0, acceptable: 0, confidentErrors: 0, confidentWrongAny: 0, correctComplaint: 0, askedOnCorrect: 0 };
  for (const m of corpus) {
    const u = understand(m.text, new Date(m.now), zone);
    const exact = u.scenario === m.scenario;
    const ok = exact || (m.alt ?? []).includes(u.scenario);
    perClass[m.scenario].labelled++;
    perClass[u.scenario].predicted++;
    confusion[m.scenario][u.scenario]++;
    if (exact) {
      r.exact++;
      perClass[m.scenario].right++;
    } else {
      mistakes.push({ text: m.text, field: ok ? 'scenario (acceptable)' : 'scenario', want: m.scenario, got: `${u.scenario} ${u.confidence}` });
    }
    if (ok) r.acceptable++;
    const confident = u.confidence >= threshold;
    if (!ok && confident && u.scenario !== 'other') r.confidentErrors++;
    if (!ok && confident) r.confidentWrongAny++;
    if (ok && u.scenario !== 'other') {
      r.correctComplaint++;
      if (!confident) r.askedOnCorrect++;
    }
    const bin = reliability.find((b, i) => u.confidence >= b.lo && (u.confidence < BINS[i + 1]))!;
    bin.n++;
    bin.meanConf += u.confidence;
    if (exact) bin.exact++;
    if (ok) bin.acceptable++;
    for (const k of REAL_ENTITY_KEYS) {
      const want = m.entities[k];
      const got = u.entities[k];
      const e = entities[k];
      if (want !== undefined) e.labelled++;
      if (got !== undefined) e.predicted++;
      if (want !== undefined && got !== undefined && entityMatches(k, want, u.entities, zone)) e.right++;
      else if (want !== undefined || got !== undefined) mistakes.push({ text: m.text, field: k, want, got });
    }
  }
  for (const b of reliability) if (b.n) b.meanConf /= b.n;
  return { total: corpus.length, ...r, threshold, perClass, confusion, reliability, entities, mistakes };
}
