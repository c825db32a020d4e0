// Sending through Koishi bots and settling the outbox rows behind each send.
import { h, type Bot, type Context, type Session } from '@koishijs/core';
import { SendError, type Sender } from '../../src/delivery/sender.js';
import { settleFailure } from '../../src/delivery/policy.js';
import type { Outbox } from '../../src/store/outbox.js';
import type { Logger } from '../../src/log.js';
import type { Delivery, Platform } from '../../src/types.js';
import type { Pacer } from './pacer.js';
import { parseChatId } from './decode.js';
import { planBundles, type Bundle, type PrivateHow, type QQMessage } from './render.js';

/** Universal.Status.ONLINE (a const enum, which isolatedModules cannot read). */
const STATUS_ONLINE = 1;

export function isOnline(bot: Bot, koishiPlatforms: readonly string[]): boolean {
  return koishiPlatforms.includes(bot.platform ?? '') && bot.status === STATUS_ONLINE;
}

/** How long to wait before retrying after a network failure, a timeout or no bot online. */
export const RETRY_AFTER_MS = 30_000;

/**
 * Sorts a failure into the drainer's terms. A refusal by the platform (OneBot retcode,
 * HTTP 4xx) is final; anything that may pass (no connection, timeout, HTTP 429/5xx) is retried.
 */
export function classifyError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const e = err as { code?: unknown; response?: { status?: unknown } } | null;
  const status = typeof e?.response?.status === 'number' ? e.response.status : undefined;
  if (status !== undefined) return status === 429 || status >= 500 ? new SendError(message, { retryAfterMs: RETRY_AFTER_MS }) : new SendError(message);
  // A chat that will never take our messages: removed from the group, group gone, not a friend.
  if (UNREACHABLE.test(message)) return new SendError(message, { unreachable: true });
  if (typeof e?.code === 'number') return new SendError(message);
  return new SendError(message, { retryAfterMs: RETRY_AFTER_MS });
}

/** Wordings NapCat, Lagrange and LLOneBot use when the bot was removed or the user is gone. */
const UNREACHABLE = /不是好友|非好友|好友关系|不在(该)?群|已被移出|被踢|群不存在|群已解散|not (a )?friend|not in (the )?group|group not found|kicked|removed from/i;

/** A message as Koishi elements: text, or a file by its reference (an image by url / file id). */
export function elementsOf(m: QQMessage): h[] {
  if (typeof m === 'string') return [h.text(m)];
  const { kind, ref } = m.file;
  if (kind === 'photo') return [h.image(ref)];
  if (kind === 'video') return [h.video(ref)];
  if (kind === 'audio') return [h.audio(ref)];
  return [h.file(ref)];
}

/** Sends messages one after another; group sends (and `paceAll`) wait their turn at the pacer. */
export async function sendTexts(
  bot: Bot,
  channelId: string,
  messages: readonly QQMessage[],
  opts: { session?: Session; pacer?: Pacer; group: boolean; paceAll?: boolean },
): Promise<void> {
  for (const m of messages) {
    const send = () => bot.sendMessage(channelId, elementsOf(m), opts.session?.event.referrer, opts.session ? { session: opts.session } : undefined);
    if (opts.pacer && (opts.group || opts.paceAll)) await opts.pacer.run(send);
    else await send();
  }
}

/**
 * Sends bundles in order, marking their rows sent as each goes out. A failed bundle is settled
 * by the one delivery policy (src/delivery/policy.ts: unreachable / retry later / failed) and
 * logged with its target; the rest are still sent.
 */
export async function deliverBundles(
  outbox: Outbox,
  log: Logger,
  now: () => Date,
  bundles: readonly Bundle[],
  send: (messages: QQMessage[]) => Promise<void>,
): Promise<void> {
  for (const b of bundles) {
    try {
      if (b.messages.length) await send(b.messages);
      for (const d of b.deliveries) outbox.markSent(d.outboxId, now());
    } catch (err) {
      settleFailure(b.deliveries, classifyError(err), { outbox, log, now: now(), what: 'QQ send' });
    }
  }
}

export interface BotSenderOptions {
  platform: Platform;
  /** Koishi platform names whose bots may carry this platform's messages (e.g. ['onebot']). */
  koishiPlatforms: readonly string[];
  privateHow: PrivateHow;
  pacerFor: (bot: Bot) => Pacer;
}

/**
 * The drainer's way out for unprompted messages (reminders, broadcasts) on a platform that
 * allows them: the first online bot sends, every message through the pacer.
 */
export class BotSender implements Sender {
  readonly platform: Platform;
  readonly proactive = true;

  constructor(
    private readonly ctx: Context,
    private readonly opts: BotSenderOptions,
  ) {
    this.platform = opts.platform;
  }

  private bot(): Bot | undefined {
    return this.ctx.bots.find((b) => isOnline(b, this.opts.koishiPlatforms));
  }

  async send(d: Delivery): Promise<void> {
    const bot = this.bot();
    if (!bot) throw new SendError(`no ${this.opts.koishiPlatforms.join('/')} bot online`, { retryAfterMs: RETRY_AFTER_MS });
    const { kind, id } = parseChatId(d.chatId);
    const [bundle] = planBundles([d], { chatKind: kind, privateHow: this.opts.privateHow, selfId: bot.selfId });
    try {
      const channelId = kind === 'private' ? (await bot.createDirectChannel(id)).id : id;
      await sendTexts(bot, channelId, bundle?.messages ?? [], { group: kind === 'group', pacer: this.opts.pacerFor(bot), paceAll: true });
    } catch (err) {
      throw classifyError(err);
    }
  }
}
