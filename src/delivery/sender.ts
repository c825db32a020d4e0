import type { Delivery, Platform } from '../types.js';

/** Thrown by a Sender to tell the drainer what became of a delivery. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly opts: {
      /** The chat will never accept messages (blocked, kicked, deleted). */
      unreachable?: boolean;
      /** Worth trying again after this many ms (429 retry_after, 5xx, network). */
      retryAfterMs?: number;
    } = {},
  ) {
    super(message);
  }
}

/** What an adapter gives the drainer: one way to deliver a stored message. */
export interface Sender {
  platform: Platform;
  /** False where the platform allows no unprompted messages (official QQ bot API). */
  proactive: boolean;
  send(delivery: Delivery): Promise<void>;
}
