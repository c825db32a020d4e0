// Leaving a case that is still being filled in: 重新开始, 取消, 退出, 不弄了, /cancel typed at an intake
// question are a wish to stop, never an answer (exploratory testing: they were stored as names).
import { t } from '../i18n/index.js';
import { button } from './choices.js';
import { ORDER, type Router } from './routes.js';
import { ENGINE_NS } from './session.js';

const ABANDON = /^(?:\/cancel|取消|退出|重新开始|重来|重新来|从头开始|我要重新填|重新填|不填了|不想填了|不弄了|不想弄了|算了不弄了|算了|不搞了|算了吧)[。.!！~～]*$/i;

export function matchAbandon(text: string): { name: 'abandon' } | undefined {
  return ABANDON.test(text.trim()) ? { name: 'abandon' } : undefined;
}

/** Only while the active case is in its intake; elsewhere the words go on to their usual readers. */
export function registerAbandon(router: Router): void {
  router.command(
    matchAbandon,
    (ctx) => {
      const c = ctx.active;
      if (!c || c.status !== 'open' || c.state.stage !== 'intake') return false;
      // The close dialogue owns the answer: 放弃 closes the case as abandoned; 继续填写 asks the question again.
      ctx.ext.set(ENGINE_NS, { mode: 'close_confirm', closeOutcome: 'abandoned' });
      return ctx.reply({
        text: t('abandon.ask', { id: c.id }),
        choices: [button({ kind: 'close', outcome: 'abandoned', sure: true }, t('abandon.yes')), button({ kind: 'menu', action: 'continue' }, t('abandon.no'))],
      });
    },
    { order: ORDER.BUILTIN },
  );
}
