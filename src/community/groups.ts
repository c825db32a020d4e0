// 订阅黑名单 / 取消订阅黑名单: an admin subscribes a group to merchant warnings; 订阅群列表; the
// welcome when the bot is added to a group.
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import { only } from './commands.js';
import { Desk, type DeskPort } from './desk.js';
import type { BlacklistStore } from './store/merchants.js';

export interface GroupsDeps extends DeskPort {
  store: Pick<BlacklistStore, 'subscribe' | 'unsubscribe' | 'subscribedGroups'>;
}

export function registerGroups(router: Router, deps: GroupsDeps): void {
  // The bot was just added to a group: say what it does there, and that members should use /check.
  router.text((ctx) => (ctx.inbound.event === 'joined_group' ? ctx.reply({ text: t('bl.welcome.joined'), openPrivate: { payload: 'bl', label: t('group.open_private') } }) : false), {
    order: ORDER.CONFIRM - 1,
    chats: 'group',
  });
  router.command(only('sub', 'unsub'), (ctx, cmd) => subscribe(new Desk(deps, ctx), deps, cmd.name === 'sub'), { order: ORDER.FEATURE, chats: 'both' });
  router.command(only('groups'), (ctx) => list(new Desk(deps, ctx), deps), { order: ORDER.FEATURE });
}

/** 订阅群列表: the subscribed groups per platform (admins, private chat). */
function list(d: Desk, deps: GroupsDeps): true {
  const rows = deps.store.subscribedGroups();
  if (!rows.length) return d.say(t('bl.groups.none'));
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.platform, [...(by.get(r.platform) ?? []), t('bl.groups.line', { chat: r.chatId, since: d.date(r.addedAt) })]);
  const parts = [...by.entries()].map(([p, lines]) => [t('bl.groups.platform', { platform: t(`platform.${p}`), n: lines.length }), ...lines].join('\n'));
  return d.say([t('bl.groups.header', { n: rows.length }), ...parts].join('\n'));
}

function subscribe(d: Desk, deps: GroupsDeps, on: boolean): true {
  if (!d.group) return d.say(t('bl.sub.group_only'));
  const { platform, chatId } = d.ctx.inbound;
  const changed = on ? deps.store.subscribe(platform, chatId, d.now) : deps.store.unsubscribe(platform, chatId);
  d.audit(on ? 'group_subscribed' : 'group_unsubscribed', `chat:${platform}:${chatId}`, { before: { subscribed: on ? !changed : changed }, after: { subscribed: on } });
  return d.say(t(on ? (changed ? 'bl.sub.done' : 'bl.sub.already') : changed ? 'bl.unsub.done' : 'bl.unsub.not'));
}
