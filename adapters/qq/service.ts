// The engine as a Koishi service: what the QQ plugin needs of the app, provided on the Koishi
// context as `refundCoach` (ctx.set) and reached by plugins that list it in `inject` —
// Koishi's way for plugins to find each other, instead of passing the app through a config schema.
import type { Context } from '@koishijs/core';
import type { App } from '../../src/app.js';
import type { Logger } from '../../src/log.js';
import type { Outbox } from '../../src/store/outbox.js';
import type { Delivery, Inbound, Platform } from '../../src/types.js';

export const SERVICE = 'refundCoach';

/** The narrow port the QQ plugin works through. */
export interface CoachService {
  /** engine.handle with group commit (InboundBatcher), like the Telegram adapter. */
  inbound: { handle(inbound: Inbound): Promise<Delivery[]> };
  outbox: Outbox;
  log: Logger;
  now: () => Date;
  /** Tells the engine whether a platform takes unprompted messages. */
  setProactive(platform: Platform, proactive: boolean): void;
  /** Chats the drainer sends to at once (config DELIVERY_CONCURRENCY). */
  deliveryConcurrency: number;
}

declare module '@koishijs/core' {
  interface Context {
    refundCoach: CoachService;
  }
}

export function coachService(app: App): CoachService {
  return {
    inbound: app.inbound,
    outbox: app.outbox,
    log: app.log,
    now: app.now,
    setProactive: (platform, proactive) => app.engine.setProactive(platform, proactive),
    deliveryConcurrency: app.config.DELIVERY_CONCURRENCY,
  };
}

/** Provides the app to the Koishi context as the `refundCoach` service. Returns the undo. */
export function provideCoach(ctx: Context, app: App): () => void {
  return ctx.set(SERVICE, coachService(app));
}
