// The community's first routes (ORDER.FEATURE, registered before the feature modules): who may
// act and where. Admin commands and buttons are refused to non-admins (audited); in groups only
// lookups and (un)subscribing run, the rest points to the private chat; buttons pressed in a
// group are swallowed; a command in private drops a half-finished sub-dialogue; an expired or
// abandoned sub-dialogue is dropped before the feature modules see it. Each returns false to let
// the feature module that owns the command, button or step answer.
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import { ADMIN_COMMANDS, matchBlCommand } from './commands.js';
import { ADMIN_STEPS, Desk, NS, type DeskPort, type State } from './desk.js';

/** Buttons only admins may press. */
const ADMIN_OPS: ReadonlySet<string> = new Set(['ap', 'ab', 'rj', 'sk', 'bc', 'ua', 'mo', 'lp', 'sp', 'cr', 'sm', 'nm', 'at', 'fl']);
/** Commands that run in groups. */
const GROUP_COMMANDS: ReadonlySet<string> = new Set(['check', 'sub', 'unsub']);

export function registerAccess(router: Router, port: DeskPort): void {
  const both = { order: ORDER.FEATURE, chats: 'both' } as const;
  router.choice(
    'blacklist',
    (ctx, c) => {
      // Buttons are only ever offered in private chats; in a group one is swallowed.
      if (ctx.inbound.chatKind === 'group') return true;
      const d = new Desk(port, ctx);
      return ADMIN_OPS.has(c.op) && !d.isAdmin ? d.refuse('review') : false;
    },
    both,
  );
  router.command(
    matchBlCommand,
    (ctx, cmd) => {
      const d = new Desk(port, ctx);
      if (ADMIN_COMMANDS.has(cmd.name) && !d.isAdmin) return d.refuse(cmd.name);
      if (d.group) {
        if (GROUP_COMMANDS.has(cmd.name)) return false;
        if (ADMIN_COMMANDS.has(cmd.name)) return d.say(t('bl.admin.private'));
        ctx.reply({ text: t('bl.private_only'), openPrivate: { payload: 'bl', label: t('bl.private_only.label') } });
        return true;
      }
      if (d.state()) d.setState(undefined);
      return false;
    },
    both,
  );
  router.pending<State>(
    NS,
    (ctx, s) => {
      const d = new Desk(port, ctx);
      // A report left alone too long, or a button of something else: the user moved on (the
      // community's own buttons are answered by its choice routes, which read the state). An
      // admin's prompt stays until answered or cancelled.
      if (!d.state() || (ctx.choice && ctx.choice.kind !== 'blacklist' && !ADMIN_STEPS.has(s.step))) d.setState(undefined);
      // "是同一家吗？" is answered by its buttons; typing something else leaves it.
      else if (s.step === 'add_same' && !ctx.choice) d.setState(undefined);
      return false;
    },
    { order: ORDER.FEATURE },
  );
}
