// The Koishi plugin: message sessions → app.inbound (the engine, group-committed) → replies sent
// through the session. The engine is reached as the `refundCoach` service (service.ts).
// Unprompted messages leave through a Drainer where the platform allows them (OneBot) and
// wait for the user's next message where it does not (official QQ bot API).
import { Schema, type Bot, type Context, type Session } from '@koishijs/core';
import { Drainer } from '../../src/delivery/drainer.js';
import { t } from '../../src/i18n/index.js';
import { PLATFORMS, type Delivery, type Platform } from '../../src/types.js';
import { decodeGuildAdded, decodeSession } from './decode.js';
import { Pacer } from './pacer.js';
import { planBundles, type PrivateHow } from './render.js';
import { BotSender, deliverBundles, isOnline, sendTexts } from './send.js';
import { SERVICE } from './service.js';

export const name = 'refund-coach-qq';
export const inject = [SERVICE];

export const DEFAULT_PLATFORMS: Readonly<Record<string, Platform>> = { onebot: 'qq', qq: 'qqofficial', qqguild: 'qqofficial' };

export interface Config {
  /** Koishi platform → our platform. Messages from other platforms pass on untouched. */
  platforms?: Record<string, Platform>;
  /** Least gap between group sends (and unprompted sends) of one bot. */
  groupSendIntervalMs: number;
  /** Random extra gap, 0…jitter ms; default half the interval. */
  groupSendJitterMs?: number;
  /** Replies allowed per user message where proactive sends are not (official API: 5). */
  passiveReplyLimit?: number;
  /** Run a drainer for the proactive platforms (off in tests whose bot cannot send unprompted). */
  drain?: boolean;
  drainIdleMs?: number;
}

export const Config: Schema<Config> = Schema.object({
  platforms: Schema.dict(Schema.union(PLATFORMS.map((p) => Schema.const(p))))
    .default({ ...DEFAULT_PLATFORMS })
    .description('Koishi platform → refund-coach platform.'),
  groupSendIntervalMs: Schema.natural().default(500).description('Least gap between group sends, ms.'),
  groupSendJitterMs: Schema.natural().description('Random extra gap, ms (default: half the interval).'),
  passiveReplyLimit: Schema.natural().min(1).default(5).description('Replies per user message on passive-only platforms.'),
  drain: Schema.boolean().default(true).description('Deliver unprompted messages on proactive platforms.'),
  drainIdleMs: Schema.natural().default(1000).description('Outbox poll interval, ms.'),
}) as Schema<Config>;

/** Platforms that allow no unprompted messages (docs/domain.md §6). */
export const PASSIVE_ONLY: ReadonlySet<Platform> = new Set<Platform>(['qqofficial']);

/** OneBot bots are ordinary QQ accounts, reachable by number; the official bot only via its profile. */
const privateHowOf = (bot: Bot): PrivateHow => (bot.platform === 'onebot' ? 'onebot' : 'official');

