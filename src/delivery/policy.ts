// The one send-failure policy: what becomes of outbox rows whose send failed. Used by the
// drainer, the broadcast lane and the QQ adapter's replies, so all three settle failures alike:
//   unreachable → the chat is marked unreachable and its unsent rows fail (skipped from now on);
//   retryable   → back to pending, not before retryAfterMs (until maxAttempts claims);
//   otherwise   → failed for good.
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import type { Delivery } from '../types.js';
import { SendError } from './sender.js';

/** Claims after which a row that keeps failing with retryable errors is given up (hours of retries). */
export const DEFAULT_MAX_ATTEMPTS = 500;

export type Verdict = { kind: 'unreachable' } | { kind: 'retry'; at: Date } | { kind: 'give-up' };

/** Any thrown value as a SendError (a plain error is final: nothing says it would pass). */
export function asSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  return new SendError(err instanceof Error ? err.message : String(err));
}

/** Decides what a failure means for a row claimed `attempts` times. */
export function verdict(err: SendError, attempts: number, now: Date, maxAttempts = DEFAULT_MAX_ATTEMPTS): Verdict {
  if (err.opts.unreachable) return { kind: 'unreachable' };
  if (err.opts.retryAfterMs !== undefined && attempts < maxAttempts) return { kind: 'retry', at: new Date(now.getTime() + err.opts.retryAfterMs) };
  return { kind: 'give-up' };
}

export interface SettleContext {
  outbox: Outbox;
  log: Logger;
  now: Date;
  maxAttempts?: number;
  /** Log wording, e.g. 'QQ send' or 'broadcast send'. */
  what?: string;
}

/**
 * Applies the verdict to rows that failed together (one send carrying them all, all to one chat)
 * and logs it with the error as an Error object. Returns the verdict.
 */
export function settleFailure(deliveries: readonly Delivery[], err: unknown, c: SettleContext): Verdict | undefined {
  const first = deliveries[0];
  if (!first) return undefined;
  const e = asSendError(err);
  const attempts = Math.max(...deliveries.map((d) => d.attempts ?? 1));
  const v = verdict(e, attempts, c.now, c.maxAttempts);
  const what = c.what ?? 'send';
  const target = { platform: first.platform, chatId: first.chatId, outboxIds: deliveries.map((d) => d.outboxId), err: e };
  if (v.kind === 'unreachable') {
    c.log.warn(target, `${what}: chat unreachable; further sends stopped`);
    c.outbox.markUnreachable(first.platform, first.chatId, e.message, c.now);
  } else if (v.kind === 'retry') {
    c.log.warn(target, `${what} failed; will retry`);
    for (const d of deliveries) c.outbox.retryLater(d.outboxId, e.message, v.at);
  } else {
    c.log.error(target, `${what} failed`);
    for (const d of deliveries) c.outbox.markFailed(d.outboxId, e.message);
  }
  return v;
}
