// What a scenario file under flows/ declares. Flows are data plus small functions;
// their wording lives in src/i18n/zh-CN/flows.ts under keys derived from the ids.
import type { ScenarioId } from '../types.js';

export type FactValue = string | number | boolean;
/** Case facts. A fact recorded as `null` was asked and skipped (unknown). */
export type Facts = Record<string, FactValue | null>;

export type AnswerKind =
  | 'text' // free text, 1–500 characters
  | 'order' // order number
  | 'amount' // yuan
  | 'time' // a past moment in the user's zone
  | 'payment' // payment channel
  | 'choice' // one of options
  | 'count' // a small whole number
  | 'cardkey'; // stored masked (first 4 + last 4)

export interface Question {
  /** Fact key the answer is stored under. Wording: q.<flow>.<id> or q.<id>. */
  id: string;
  kind: AnswerKind;
  /** For kind 'choice': option ids; labels at opt.<id>.<option> (or opt.<flow>.<id>.<option>). */
  options?: readonly string[];
  /** For kind 'amount': 0 is a valid answer (e.g. no balance left). */
  allowZero?: boolean;
  /** Asked only when this holds. */
  when?: (facts: Facts) => boolean;
}

export type EvidenceGroup = 'transaction' | 'communication' | 'problem';

export interface EvidenceItem {
  /** Label: ev.<id>. */
  id: string;
  group: EvidenceGroup;
}

export type Verdict = 'refundable' | 'likely' | 'unlikely' | 'declined';

export interface Assessment {
  verdict: Verdict;
  /** Locale keys explaining why (each filled with the case facts). */
  reasons: string[];
  /** Ids into the law table (src/knowledge/law.ts). */
  law: string[];
  /** The verdict line's own wording, when the general one for `verdict` does not fit (a private transfer). */
  verdictKey?: string;
  /** Why the case is declined (恶意退款 risk), when verdict is 'declined'. */
  declineReason?: string;
  /** A truthful answer that fits another scenario: the scenarios offered instead (facts carried over). */
  switchTo?: ScenarioId[];
}

/** How a case ended. */
export const OUTCOMES = ['full', 'partial', 'none', 'abandoned', 'delivered'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type RungId = 'seller' | 'platform' | 'payment' | 'regulator' | 'police' | 'court';

export interface Flow {
  id: ScenarioId;
  questions: readonly Question[];
  assess(facts: Facts): Assessment;
  evidence: readonly EvidenceItem[];
  /** Ladder rungs in order; `police` and `court` are offered only where they fit (see ladder.ts). */
  ladder: readonly RungId[];
  /** Whether the facts point at fraud (affects the police rung). */
  fraudSuspected(facts: Facts): boolean;
}