export function apply(ctx: Context, config: Config): void {
  const app = ctx.refundCoach;
  const platforms = config.platforms ?? DEFAULT_PLATFORMS;
  const jitter = config.groupSendJitterMs ?? Math.floor(config.groupSendIntervalMs / 2);
  const pacers = new Map<string, Pacer>();
  const pacerFor = (bot: Bot): Pacer => {
    let p = pacers.get(bot.sid);
    if (!p) pacers.set(bot.sid, (p = new Pacer({ intervalMs: config.groupSendIntervalMs, jitterMs: jitter })));
    return p;
  };

  /** The drainer of each proactive platform (none when config.drain is false). */
  const drainers = new Map<Platform, Drainer>();

  /**
   * Per-chat order for a direct reply, as the Telegram drainer keeps it: when an older row of the
   * chat is still unsent (a retry waiting for its time), the reply's rows go back to pending
   * behind it and the drainer sends them in order. True when the rows were handed over.
   */
  const handOverIfHeldBack = (platform: Platform, deliveries: readonly Delivery[]): boolean => {
    const drainer = drainers.get(platform);
    if (!drainer) return false;
    const kinds = app.outbox.drainKinds(platform);
    const first = new Map<string, number>();
    for (const d of deliveries) first.set(d.chatId, Math.min(first.get(d.chatId) ?? Infinity, d.outboxId));
    if (![...first].some(([chatId, id]) => app.outbox.hasEarlierUnsent(platform, chatId, id, kinds))) return false;
    app.outbox.release(deliveries.map((d) => d.outboxId));
    drainer.kick();
    return true;
  };

  const targets = [...new Set(Object.values(platforms))];
  for (const p of targets) app.setProactive(p, !PASSIVE_ONLY.has(p));

  // One turn at a time per chat, so replies to quick successive messages do not interleave.
  const turns = new Map<string, Promise<void>>();
  const inTurn = (key: string, task: () => Promise<void>): Promise<void> => {
    const run = (turns.get(key) ?? Promise.resolve()).then(task);
    const settled = run.catch(() => undefined);
    turns.set(key, settled);
    void settled.then(() => {
      if (turns.get(key) === settled) turns.delete(key);
    });
    return run;
  };

  ctx.middleware(async (session: Session, next) => {
    const platform = platforms[session.platform];
    if (!platform) return next();
    const inbound = decodeSession(session, platform, app.now());
    if (!inbound) return next();
    let answered = false;
    await inTurn(`${platform}:${inbound.chatId}`, async () => {
      let deliveries: Delivery[];
      try {
        deliveries = await app.inbound.handle(inbound);
      } catch (err) {
        app.log.error({ platform, chatId: inbound.chatId, updateId: inbound.updateId, err }, 'engine failed on a QQ message');
        await session.send(t('qq.error'));
        answered = true;
        return;
      }
      if (!deliveries.length) return;
      answered = true;
      if (handOverIfHeldBack(platform, deliveries)) return;
      const bot = session.bot;
      const group = inbound.chatKind === 'group';
      const bundles = planBundles(
        deliveries,
        { chatKind: inbound.chatKind, privateHow: privateHowOf(bot), selfId: bot.selfId },
        PASSIVE_ONLY.has(platform) ? config.passiveReplyLimit ?? 5 : Infinity,
      );
      await deliverBundles(app.outbox, app.log, app.now, bundles, (messages) =>
        sendTexts(bot, session.channelId!, messages, { session, group, pacer: pacerFor(bot) }),
      );
    });
    if (!answered) return next();
  });

  // Added to a group: the engine's welcome (src/community/groups.ts), sent in that group.
  ctx.on('guild-added', (session) => {
    const platform = platforms[session.platform];
    const inbound = platform ? decodeGuildAdded(session, platform, app.now()) : undefined;
    if (!inbound) return;
    const groupId = inbound.chatId.slice('group:'.length);
    void inTurn(`${platform}:${inbound.chatId}`, async () => {
      const deliveries = await app.inbound.handle(inbound);
      const bot = session.bot;
      const bundles = planBundles(deliveries, { chatKind: 'group', privateHow: privateHowOf(bot), selfId: bot.selfId }, PASSIVE_ONLY.has(platform!) ? config.passiveReplyLimit ?? 5 : Infinity);
      await deliverBundles(app.outbox, app.log, app.now, bundles, (messages) => sendTexts(bot, groupId, messages, { session, group: true, pacer: pacerFor(bot) }));
    }).catch((err: unknown) => app.log.warn({ err, platform, chatId: inbound.chatId }, 'group welcome failed'));
  });

  if (config.drain === false) return;
  for (const platform of targets) {
    if (PASSIVE_ONLY.has(platform)) continue;
    const koishiPlatforms = Object.keys(platforms).filter((k) => platforms[k] === platform);
    const sender = new BotSender(ctx, {
      platform,
      koishiPlatforms,
      privateHow: koishiPlatforms.includes('onebot') ? 'onebot' : 'official',
      pacerFor,
    });
    const drainer = new Drainer(app.outbox, sender, app.log, { idleMs: config.drainIdleMs ?? 1000, now: app.now, concurrency: app.deliveryConcurrency });
    drainers.set(platform, drainer);
    // Drain only while a bot is online: rows then wait as pending instead of failing over and over.
    let draining = false;
    const update = () => {
      const online = ctx.bots.some((b) => isOnline(b, koishiPlatforms));
      if (online && !draining) drainer.start();
      if (!online && draining) void drainer.stop();
      draining = online;
    };
    ctx.on('bot-status-updated', update);
    ctx.on('ready', update);
    ctx.on('dispose', () => drainer.stop());
  }
}
