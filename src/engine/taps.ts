// Idempotent taps (issue 11): a button pressed twice, or an old button from a message already
// answered, must not open a second case, skip a step or answer a question twice.
//
// Telegram sends no message id the engine could compare with its own replies, and QQ and the
// terminal only have typed numbers, so the session remembers two things:
//   - `done`: the one-shot choices already handled (id + label), until a newer message shows
//     them again. A press of one that is neither in the latest message nor shown again since is
//     an old button.
//   - `lastTap`: the last choice handled (id, the typed text that named it, when). The same choice
//     again within DOUBLE_TAP_MS — the same callback data twice, or the same number typed twice —
//     is a double tap. It is answered once as such and then forgotten, so a third, deliberate
//     press of a button with the same label in the newer message counts.
import type { Choice, Inbound } from '../types.js';
import { decodeChoice, type ChoiceKind } from './choices.js';
import { foldKey } from '../dialogue/index.js';

export const DOUBLE_TAP_MS = 10_000;
const DONE_MAX = 40;

/** Kinds whose press changes the case once: answering, starting, moving on. */
const ONE_SHOT: ReadonlySet<ChoiceKind> = new Set(['scenario', 'answer', 'skip', 'evidence', 'evidence_done', 'rung', 'understand', 'close', 'delete', 'fix']);

// A ladder button's label (没用，看下一步) is shown again on every step: typed after a side command it
// names the current step's button (builtins.ts), not an old one.
const LABEL_STALE: ReadonlySet<ChoiceKind> = new Set(['scenario', 'understand', 'evidence_done']);

export interface TapMemory {
  done?: Choice[];
  lastTap?: { id?: string; text?: string; at: number };
}

/** A number typed again within this is the same number sent twice, not an answer to the step that came between. */
export const DOUBLE_SEND_MS = 1_000;

/** A ladder button without the step it was shown on (r:next:1 → r:next). */
const unstamped = (id: string) => id.replace(/^(r:(?:next|sent|resume)):\d+$/, '$1');

const oneShot = (id: string | undefined) => {
  const c = decodeChoice(id);
  return !!c && ONE_SHOT.has(c.kind);
};

/** Whether this inbound is a repeated or stale press (answer "这个按钮已经处理过了" + the current question). */
export function isStaleTap(mem: TapMemory, shown: readonly Choice[], inbound: Inbound, id: string | undefined, now: Date): boolean {
  const recent = mem.lastTap && now.getTime() - mem.lastTap.at <= DOUBLE_TAP_MS ? mem.lastTap : undefined;
  const typed = inbound.choice ? undefined : foldKey(inbound.text ?? '');
  // An old button typed as its whole label, while no button of the latest message has that label.
  // (Only menu-like buttons: an option's short label such as 没用 may well be typed again as a new answer.)
  if (typed && mem.done?.some((c) => LABEL_STALE.has(decodeChoice(c.id)?.kind ?? 'menu') && foldKey(c.label) === typed) && !shown.some((c) => foldKey(c.label) === typed)) return true;
  if (id !== undefined) {
    if (!oneShot(id)) return false;
    // A press: the same callback data. Typed: the same words naming the same button. A ladder
    // button carries its step (r:next:1): typed again on the next step's list it names that step's
    // own button, a new answer (explore3 F8) — the label (没用，看下一步) however soon it comes. A bare
    // number is QQ's and the terminal's button: the same number again within DOUBLE_SEND_MS, too
    // soon to have read the new step, is one number sent twice (the dialogue corpus's double tap).
    const sameSend = (a: string) => a === id || (unstamped(a) === unstamped(id) && /^\d+$/.test(typed ?? '') && now.getTime() - recent!.at <= DOUBLE_SEND_MS);
    if (recent && (inbound.choice !== undefined ? recent.id === id : recent.text === typed && recent.id !== undefined && sameSend(recent.id))) return true;
    // An old button: handled before, not in the latest message.
    return inbound.choice !== undefined && !shown.some((c) => c.id === id) && !!mem.done?.some((c) => c.id === id);
  }
  if (!typed) return false;
  // The same number or label typed again right after it was handled, now naming nothing.
  if (recent?.text === typed && recent.id !== undefined && oneShot(recent.id)) return true;
  return false;
}

/** Remembers a handled choice (or forgets the last one after a double tap was answered). */
export function rememberTap(mem: TapMemory, shown: readonly Choice[], inbound: Inbound, id: string | undefined, now: Date, stale: boolean): TapMemory {
  if (stale) return { done: mem.done, lastTap: undefined };
  const typed = inbound.choice ? undefined : foldKey(inbound.text ?? '');
  if (id === undefined) return { done: mem.done, lastTap: undefined };
  const label = shown.find((c) => c.id === id)?.label ?? '';
  const done = oneShot(id) ? [...(mem.done ?? []).filter((c) => c.id !== id), { id, label }].slice(-DONE_MAX) : mem.done;
  return { done, lastTap: { id, text: typed, at: now.getTime() } };
}

/** A newer message showing a choice again makes it pressable again. */
export function shownAgain(mem: TapMemory, shown: readonly Choice[]): Choice[] | undefined {
  if (!mem.done) return undefined;
  const ids = new Set(shown.map((c) => c.id));
  return mem.done.filter((c) => !ids.has(c.id));
}
