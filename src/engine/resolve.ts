// Which choice an inbound is: a pressed button, or a typed number / label of the choices the
// user last saw. The result is still an encoded id; the engine decodes it (choices.ts).
import type { Config } from '../config.js';
import type { Choice, Inbound, Reply } from '../types.js';
import { followUpMessage } from '../followups/messages.js';
import type { Repo } from './repo.js';
import { encodeChoice } from './choices.js';
import type { SessionState } from './session.js';

export interface ResolveDeps {
  repo: Repo;
  config: Config;
  canSendProactively(platform: Inbound['platform']): boolean;
}

/**
 * A bare number picks one of the last choices, except when they were only the 跳过 offered with
 * a typed question (an amount, a count, a time…): then "1" is an answer, not a choice.
 */
export function numberedChoices(last: Reply | undefined): boolean {
  if (!last?.choices?.length) return false;
  return !(last.choices.length === 1 && last.choices[0].id === encodeChoice({ kind: 'skip' }));
}

/**
 * The choices the user last saw: a reminder fired after their last message (its choices are
 * rebuilt, not stored, so firing costs no session write), or the engine's own last reply.
 */
function lastSeenChoices(d: ResolveDeps, inbound: Inbound, userId: number, state: SessionState, sessionUpdatedAt: number): { choices: Choice[]; numbered: boolean } {
  // Where reminders are held for the next reply (official QQ), the user has not seen one yet.
  const fired = d.canSendProactively(inbound.platform) ? d.repo.lastFiredFollowUp(userId, sessionUpdatedAt) : undefined;
  if (fired) {
    const reply = followUpMessage({ ...fired, dueAt: new Date(fired.dueAt) }, new Date(fired.firedAt), d.config.BOT_TIMEZONE, d.config);
    if (reply?.choices?.length) return { choices: reply.choices, numbered: true };
  }
  return { choices: state.lastChoices ?? [], numbered: !!state.numbered };
}

export function resolveChoice(d: ResolveDeps, inbound: Inbound, userId: number, state: SessionState, sessionUpdatedAt: number): string | undefined {
  if (inbound.choice) return inbound.choice;
  const text = (inbound.text ?? '').trim();
  // Choices are short labels or numbers; longer text is never a choice (and skips the lookup).
  if (!text || text.length > 24) return undefined;
  const seen = lastSeenChoices(d, inbound, userId, state, sessionUpdatedAt);
  const choices = seen.choices;
  if (!choices.length) return undefined;
  if (seen.numbered && /^\d{1,2}$/.test(text)) {
    const n = Number(text);
    if (n >= 1 && n <= choices.length) return choices[n - 1].id;
  }
  const norm = (s: string) => s.replace(/[\s，,。.！!？?：:（）()「」]/g, '').toLowerCase();
  return choices.find((c) => norm(c.label) === norm(text))?.id;
}
