// 群发 / 群发状态 and the preview's 确认发送 / 取消: an admin's broadcast to subscribed groups and
// opted-in users. Sending itself (lanes, pacing, tallies) is src/broadcast.
import type { Config } from '../config.js';
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import type { Outbox } from '../store/outbox.js';
import type { Platform } from '../types.js';
import { summary, type Broadcaster } from '../broadcast/broadcaster.js';
import { only } from './commands.js';
import { bl, Desk, type DeskPort } from './desk.js';

export const MAX_BROADCAST_CHARS = 1000;

export interface BroadcastsDeps extends DeskPort {
  config: Pick<Config, 'BOT_TIMEZONE' | 'TELEGRAM_BROADCAST_PER_SECOND' | 'TELEGRAM_GROUP_PER_MINUTE'>;
  outbox: Outbox;
  broadcaster: Pick<Broadcaster, 'store' | 'kick' | 'tally'>;
}

export function registerBroadcasts(router: Router, deps: BroadcastsDeps): void {
  const opts = { order: ORDER.FEATURE };
  router.command(only('broadcast', 'status'), (ctx, cmd) => {
    const d = new Desk(deps, ctx);
    return cmd.name === 'broadcast' ? draftBroadcast(d, deps, cmd.arg, null) : status(d, deps);
  }, opts);
  router.choice('blacklist', (ctx, c) => (c.op === 'bc' ? (c.go ? go : cancel)(new Desk(deps, ctx), deps, c.id ?? 0) : false), opts);
}

/** Saves a draft and shows the preview (recipients by kind and platform) with confirm / cancel. */
export function draftBroadcast(d: Desk, deps: Pick<BroadcastsDeps, 'broadcaster'>, text: string, merchantId: number | null): true {
  if (!text.trim()) return d.say(t('bc.usage'));
  if ([...text].length > MAX_BROADCAST_CHARS) return d.say(t('bc.too_long', { max: MAX_BROADCAST_CHARS }));
  const bs = deps.broadcaster.store;
  const b = bs.createDraft(d.userId, merchantId, text.trim(), d.now);
  const p = bs.preview();
  d.audit('broadcast_drafted', `broadcast:${b.id}`, { merchant: merchantId });
  const platforms = Object.entries(p.byPlatform)
    .map(([platform, n]) => t('bc.preview.platform', { platform: t(`platform.${platform as Platform}`), n }))
    .join('，');
  return d.say(t('bc.preview', { id: b.id, text: b.text, groups: p.groups, users: p.users, platforms: platforms || '—', unreachable: p.unreachable }), [
    { id: bl({ kind: 'blacklist', op: 'bc', id: b.id, go: true }), label: t('bc.confirm') },
    { id: bl({ kind: 'blacklist', op: 'bc', id: b.id, go: false }), label: t('bc.cancel') },
  ]);
}

function go(d: Desk, deps: BroadcastsDeps, id: number): true {
  const b = deps.broadcaster.store.start(id, deps.outbox, d.now);
  if (!b) return d.say(t('bc.stale'));
  d.audit('broadcast_started', `broadcast:${id}`, { before: { status: 'draft' }, after: { status: 'sending', total: b.total, skipped: b.skipped } });
  deps.broadcaster.kick();
  return d.say(t('bc.started', { id, total: b.total, skipped: b.skipped, rate: deps.config.TELEGRAM_BROADCAST_PER_SECOND, group: deps.config.TELEGRAM_GROUP_PER_MINUTE }));
}

function cancel(d: Desk, deps: BroadcastsDeps, id: number): true {
  if (!deps.broadcaster.store.cancel(id)) return d.say(t('bc.stale'));
  d.audit('broadcast_cancelled', `broadcast:${id}`, { before: { status: 'draft' }, after: { status: 'cancelled' } });
  return d.say(t('bc.cancelled', { id }));
}

function status(d: Desk, deps: BroadcastsDeps): true {
  const rows = deps.broadcaster.store.recent(5);
  if (!rows.length) return d.say(t('bc.status.none'));
  return d.say(
    rows.map((b) => t('bc.status.line', { id: b.id, status: t(`bc.status.${b.status}`), at: d.date(b.startedAt ?? b.createdAt), ...summary(deps.broadcaster.tally(b)) })).join('\n'),
  );
}
