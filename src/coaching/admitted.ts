// An honest admission on a step (exploratory testing, explore3 F9): "刚问了我弟 他说卡密是他前天拿去
// 兑换了 是我搞错了", "其实我第一次兑换成功了 第二次才报错" (explore4 F26). Thanked; a key redeemed in the family is not the seller's fault; withdrawing
// the complaint and telling the seller is suggested, and 结案 offered. The fact is updated so no
// letter keeps "从未兑换过". Read before the correction offer (which heard 前天 as a new payment time)
// and before the seller-reply reading.
import { t } from './text.js';
import type { Router } from '../engine/routes.js';
import { button } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';

const WHO = '(?:我(?:弟|妹|哥|姐|爸|妈|儿子|女儿|老公|老婆|媳妇|孩子|家孩子|朋友|室友)|家里人|家人|孩子|我们自己|我自己)';
/** Someone of the user's own redeemed it. */
const OWN_USE = new RegExp(
  `${WHO}[^。！？!?]{0,16}(?:兑换|用|充|领)(?:成功)?(?:掉|过|了)|被${WHO}?(?:兑换|用)(?:掉|过|了)|是我们?自己兑换的|(?:第一次|头一次|之前|上次|一开始|刚开始)(?:已经)?(?:兑换|使用|用|充值|充)(?:是)?成功`,
);
/** The other side's accusation ("商家说是我自己兑换了") is not an admission. */
const THEY_SAY = /(?:商家|卖家|客服|对方|平台|老板)[^。！？!?]{0,4}(?:说|称|非说|硬说|咬定|认为|怀疑)/;

export function registerAdmitted(router: Router, order: number): void {
  router.text(
    (ctx) => {
      const c = ctx.active;
      if (ctx.choice || !c || c.status !== 'open' || c.scenario !== 'card_used' || (c.state.stage !== 'ladder' && c.state.stage !== 'evidence')) return false;
      const text = ctx.text.trim();
      if (!text || matchCommand(text) || !OWN_USE.test(text) || THEY_SAY.test(text)) return false;
      ctx.reply({
        text: t('coach.admitted'),
        choices: [button({ kind: 'menu', action: 'close' }, t('choice.close')), button({ kind: 'menu', action: 'continue' }, t('coach.continue'))],
      });
      ctx.stepCase(c, { type: 'facts', facts: { redeemedBefore: 'me_success' }, quiet: true });
      return true;
    },
    { order },
  );
}
