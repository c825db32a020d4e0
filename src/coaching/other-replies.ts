// Answers of the other side the seller-reply classifier has no kind for, typed on a rung
// (exploratory testing, explore3): a swap offered for a fee (F19: "可以给我换一张 但是要我补20块差价"
// is no part refund), part of the money back (F3: "退了一半 60" is 60 received, not "said refunded
// but nothing came"), a complaint closed without the money (F6: not "已发货"), and an appeal refused
// for lack of evidence (F24: which checklist items are missing, and resubmitting with them).
// Read before the seller-reply reading (src/coaching/routes.ts, order SELLER_REPLY).
import { has, t, type Params } from './text.js';
import type { Router, TurnContext } from '../engine/routes.js';
import type { CaseRow } from '../engine/repo.js';
import { renderText } from '../engine/render.js';
import { parseAmount } from '../nlu/amount.js';
import { normalize } from '../nlu/normalize.js';
import type { Timings } from '../flow/ladder.js';
import { checklistOrder } from '../flow/replies.js';
import type { Flow, RungId } from '../flow/types.js';
import type { ScenarioId } from '../types.js';
import { rungContext, rungText } from './rung-context.js';

export interface OtherRepliesDeps {
  config: Timings & { BOT_TIMEZONE: string };
  flows: Readonly<Record<ScenarioId, Flow>>;
}

const N = '(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)';
/** A swap (换一张, 补发, 重发) offered only if the user pays more (补差价, 加20块). */
const PAID_SWAP = new RegExp(
  `(?:换|补发|重发|重新发)[^。！？!?]{0,14}(?:补|加|再付|再交|另付|多付|多给|再给)[^。！？!?]{0,3}(?:${N}\\s*(?:块|元)?(?:钱)?(?:的)?)?(?:差价|钱|费用|手续费)|(?:补|加)[^。！？!?]{0,3}(?:${N}\\s*(?:块|元)?)?(?:的)?差价[^。！？!?]{0,14}(?:换|补发|重发)`,
);
/** Money that came back, with how much: "退了一半 60", "只退了50块", "退回来了30". */
const PART_BACK = new RegExp(`(?:退|返|还)(?:了|回来了|回了)(?:我)?(?:一半|一部分|部分)?[^\\d一二三四五六七八九十百千两。！？!?]{0,4}(${N})\\s*(?:块|元|rmb)?`, 'i');
/** …but not: "没退", "没收到", "还没到" (a claim not received, read by the seller-reply route). */
const NOT_BACK = /没(?:有)?(?:退|收到|到账|到)|未(?:收到|到账)|还没/;
/** A complaint or appeal shown closed or "handled", the money not back. */
const CLOSED = /(?:投诉|工单|申诉)(?:已经?|被)?(?:关|关闭|结束|完结|撤销|结案)|(?:关|关闭|结束)了?(?:我的)?(?:投诉|工单)|(?:已经?|显示)(?:处理|处理完|解决)(?:了|完)?/;
const UNPAID = /没(?:有)?(?:收到|到账|退)|根本没|未(?:收到|到账|退)/;
/** The other side says the evidence is not enough. */
const EVIDENCE_SHORT = /证据不足|证据不够|证据不全|材料不足|材料不够|材料不全|凭证不足|缺(?:少)?(?:证据|材料)|(?:补充|补交)(?:证据|材料)/;

/** "不用加钱", "免费换": no fee asked (review H6). */
const NO_FEE = /不用|不要|无需|免费|不收|不需要/;
/** The user's own worry, not the other side's answer ("我担心证据不足", "会不会因为证据不足被驳回"; review H6). */
const WORRY = /会不会|担心|怕|万一|如果|要是|是不是|能不能|会被/;
/** A number after 退了 that is a duration or a count ("24小时内到账", "3个工作日", "退了3次"; review H5). */
const NOT_MONEY_NEXT = /^\s*(?:个)?(?:天|小时|工作日|次|分钟|周|日|号|遍|回)/;

export function registerOtherReplies(router: Router, order: number, d: OtherRepliesDeps): void {
  const { rungOf, params, party } = rungContext(d);

  router.text(
    (ctx) => {
      const on = rungText(ctx);
      if (!on) return false;
      const { c, text } = on;
      const s = normalize(text);
      const rung = rungOf(c);
      if (PAID_SWAP.test(s) && !NO_FEE.test(s)) return coached(ctx, c, 'paid_swap', text, rung);
      if ((rung === 'platform' || rung === 'payment') && CLOSED.test(s) && UNPAID.test(s)) return coached(ctx, c, 'closed_unpaid', text, rung);
      if (EVIDENCE_SHORT.test(s) && !WORRY.test(s)) return coached(ctx, c, 'evidence_short', text, rung);
      const back = PART_BACK.exec(s);
      if (back && !NOT_BACK.test(s) && !NOT_MONEY_NEXT.test(s.slice(back.index + back[0].length))) return partBack(ctx, c, parseAmount(back[1]));
      return false;
    },
    { order },
  );

  /** A kind of answer coached here: advice, a ready text, recorded on the case; the case stays on this rung. */
  function coached(ctx: TurnContext, c: CaseRow, kind: 'paid_swap' | 'closed_unpaid' | 'evidence_short', said: string, rung: RungId): true {
    const problem = `reply.after_sale_expired.problem.${c.scenario}`;
    const p: Params = { ...params(c, ctx.now), party: party(rung), problem: t(has(problem) ? problem : 'reply.after_sale_expired.problem.other') };
    const lines = [t(`reply.${kind}.advice`, p)];
    if (kind === 'evidence_short') {
      const missing = checklistOrder(d.flows[c.scenario]).filter((id) => !c.state.evidence[id]);
      lines.push(
        missing.length
          ? t('reply.evidence_short.missing', { items: missing.map((id) => t('reply.evidence_short.item', { item: t(`ev.${id}.short`) })).join('\n') })
          : t('reply.evidence_short.all_ticked'),
      );
    }
    const draft = has(`reply.${kind}.draft`) ? t(`reply.${kind}.draft`, p) : undefined;
    ctx.reply({ text: lines.join('\n\n'), ...(draft ? { document: { title: t('coach.reply_draft'), body: draft } } : {}) });
    ctx.stepCase(c, { type: 'seller_reply', kind, next: 'same_rung', facts: { sellerReply: kind }, said });
    return true;
  }

  /** Part of the money back: written down (the letters say 已退还…), the rest stays on this rung. */
  function partBack(ctx: TurnContext, c: CaseRow, refunded: number | undefined): boolean {
    const owedAll = typeof c.facts.extraAmount === 'number' ? c.facts.extraAmount : c.facts.amount;
    const so = typeof c.facts.refundedSoFar === 'number' ? c.facts.refundedSoFar : 0;
    // The whole sum (or no sum known) is the usual "refunded" route: how much, then close.
    if (refunded === undefined || refunded <= 0 || typeof owedAll !== 'number' || refunded >= owedAll - so) return false;
    const amount = (n: number) => renderText({ fmt: 'amount', n });
    ctx.reply({ text: t('reply.part_back.received', { refunded: amount(refunded), remainder: amount(owedAll - so - refunded) }) });
    ctx.stepCase(c, { type: 'facts', facts: { refundedSoFar: so + refunded, partialAccepted: null } });
    return true;
  }
}
