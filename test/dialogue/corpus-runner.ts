// Runs the dialogue corpus (test/fixtures/dialogues/*.jsonl, see its README) through the real
// engine: a fresh app and database per dialogue, the clock fixed at the dialogue's `now`.
// Telegram presses arrive as choice ids (a callback), QQ and terminal presses as the typed
// number of the button in the message it was shown in. Shared by the test and the bench.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeApp, Driver } from '../helpers.js';
import { FLOWS } from '../../flows/index.js';
import { applicableRungs } from '../../src/flow/ladder.js';
import type { Platform, Reply } from '../../src/types.js';

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = join(here, '..', 'fixtures', 'dialogues');
const ZONE = 'Asia/Shanghai';

export interface Turn {
  user?: string;
  expect?: string;
  press?: string;
  press_again?: boolean;
  press_old?: string;
  reply_contains?: string | string[];
  reply_lacks?: string | string[];
}

export interface Dialogue {
  id: string;
  scenario: string;
  platform: Platform;
  now: string;
  tags: string[];
  turns: Turn[];
  expect: {
    cases?: number;
    scenario?: string;
    facts?: Record<string, unknown>;
    contains?: Record<string, string>;
    absent?: string[];
    evidence?: string[];
    rung?: string;
    stage?: string;
    status?: string;
    outcome?: string;
    refunded?: number;
  };
  note?: string;
}

export function loadCorpus(): Dialogue[] {
  const out: Dialogue[] = [];
  for (const f of readdirSync(CORPUS_DIR).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(CORPUS_DIR, f), 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line) as Dialogue);
  }
  return out;
}

export interface RunResult {
  id: string;
  problems: string[];
  /** Replies that asked the same intake question again (re-asks). */
  reasks: number;
  /** Turns from the first message to the end of intake (undefined: intake not completed). */
  intakeTurns?: number;
  /** Whether the case ended with exactly the intended facts (facts, contains, absent). */
  factsExact: boolean;
}

const asList = (x: string | string[] | undefined) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const replyText = (rs: Reply[]) => rs.map((r) => [r.text, r.document?.title, r.document?.body].filter(Boolean).join('\n')).join('\n---\n');

/** A stored time as the corpus writes it: a day stays a day, a moment is local YYYY-MM-DDTHH:mm. */
function localTime(v: unknown): unknown {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return v;
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(v))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

