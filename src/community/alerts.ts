// 订阅提醒 / 退订提醒: a user's own opt-in to merchant warnings in their private chat.
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import { only } from './commands.js';
import { Desk, type DeskPort } from './desk.js';
import type { PeopleStore } from './store/people.js';

export interface AlertsDeps extends DeskPort {
  people: Pick<PeopleStore, 'setAlerts'>;
}

export function registerAlerts(router: Router, deps: AlertsDeps): void {
  router.command(
    only('alerts_on', 'alerts_off'),
    (ctx, cmd) => {
      const d = new Desk(deps, ctx);
      const on = cmd.name === 'alerts_on';
      deps.people.setAlerts(d.userId, on);
      d.audit(on ? 'alerts_on' : 'alerts_off', null);
      d.say(t(on ? 'bl.alerts.on' : 'bl.alerts.off'));
      // In the middle of a case: these are merchant warnings (the case's own reminders come anyway),
      // then the question again, so the user need not remember what was asked.
      const active = ctx.active;
      if (active && active.status === 'open' && !d.group) {
        ctx.reply({ text: t('bl.alerts.case_note') });
        if (active.state.stage === 'intake') return ctx.stepCase(active, { type: 'repeat' });
      }
      return true;
    },
    { order: ORDER.FEATURE },
  );
}
