// The persisted state of one case (plain JSON in cases.state), and how it is read back: validated
// with zod, older shapes migrated, a corrupt one replaced by a safe state instead of a crash.
import { z } from 'zod';
import type { Facts, RungId } from './types.js';

export type Stage = 'intake' | 'evidence' | 'ladder' | 'declined' | 'closed';
export const STAGES = ['intake', 'evidence', 'ladder', 'declined', 'closed'] as const satisfies readonly Stage[];
const RUNGS = ['seller', 'platform', 'payment', 'regulator', 'police', 'court'] as const satisfies readonly RungId[];

/** The shape version written now. Bump it with a migration in MIGRATIONS below. */
export const CASE_STATE_VERSION = 1;

export interface EvidenceMark {
  at: number;
  /** 'tick' when the user ticked it; otherwise the attachment kind. */
  kind: string;
  ref?: string;
}

/** One answer of the other side (seller or platform), as the user reported it (issue 12 item 1). */
export interface SellerReplyEvent {
  /** When it was reported (ms). */
  at: number;
  /** The rung the case was on. */
  rung: RungId;
  /** The kind (src/coaching/sellerReply.ts SELLER_REPLY_KINDS). */
  kind: string;
  /** What the user wrote (masked, at most 200 characters); absent when a button was pressed. */
  said?: string;
}

export interface CaseState {
  version: typeof CASE_STATE_VERSION;
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
  /** What the other side answered, oldest first; append-only. Optional, so version 1 states read as they are. */
  replies?: SellerReplyEvent[];
  /** 刷不了: waiting to see whether the debit is reversed automatically before the first rung (ms of the check). */
  reversalUntil?: number;
  /** 刷不了: the reversal wait is over (reversed or not), the ladder proper is shown. */
  reversalDone?: boolean;
}

export const initialState = (): CaseState => ({ version: CASE_STATE_VERSION, stage: 'intake', q: null, reasks: 0, history: [], evidence: {}, rung: 0 });

const caseStateV1 = z.looseObject({
  version: z.literal(1),
  stage: z.enum(STAGES),
  q: z.string().nullable(),
  reasks: z.number().int().min(0),
  history: z.array(z.string()),
  evidence: z.record(z.string(), z.looseObject({ at: z.number(), kind: z.string(), ref: z.string().optional() })),
  rung: z.number().int().min(0),
  rungSentAt: z.number().optional(),
  sent: z.array(z.enum(RUNGS)).optional(),
  awaitingRefundAmount: z.boolean().optional(),
  remindersOff: z.boolean().optional(),
  replies: z.array(z.looseObject({ at: z.number(), rung: z.enum(RUNGS), kind: z.string().max(40), said: z.string().max(200).optional() })).optional(),
  reversalUntil: z.number().optional(),
  reversalDone: z.boolean().optional(),
});

/**
 * Migrations, by the version they read: each turns a state of that version into the next one.
 * Version 0 is the unversioned shape written before this field existed (same fields otherwise).
 */
const MIGRATIONS: Record<number, (s: Record<string, unknown>) => Record<string, unknown>> = {
  0: (s) => ({ ...s, version: 1 }),
};

const factsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** What was wrong with a stored value that could not be used as it was. */
export interface LoadProblem {
  what: 'case_state' | 'case_facts' | 'session_state';
  err: Error;
}

const parseJson = (raw: unknown): unknown => (typeof raw === 'string' ? JSON.parse(raw) : raw);

/**
 * A stored case state (JSON text or a parsed value): migrated to the current version and validated.
 * A corrupt one becomes a fresh intake state — the step then asks the first question the facts
 * still lack, or goes on to the assessment — and `problem` says what was wrong (for the log).
 */
export function loadCaseState(raw: unknown): { state: CaseState; problem?: LoadProblem } {
  try {
    let s = parseJson(raw);
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw new Error('case state is not an object');
    let obj = s as Record<string, unknown>;
    let v: unknown = obj.version === undefined ? 0 : obj.version;
    while (typeof v === 'number' && v < CASE_STATE_VERSION && MIGRATIONS[v]) {
      obj = MIGRATIONS[v](obj);
      v = obj.version;
    }
    s = obj;
    return { state: caseStateV1.parse(s) as CaseState };
  } catch (e) {
    return { state: initialState(), problem: { what: 'case_state', err: e instanceof Error ? e : new Error(String(e)) } };
  }
}

/** Stored case facts, validated; corrupt facts become none (the intake asks again). */
export function loadFacts(raw: unknown): { facts: Facts; problem?: LoadProblem } {
  try {
    return { facts: factsSchema.parse(parseJson(raw)) };
  } catch (e) {
    return { facts: {}, problem: { what: 'case_facts', err: e instanceof Error ? e : new Error(String(e)) } };
  }
}
