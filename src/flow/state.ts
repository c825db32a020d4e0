// The persisted state of one case (plain JSON in cases.state).
import type { RungId } from './types.js';

export type Stage = 'intake' | 'evidence' | 'ladder' | 'declined' | 'closed';

export interface EvidenceMark {
  at: number;
  /** 'tick' when the user ticked it; otherwise the attachment kind. */
  kind: string;
  ref?: string;
}

export interface CaseState {
  stage: Stage;
  /** The question being asked (intake). */
  q: string | null;
  /** Bad answers to the current question so far. */
  reasks: number;
  /** Answered or skipped question ids, in order — for 返回. */
  history: string[];
  evidence: Record<string, EvidenceMark>;
  /** Index into the case's applicable rungs. */
  rung: number;
  /** When the user said they sent the current rung's text (ms). */
  rungSentAt?: number;
  /** Rungs the user marked 已发送, in order: later documents say only what was really done. */
  sent?: RungId[];
  /** Waiting for the amount refunded before closing. */
  awaitingRefundAmount?: boolean;
  remindersOff?: boolean;
}

export const initialState = (): CaseState => ({ stage: 'intake', q: null, reasks: 0, history: [], evidence: {}, rung: 0 });

