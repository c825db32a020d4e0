// Message descriptors: what the step says, as data. A reply is a locale key plus parameters
// (parameters may themselves be descriptors), lines joined, a date or amount to format, or a
// literal (the user's own words). Choices are codec values (src/engine/choices.ts), not ids.
// Nothing here touches the locale catalogue: src/engine/render.ts turns descriptors into the
// Reply adapters receive, in one place, after the step.
import type { ChoiceValue } from '../engine/choices.js';

export type Param = string | number | null | undefined | Text;

export type Text =
  /** Literal text, shown as it is (user input, a check mark). */
  | string
  /**
   * A locale key filled with params. With several keys the first present in the catalogue is used
   * (a scenario's own wording before the shared one); `else` is shown when none is present.
   */
  | { key: string | readonly string[]; params?: Readonly<Record<string, Param>>; else?: string }
  /** Parts joined with `sep`; empty parts are kept (as before). */
  | { join: readonly Text[]; sep: string }
  /** A moment (ISO) or a day (YYYY-MM-DD) in the zone; `deadline` adds the 调休-estimate note. `now` (ISO) decides "this year"; absent: the app's clock. */
  | { fmt: 'datetime' | 'date' | 'deadline'; at: string; zone: string; now?: string }
  /** An amount in yuan (¥12 / ¥12.50 as the locale writes it). */
  | { fmt: 'amount'; n: number };

export interface ChoiceMsg {
  value: ChoiceValue;
  label: Text;
}

export interface ReplyMsg {
  text: Text;
  choices?: ChoiceMsg[];
  document?: { title: Text; body: Text };
}

export const msg = (key: string | readonly string[], params?: Readonly<Record<string, Param>>): Text => (params ? { key, params } : { key });
export const join = (parts: readonly Text[], sep = '\n'): Text => ({ join: parts, sep });
export const choice = (value: ChoiceValue, label: Text): ChoiceMsg => ({ value, label });
export const amount = (n: number): Text => ({ fmt: 'amount', n });
export const datetime = (at: Date | string, zone: string, now?: Date): Text =>
  now ? { fmt: 'datetime', at: typeof at === 'string' ? at : at.toISOString(), zone, now: now.toISOString() } : { fmt: 'datetime', at: typeof at === 'string' ? at : at.toISOString(), zone };
export const deadline = (at: Date, zone: string, now: Date): Text => ({ fmt: 'deadline', at: at.toISOString(), zone, now: now.toISOString() });

/** `prefix` above `text` (nothing when there is no prefix). */
export const withPrefix = (prefix: Text | undefined, text: Text, sep = '\n'): Text => (prefix ? join([prefix, text], sep) : text);
