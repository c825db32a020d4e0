// Refunds in the user's words on a rung (exploratory testing, explore3):
//   F4/F51  the money came back, said with its amount or as 全额 ("刚刚退款到账了 全额", "退回来了
//           30块全回来了"): closed as a full refund of that sum — never "平台/商家说已经退款"
//   F40     "商家说已经退了 但我没收到": their claim recorded; the check comes at the later of the
//           rung's own deadline and the usual refund window quoted (1–3 / 3–7 working days), never
//           earlier and never announced as the deadline; "还没到" before then is told to wait
//   F39     "商家同意退款了 说24小时内原路退回": a promise with a time, checked then
// Read before the seller-reply reading (src/coaching/routes.ts, order SELLER_REPLY), after the
// part-refund reading (other-replies.ts: a sum below what is owed is a part).
import { t } from './text.js';
import type { Router, TurnContext } from '../engine/routes.js';
import type { CaseRow } from '../engine/repo.js';
import { encodeChoice } from '../engine/choices.js';
import { renderText } from '../engine/render.js';
import { parseAmount } from '../nlu/amount.js';
import { addWorkdays } from '../calendar/workdays.js';
import { formatDateTime } from '../flow/format.js';
import { rungDueAt } from '../flow/ladder.js';
import { FULL_BACK } from '../flow/rungs.js';
import { classifySellerReply, coachSellerReply } from './sellerReply.js';
import { NOT_ARRIVED, OTHER_SIDE, STILL_NOT, TO_THE_BOT } from './said.js';
import { rungContext, rungText, type RungDeps } from './rung-context.js';

/** The money is back, said by the user (not "商家说…"). */
const RECEIVED = /到账了|(?:钱|款)(?:已经)?(?:到了|收到了|回来了)|退回来了|全回来了|全(?:都)?退(?:了|回)|全部(?:都)?(?:退|到|回)|都退(?:了|回)|退完了|全额(?:退|到账)/;
const CLAIMED = /说|称|表示|告诉我|显示|声称/;
const NUM = /(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:块|元|rmb)/i;
/** A refund promised within a time: "24小时内原路退回", "同意退款 3天内到账". */
const PROMISED = /(?:同意|答应|会|保证|承诺)[^。！？!?]{0,6}退(?:款|钱)?[^。！？!?]{0,14}?(\d+|[一二两三四五六七])\s*(?:个)?(小时|天|工作日)(?:内|之内|以内)?|(\d+|[一二两三四五六七])\s*(?:个)?(小时|天|工作日)(?:内|之内|以内)[^。！？!?]{0,8}(?:退|原路)/;
const CN: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };
/** "还没到", "钱还没收到": nothing came yet. */
const NOT_YET = /^(?:钱|款|退款)?(?:还是|还|都|依然)?(?:没|没有)(?:到|收到|到账|看到)(?:账)?(?:呢|啊|呀|了|哦)*[。.!！~～]*$/;

