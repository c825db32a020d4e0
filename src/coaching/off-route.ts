// Situations the six scenarios do not fit (explore3 F33, F32), answered plainly wherever they are said:
//  - a minor paid without the guardian's consent ("我儿子才12岁 偷偷用我微信…充了1500"): the 未成年人
//    refund route — no claim of non-delivery, no law cited (the law table has no row for it);
//  - money sent by private 微信/支付宝 transfer to a seller met on a 卡盟 ("加他微信私下转账"): outside the
//    platform's protection and no merchant payment — the police first, the transfer record, reporting
//    the account, telling the platform; no order number exists. On a case the fact is kept
//    (`privateTransfer`) and the ladder goes to the police (src/flow/ladder.ts); "没有订单 私下转的" at the
//    order question is its answer. Told with no case open, the story opens one on this route (the
//    answer, then "我理解为：商家跑路/联系不上，私下转账，…", src/engine/understanding.ts).
import { button } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';
import type { Router, TurnContext } from '../engine/routes.js';
import type { Repo } from '../engine/repo.js';
import { encodeChoice } from '../engine/choices.js';
import { parseChineseNumber } from '../nlu/normalize.js';
import { privateTransferSaid } from '../dialogue/index.js';
import { t } from './text.js';

const CHILD = /(?:儿子|女儿|孩子|小孩|娃|弟弟|妹妹|侄子|侄女|外甥女?|孙子|孙女)[^。！？!?]{0,6}?(?:才|只有|刚|今年)?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:周)?岁/;
const MINOR_WORD = /未成年|(?:儿子|女儿|孩子|小孩|娃)[^。！？!?]{0,8}(?:偷偷|背着我|瞒着我|没经过我|没告诉我)/;
const PAID = /充|付|花|买|转|扣|刷|支付/;

/** A minor's payment without the guardian's consent, as a parent tells it. */
export function minorPayment(text: string): boolean {
  if (!PAID.test(text)) return false;
  const age = CHILD.exec(text);
  if (age) {
    const n = /\d/.test(age[1]) ? Number(age[1]) : parseChineseNumber(age[1]);
    if (n !== undefined && n < 18) return true;
  }
  return MINOR_WORD.test(text);
}

/** Money sent to the seller by a private transfer, not through the platform's order (src/dialogue). */
export const privateTransfer = privateTransferSaid;

export function registerOffRoute(router: Router, order: number, repo: Pick<Repo, 'getCase' | 'saveCase'>): void {
  router.text(
    (ctx) => {
      if (ctx.choice || !ctx.text.trim() || matchCommand(ctx.text)) return false;
      const c = ctx.active && ctx.active.status === 'open' ? ctx.active : undefined;
      if (minorPayment(ctx.text)) return ctx.reply({ text: t('coach.minor.answer'), choices: ways(ctx) });
      if (!privateTransfer(ctx.text)) return false;
      // No case open: the story opens one on this route (src/engine/understanding.ts answers and confirms it).
      if (!c || c.facts.privateTransfer === true) return false;
      ctx.reply({ text: t('coach.private.answer') });
      // "没有订单 私下转的" at the order question answers it: no order number exists.
      if (c.state.stage === 'intake' && c.state.q === 'orderId') {
        ctx.stepCase(c, { type: 'choice', id: encodeChoice({ kind: 'skip' }) });
        const fresh = repo.getCase(c.id);
        if (fresh) repo.saveCase(fresh.id, { ...fresh.facts, privateTransfer: true }, fresh.state, ctx.now);
        return true;
      }
      ctx.stepCase(c, { type: 'facts', facts: { privateTransfer: true } });
      return true;
    },
    { order },
  );
}

function ways(ctx: TurnContext) {
  return ctx.active && ctx.active.status === 'open'
    ? [button({ kind: 'menu', action: 'continue' }, t('coach.continue'))]
    : [button({ kind: 'menu', action: 'new' }, t('choice.new_case'))];
}
