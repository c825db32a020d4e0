// Honest words that the fabrication guard would mistake for faking (exploratory testing, explore4),
// read before it (src/coaching/routes.ts, order GUARD):
//   F23  "其实我用过了", "玩了一个礼拜" at 收到后用过吗？请如实选择 — the honest answer: taken as
//        "用过一段时间了", with what it means for the claim said kindly; at 未到账's 到账了吗 it is
//        收到了，也用了, and on a 未到账 step the guard's admission reply (货不对板 / 卡密 offered)
//   F25  "其实我还有一张同样的卡也没到账" — a second order: a new case offered, nothing recorded
//   F15  "我是卖家 有个买家…投诉我" — a seller's voice: this bot helps buyers; what a seller can do
// A real request to fake ("我用过了但是能不能说没用过") is still declined, by the guard's reply.
import { t } from './text.js';
import type { Router, TurnContext } from '../engine/routes.js';
import { button, encodeChoice } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';
import { normalize } from '../nlu/normalize.js';
import { guardReply } from './fabrication.js';

/** The user's own use: "用过了", "玩了一个礼拜", "一直在用", "登录玩了几天". */
const OWN_USE = /用过|用了|玩了|玩过|在用|在玩|登(?:录|上)(?:过|了)|一直用|一直玩/;
/** A short honest admission: "其实我已经用过了", "说实话我用了". */
const OWN_ADMIT = /^(?:其实|说实话|老实说|坦白说|不好意思)?[,，\s]*我?(?:其实)?(?:已经)?(?:用过|用了|玩了|玩过|兑换了|兑换过)(?:了)?[。.!！~～]*$/;
/** Just a try ("试了一下"): the intake's own option reads it. */
const TRIED = /试了|试过|看了一(?:眼|下)|登录看/;
/** Not used ("没用过", "还没玩"): the intake's own option reads it. */
const NOT_USED = /(?:没|未|不)(?:有)?(?:用|玩|登)/;
/** Asking to say otherwise than it was: "能不能说没用过", "就说没收到", "写成没用". */
export const SAY_OTHERWISE = /(?:能不能|可不可以|可以|能否|要不|就|干脆|帮我|我想|我要|想|选)[^。！？!?]{0,3}?(?:说|写|填|报|装|假装|当作|当成|算|选)(?:成|是|作)?(?:没|未|从没|从未)(?:有)?(?:用|玩|收到|到账|使用|兑换)|帮我(?:p|改|修|编|做|弄|伪造)/i;

/** Asking for an edit of evidence beside it ("能不能把两张的截图P成一张"): the guard's. */
const FAKE_ASK = /(?:能不能|可不可以|能否|帮我|给我|替我|要不)[^。！？!?]{0,10}(?:p|ps|伪造|编造)|(?:改|修|合|做|弄|p)[^。！？!?]{0,6}(?:截图|图片|聊天记录|账单|订单)|(?:截图|图片|聊天记录|账单)[^。！？!?]{0,6}(?:改|修|合|p)/i;

/** A seller speaking: "我是卖家", "我是开店的", "买家…投诉我". */
const SELLER_VOICE = /我是(?:卖家|商家|店主|老板|卖号的|开店的|发卡的|卡盟站长|站长)(?!的)|我(?:这边|这里)?是(?:做|开)(?:卡盟|店)的|(?:买家|顾客|客户)[^。！？!?]{0,20}(?:投诉|举报|申诉|退款|差评|告)(?:了)?我(?!的)/;

/** Another order with the same trouble: "还有一张同样的卡也没到账", "另外一单也没到". */
const SECOND_ORDER =
  /(?:还有|另外(?:还有)?|另有|又(?:买|充)了)(?:一|1|两|2|几)?(?:张|单|笔|个|次|份)[^。！？!?]{0,12}(?:也|同样|一样|都)[^。！？!?]{0,4}(?:没到账|没到|没收到|没发货|没发|不能用|用不了|无效|被(?:人)?用|已(?:被)?使用|有问题)/;

/** The other side's claim reported ("商家说我已经用过了 但我根本没收到"), not the user's own admission (review R19). */
const REPORTED = /(?:商家|卖家|客服|对方|老板|店家|平台|他|她)(?:们)?(?:非|硬|一口咬定|咬定|却)?(?:说|讲|称|认为|表示|声称)|根本没(?:收到|到账|用)|没收到/;

