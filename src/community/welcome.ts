// Where members learn what the community desk does: the deep-link welcome (/start bl, the link the
// group's "私聊机器人" button opens) and the group's /start and /help — which say to use /check,
// since with Telegram's default privacy mode a bare "查商家 …" in a group never reaches the bot.
import { matchCommand } from '../engine/commands.js';
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import { Desk, type DeskPort } from './desk.js';

export function registerWelcome(router: Router, port: DeskPort): void {
  // Before the built-in /start (which would show the case menu): the community's own welcome.
  router.command(
    (text) => {
      const c = matchCommand(text);
      return c?.name === 'start' && c.arg === 'bl' ? c : undefined;
    },
    (ctx) => {
      const admin = new Desk(port, ctx).isAdmin;
      return ctx.reply({ text: t('bl.welcome.private') + (admin ? t('bl.welcome.admin') : '') });
    },
    { order: ORDER.BUILTIN - 1 },
  );
  // Groups: what the bot does here, and where the rest happens.
  router.command(
    (text) => {
      const c = matchCommand(text);
      return c && (c.name === 'start' || c.name === 'help') ? c : undefined;
    },
    (ctx) => ctx.reply({ text: t('bl.welcome.group'), openPrivate: { payload: 'new', label: t('group.open_private') } }),
    { order: ORDER.FEATURE, chats: 'group' },
  );
}