export function registerRefundWords(router: Router, order: number, d: RungDeps): void {
  const rc = rungContext(d);
  const { zone } = rc;

  router.text(
    (ctx) => {
      const on = rungText(ctx);
      if (!on) return false;
      const { c, text } = on;
      if (TO_THE_BOT.test(text) && !OTHER_SIDE.test(text) && !RECEIVED.test(text)) return false;
      const rung = rc.rungOf(c);
      // "还没到" while the other side's claimed refund is still inside its usual window.
      const until = typeof c.facts.refundClaimUntil === 'string' ? new Date(c.facts.refundClaimUntil) : undefined;
      if (until && c.facts.refundClaimRung === rung && until.getTime() > ctx.now.getTime() && (NOT_YET.test(text) || STILL_NOT.test(text))) {
        return ctx.reply({ text: t('coach.refund_claim_until', { until: formatDateTime(until, zone) }) });
      }
      const promised = PROMISED.exec(text);
      if (promised && !NOT_ARRIVED.test(text)) return promise(ctx, c, text, promised);
      if (NOT_ARRIVED.test(text) && classifySellerReply(text) === 'refunded') return claimed(ctx, c, text);
      if (RECEIVED.test(text) && !NOT_ARRIVED.test(text) && !CLAIMED.test(text)) return received(ctx, c, text);
      return false;
    },
    { order },
  );

  /** The money back in words: the sum said, or all still owed for 全额; a part is other-replies.ts's. */
  function received(ctx: TurnContext, c: CaseRow, text: string): boolean {
    const owedAll = typeof c.facts.extraAmount === 'number' && c.facts.extraAmount > 0 ? c.facts.extraAmount : c.facts.amount;
    const so = typeof c.facts.refundedSoFar === 'number' ? c.facts.refundedSoFar : 0;
    const owed = typeof owedAll === 'number' ? owedAll - so : undefined;
    const said = NUM.exec(text);
    const sum = said ? parseAmount(said[1]) : FULL_BACK.test(text) ? owed : undefined;
    if (sum === undefined || owed === undefined) {
      // How much is not said: asked, without "they say it was refunded".
      ctx.stepCase(c, { type: 'choice', id: encodeChoice({ kind: 'followup', answer: 'refunded' }) });
      return true;
    }
    // A part (other-replies.ts reads "退回来了30" below what is owed) or more than owed: not here.
    if (sum !== owed) return false;
    ctx.reply({ text: t('coach.refund_words.full', { refunded: renderText({ fmt: 'amount', n: sum }) }) });
    ctx.closeCase(c, 'full', so + sum);
    return true;
  }

  /** "商家说已经退了 但我没收到": recorded; checked at the later of the rung's deadline and the refund window. */
  function claimed(ctx: TurnContext, c: CaseRow, said: string): true {
    const rung = rc.rungOf(c);
    const bank = c.facts.paymentMethod === 'bank';
    const window = addWorkdays(ctx.now, bank ? 7 : 3, zone);
    const due = c.state.rungSentAt ? rungDueAt(rung, new Date(c.state.rungSentAt), d.config, zone) : undefined;
    const at = due && due.getTime() > window.getTime() ? due : window;
    const coached = coachSellerReply('refunded', { scenario: c.scenario, params: rc.params(c, ctx.now), rung });
    const advice = `${t('reply.refunded.advice', { party: rc.party(rung) })}\n\n${t('reply.refunded.unconfirmed')}`;
    ctx.reply({ text: advice, ...(coached.draft ? { document: { title: t('coach.reply_draft'), body: coached.draft } } : {}) });
    const facts = { ...coached.facts, refundClaimRung: rung, refundClaimUntil: at.toISOString() };
    ctx.stepCase(c, { type: 'seller_reply', kind: 'refunded', next: 'wait', facts, said, checkAt: at.getTime() });
    return true;
  }

  /** A refund promised within a time: the promise recorded, checked when it falls due. */
  function promise(ctx: TurnContext, c: CaseRow, said: string, m: RegExpExecArray): true {
    const rung = rc.rungOf(c);
    const n = Number(/\d/.test(m[1] ?? m[3]) ? (m[1] ?? m[3]) : CN[m[1] ?? m[3]] ?? 1);
    const unit = m[2] ?? m[4];
    const at = unit === '小时' ? rc.daysOn(ctx.now, Math.max(1, Math.ceil(n / 24))) : unit === '工作日' ? addWorkdays(ctx.now, n, zone) : rc.daysOn(ctx.now, Math.min(Math.max(n, 1), 30));
    const coached = coachSellerReply('promised_later', { scenario: c.scenario, params: rc.params(c, ctx.now), rung });
    ctx.reply({ text: t('reply.refund_promised.advice', { party: rc.party(rung) }), ...(coached.draft ? { document: { title: t('coach.reply_draft'), body: coached.draft } } : {}) });
    ctx.stepCase(c, { type: 'seller_reply', kind: 'promised_later', next: 'wait', facts: coached.facts, said, checkAt: at.getTime() });
    return true;
  }
}
