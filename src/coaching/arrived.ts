// The goods came after all, said on a step (商家给我补发了 已经到账了, 点券到了, 已经到了 不用了): the case
// can close as resolved. Read before the fabrication guard (which hears 收到了 as "received and used")
// and before the seller-reply reading (which hears 发了 as "already delivered").
import { t } from './text.js';
import type { Router } from '../engine/routes.js';
import { button } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';
import { ENGINE_NS } from '../engine/session.js';
import { GOODS_OWED, goodsArrived } from '../dialogue/index.js';

export function registerArrived(router: Router, order: number): void {
  router.text(
    (ctx) => {
      const c = ctx.active;
      if (ctx.choice || !c || c.status !== 'open' || c.state.awaitingRefundAmount || (c.state.stage !== 'ladder' && c.state.stage !== 'evidence')) return false;
      const text = ctx.text.trim();
      if (!GOODS_OWED.has(c.scenario) || matchCommand(text) || !goodsArrived(text)) return false;
      // The close dialogue owns the answer (src/engine/builtins.ts): 结案 closes as delivered.
      ctx.ext.set(ENGINE_NS, { mode: 'close' });
      return ctx.reply({
        text: t('coach.arrived'),
        choices: [button({ kind: 'close', outcome: 'delivered' }, t('coach.arrived.close')), button({ kind: 'menu', action: 'continue' }, t('coach.arrived.keep'))],
      });
    },
    { order },
  );
}
