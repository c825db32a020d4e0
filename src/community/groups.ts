// 订阅黑名单 / 取消订阅黑名单: an admin subscribes a group to merchant warnings.
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import { only } from './commands.js';
import { Desk, type DeskPort } from './desk.js';
import type { BlacklistStore } from './store/merchants.js';

export interface GroupsDeps extends DeskPort {
  store: Pick<BlacklistStore, 'subscribe' | 'unsubscribe'>;
}

export function registerGroups(router: Router, deps: GroupsDeps): void {
  router.command(only('sub', 'unsub'), (ctx, cmd) => subscribe(new Desk(deps, ctx), deps, cmd.name === 'sub'), { order: ORDER.FEATURE, chats: 'both' });
}

function subscribe(d: Desk, deps: GroupsDeps, on: boolean): true {
  if (!d.group) return d.say(t('bl.sub.group_only'));
  const { platform, chatId } = d.ctx.inbound;
  const changed = on ? deps.store.subscribe(platform, chatId, d.now) : deps.store.unsubscribe(platform, chatId);
  d.audit(on ? 'group_subscribed' : 'group_unsubscribed', `chat:${platform}:${chatId}`, { before: { subscribed: on ? !changed : changed }, after: { subscribed: on } });
  return d.say(t(on ? (changed ? 'bl.sub.done' : 'bl.sub.already') : changed ? 'bl.unsub.done' : 'bl.unsub.not'));
}