export function runDialogue(dlg: Dialogue): RunResult {
  const app = makeApp({}, new Date(dlg.now));
  const problems: string[] = [];
  let reasks = 0;
  let intakeTurns: number | undefined;
  try {
    const d = new Driver(app, 'u1', dlg.platform);
    /** Every bot message so far, by turn. */
    const turns: Reply[][] = [];
    let lastPress: (() => Reply[]) | undefined;
    let started = false;
    let turnCount = 0;
    const find = (label: string, msgs: Reply[][]): { reply: Reply; index: number } | undefined => {
      for (let t = msgs.length - 1; t >= 0; t--) {
        for (let r = msgs[t].length - 1; r >= 0; r--) {
          const i = msgs[t][r].choices?.findIndex((c) => c.label === label) ?? -1;
          if (i >= 0) return { reply: msgs[t][r], index: i };
        }
      }
      return undefined;
    };
    const pressFound = (hit: { reply: Reply; index: number }, old: boolean): (() => Reply[]) => {
      const c = hit.reply.choices![hit.index];
      if (dlg.platform === 'telegram') return () => d.press(c.id);
      // QQ and terminal: the number shown beside the button; an old button is typed as its label.
      const typed = old ? c.label : String(hit.index + 1);
      return () => d.say(typed);
    };
    for (const [n, turn] of dlg.turns.entries()) {
      let act: (() => Reply[]) | undefined;
      if (turn.user !== undefined) act = () => d.say(turn.user!);
      else if (turn.press !== undefined) {
        const hit = find(turn.press, turns.slice(-1));
        if (!hit) {
          problems.push(`turn ${n}: no button "${turn.press}" in the latest message: ${JSON.stringify(turns[turns.length - 1]?.map((r) => r.choices?.map((c) => c.label)))}`);
          break;
        }
        act = lastPress = pressFound(hit, false);
      } else if (turn.press_again) {
        if (!lastPress) {
          problems.push(`turn ${n}: press_again with no press before`);
          break;
        }
        act = lastPress;
      } else if (turn.press_old !== undefined) {
        const hit = find(turn.press_old, turns.slice(0, -1));
        if (!hit) {
          problems.push(`turn ${n}: no old button "${turn.press_old}"`);
          break;
        }
        act = pressFound(hit, true);
      }
      if (!act) continue;
      const before = d.activeCase();
      const replies = act();
      turns.push(replies);
      const after = d.activeCase();
      if (after) started = true;
      if (started) turnCount++;
      if (before && after && before.id === after.id && after.state.stage === 'intake' && after.state.q === before.state.q && after.state.reasks > before.state.reasks) reasks++;
      if (intakeTurns === undefined && before?.state.stage === 'intake' && after && after.state.stage !== 'intake') intakeTurns = turnCount;
      const text = replyText(replies);
      for (const s of asList(turn.reply_contains)) if (!text.includes(s)) problems.push(`turn ${n} (${turn.user ?? turn.press ?? turn.press_old ?? 'again'}): reply lacks "${s}": ${text.slice(0, 300)}`);
      for (const s of asList(turn.reply_lacks)) if (text.includes(s)) problems.push(`turn ${n} (${turn.user ?? turn.press ?? turn.press_old ?? 'again'}): reply contains "${s}": ${text.slice(0, 300)}`);
    }
    const e = dlg.expect;
    const u = app.db.prepare(`SELECT id FROM users WHERE platform = ? AND platform_user_id = ?`).get(dlg.platform, 'u1') as { id: number } | undefined;
    const cases = u ? app.engine.repo.casesOf(u.id) : [];
    const c = d.activeCase() ?? [...cases].sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id)[0];
    if (e.cases !== undefined && cases.length !== e.cases) problems.push(`cases: ${cases.length}, expected ${e.cases}`);
    let factsOk = true;
    if (!c) {
      problems.push('no case');
      factsOk = false;
    } else {
      if (e.scenario && c.scenario !== e.scenario) problems.push(`scenario: ${c.scenario}`);
      for (const [k, v] of Object.entries(e.facts ?? {})) {
        const got = localTime(c.facts[k]);
        if (got !== v && !(v === null && got === null)) {
          problems.push(`fact ${k}: ${JSON.stringify(c.facts[k])}, expected ${JSON.stringify(v)}`);
          factsOk = false;
        }
      }
      for (const [k, v] of Object.entries(e.contains ?? {})) {
        const got = c.facts[k];
        if (typeof got !== 'string' || !got.includes(v)) {
          problems.push(`fact ${k}: ${JSON.stringify(got)} lacks "${v}"`);
          factsOk = false;
        }
      }
      for (const k of e.absent ?? []) {
        if (c.facts[k] !== undefined) {
          problems.push(`fact ${k} set: ${JSON.stringify(c.facts[k])}`);
          factsOk = false;
        }
      }
      for (const item of e.evidence ?? []) if (!c.state.evidence[item]) problems.push(`evidence ${item} not ticked`);
      if (e.rung) {
        const rungs = applicableRungs(FLOWS[c.scenario], c.facts, app.config);
        const at = c.state.stage === 'ladder' || c.state.stage === 'closed' ? rungs[Math.min(c.state.rung, rungs.length - 1)] : `(stage ${c.state.stage})`;
        if (at !== e.rung) problems.push(`rung: ${at}, expected ${e.rung}`);
      }
      if (e.stage && c.state.stage !== e.stage) problems.push(`stage: ${c.state.stage}`);
      if (e.status && c.status !== e.status) problems.push(`status: ${c.status}`);
      if (e.outcome && c.outcome !== e.outcome) problems.push(`outcome: ${c.outcome}`);
      if (e.refunded !== undefined && c.refundedAmount !== e.refunded) problems.push(`refunded: ${c.refundedAmount}`);
    }
    return { id: dlg.id, problems, reasks, intakeTurns, factsExact: factsOk };
  } finally {
    app.close();
  }
}