export function registerHonest(router: Router, order: number): void {
  router.text(
    (ctx) => {
      // Typed words only; an option typed at the question ("用过了") arrives as a choice too.
      if (ctx.inbound.choice || ctx.inbound.attachments?.length) return false;
      const text = ctx.text.trim();
      if (!text || matchCommand(text)) return false;
      const s = normalize(text);
      if (!ctx.choice && SELLER_VOICE.test(s) && !SAY_OTHERWISE.test(s) && !FAKE_ASK.test(s)) return seller(ctx);
      const c = ctx.active && ctx.active.status === 'open' ? ctx.active : undefined;
      if (!c) return false;
      if (c.state.stage === 'intake' && c.state.q === 'usedAlready') {
        // "能不能说没用过" names the option 没用, but asks to say what was not so.
        if (SAY_OTHERWISE.test(s)) return decline(ctx);
        if (ctx.choice && !(ctx.choice.kind === 'answer' && ctx.choice.option === 'in_use')) return false;
        if (OWN_USE.test(s) && !TRIED.test(s) && !NOT_USED.test(s) && !REPORTED.test(s)) return used(ctx, c);
        return false;
      }
      // 未到账: "其实我用过了" at 到账了吗 is its option 收到了，也用了 (the step says what that means).
      if (c.state.stage === 'intake' && c.state.q === 'goodsState' && OWN_USE.test(s) && !NOT_USED.test(s) && !REPORTED.test(s)) {
        if (SAY_OTHERWISE.test(s)) return decline(ctx);
        ctx.reply({ text: t('honest.used_thanks') });
        ctx.stepCase(c, { type: 'choice', id: encodeChoice({ kind: 'answer', option: 'used' }) });
        return true;
      }
      // …and said on a 未到账 step: the guard's admission reply (货不对板 / 卡密 offered), never its refusal.
      if (!ctx.choice && c.scenario === 'not_received' && (c.state.stage === 'ladder' || c.state.stage === 'evidence') && OWN_ADMIT.test(s) && !SAY_OTHERWISE.test(s) && !REPORTED.test(s)) {
        const g = guardReply({ mode: 'admission', match: s }, c.scenario, c.facts);
        const offers = g.offerScenarios.map((sc) => button({ kind: 'coach', op: 'sw', arg: sc }, t('coach.switch.to', { scenario: t(`scenario.${sc}`) })));
        ctx.reply({ text: g.text, choices: [...offers, button({ kind: 'menu', action: 'continue' }, t('coach.continue'))] });
        return true;
      }
      if (!ctx.choice && (c.state.stage === 'ladder' || c.state.stage === 'evidence') && SECOND_ORDER.test(s) && !SAY_OTHERWISE.test(s) && !FAKE_ASK.test(s)) {
        return ctx.reply({
          text: t('honest.second_order', { id: c.id }),
          choices: [button({ kind: 'menu', action: 'new' }, t('choice.new_case')), button({ kind: 'menu', action: 'continue' }, t('coach.continue'))],
        });
      }
      return false;
    },
    { order },
  );

  function seller(ctx: TurnContext): true {
    const choices = ctx.active ? [button({ kind: 'menu', action: 'continue' }, t('coach.continue'))] : [];
    ctx.reply({ text: t('honest.seller'), ...(choices.length ? { choices } : {}) });
    return true;
  }

  /** At 收到后用过吗？: used for a while, said honestly — the answer, with what it means. */
  function used(ctx: TurnContext, c: NonNullable<TurnContext['active']>): true {
    ctx.reply({ text: t('honest.used') });
    ctx.stepCase(c, { type: 'choice', id: encodeChoice({ kind: 'answer', option: 'in_use' }) });
    return true;
  }

  /** "用过了但是能不能说没用过": the guard's reply to a question about faking (case open). */
  function decline(ctx: TurnContext): true {
    const c = ctx.active!;
    const g = guardReply({ mode: 'question', kind: 'used_claim', match: ctx.text.trim() }, c.scenario, c.facts, true);
    ctx.reply({ text: g.text, choices: [button({ kind: 'menu', action: 'continue' }, t('coach.continue'))] });
    return true;
  }
}
