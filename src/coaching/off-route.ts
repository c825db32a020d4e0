// Situations the six scenarios do not fit (explore3 F33, F32), answered plainly wherever they are said:
//  - a minor paid without the guardian's consent ("我儿子才12岁 偷偷用我微信…充了1500"): the 未成年人
//    refund route — no claim of non-delivery, no law cited (the law table has no row for it);
//  - money sent by private 微信/支付宝 transfer to a seller met on a 卡盟 ("加他微信私下转账"): outside the
//    platform's protection and no merchant payment — the police first, the transfer record, reporting
//    the account, telling the platform; no order number exists. On a case the fact is kept
//    (`privateTransfer`) and the ladder goes to the police (src/flow/ladder.ts); "没有订单 私下转的" at the
//    order question is its answer.
import { button } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';
import type { Router, TurnContext } from '../engine/routes.js';
import type { Repo } from '../engine/repo.js';
import { encodeChoice } from '../engine/choices.js';
import { parseChineseNumber } from '../nlu/normalize.js';
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

/** Money sent to the seller by a private transfer, not through the platform's order. */
export function privateTransfer(text: string): boolean {
  return /私下(?:微信|支付宝|银行卡)?转(?:账|钱|给)?|私下交易|加(?:他|她|对方|卖家)?(?:的)?(?:微信|vx|QQ|qq)[^。！？!?]{0,8}(?:转账|转钱|直接转)|(?:微信|支付宝)(?:直接)?转账给(?:他|她|卖家|对方)|(?:转账|转钱)给(?:他|她|卖家|对方)(?:个人|私人)|没有订单[^。！？!?]{0,4}(?:私下|直接转|转账)/i.test(text);
}

export function registerOffRoute(router: Router, order: number, repo: Pick<Repo, 'getCase' | 'saveCase'>): void {
  router.text(
    (ctx) => {
      if (ctx.choice || !ctx.text.trim() || matchCommand(ctx.text)) return false;
      const c = ctx.active && ctx.active.status === 'open' ? ctx.active : undefined;
      if (minorPayment(ctx.text)) return ctx.reply({ text: t('coach.minor.answer'), choices: ways(ctx) });
      if (!privateTransfer(ctx.text)) return false;
      if (c && c.facts.privateTransfer === true) return false;
      ctx.reply({ text: t('coach.private.answer') });
      if (!c) return ctx.reply({ text: t('coach.private.no_case'), choices: ways(ctx) });
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
