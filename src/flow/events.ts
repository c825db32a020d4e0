// The shapes the pure step works with: what happens to a case (FlowEvent), what the step asks
// the engine to do (Effect), and its input and result. Kept apart from step.ts so that helpers
// the step uses (followups/effects.ts) can name them without importing the step.
import type { Attachment } from '../types.js';
import type { ReplyMsg } from './message.js';
import type { PlatformOutcomes, Timings } from './ladder.js';
import type { CaseState } from './state.js';
import type { Facts, Flow, Outcome, RungId } from './types.js';

export type FlowEvent =
  | { type: 'start' }
  | { type: 'text'; text: string }
  /** `id` is an encoded choice (src/engine/choices.ts); `text`: the words typed that named it, if typed. */
  | { type: 'choice'; id: string; text?: string }
  /** Several checklist ticks (e:<item>) or unticks (e:<item>:off) said in one message: one reply. */
  | { type: 'ticks'; ids: string[] }
  | { type: 'attachments'; items: Attachment[] }
  | { type: 'back' }
  | { type: 'repeat' }
  | { type: 'decline'; reason: string }
  /**
   * What the other side answered (issue 12 item 1), classified and coached by src/coaching: the
   * answer is recorded on the case (state.replies), `facts` merged, and the case moves by `next`.
   */
  | { type: 'seller_reply'; kind: string; next: 'same_rung' | 'next_rung' | 'wait' | 'confirm_refund'; facts: Facts; said?: string; checkAt?: number }
  /** Facts found outside the intake (the operator's name/address): merged, then the current step shown again (`quiet`: merged only). */
  | { type: 'facts'; facts: Facts; quiet?: boolean }
  /** An explicit plan to deceive: coaching on this path stops (the case can still be closed or deleted). */
  | { type: 'stop' };

export { OUTCOMES, type Outcome } from './types.js';

export type Effect =
  /** A message descriptor; the engine renders it (src/engine/render.ts). */
  | { type: 'reply'; reply: ReplyMsg }
  | { type: 'schedule'; kind: 'rung_check' | 'window_warning'; rung: RungId; dueAt: Date }
  | { type: 'cancelFollowUps' }
  | { type: 'evidence'; item: string | null; kind: string; ref?: string }
  /** A tick taken back (the user ticked it by mistake). */
  | { type: 'evidence_off'; item: string }
  | { type: 'close'; outcome: Outcome; refunded?: number };

export interface StepInput {
  flow: Flow;
  facts: Facts;
  state: CaseState;
  event: FlowEvent;
  now: Date;
  zone: string;
  timings: Timings;
  /** Past outcomes on the case's platform (≥ k closed cases), supplied by the engine; shown at the matching rung. */
  outcomes?: PlatformOutcomes;
}

export interface StepResult {
  facts: Facts;
  state: CaseState;
  effects: Effect[];
}
