// More answers typed on a rung, read as what they are (exploratory testing, explore3):
//   F39  the seller asks for evidence (录屏; explore4 F36 "他问我要订单截图") — send it and ask for their redemption record, not a
//        refusal; a second key that is also used — recorded, the claim stronger; a refund tied to
//        deleting a review — refuse the condition; (a refund promised with a time: refund-words.ts)
//   F31  a swap promised for later ("可以换成年卡 但是要等一周") — a promise with its date, checked
//        then; the user accepting the swap ("换成年卡我也能接受") — written down
//   F48  on the police rung, the police's answer ("警察说金额不够立案") — 受案回执 / 不予立案通知书,
//        never a letter to the seller
//   F44  after 无此订单, the bill's 交易单号 / 商户单号 typed — recorded, the ready reply re-issued
// Read before the seller-reply reading (src/coaching/routes.ts, order SELLER_REPLY). The honest
// admission (F9) is read earlier, before the correction offer (admitted.ts).
import { has, t, type Params } from './text.js';
import type { Router, TurnContext } from '../engine/routes.js';
import type { CaseRow } from '../engine/repo.js';
import { button } from '../engine/choices.js';
import { citationsFor } from '../knowledge/law.js';
import { formatDateTime } from '../flow/format.js';
import { rungContext, rungText, type RungDeps } from './rung-context.js';

const NOT = '(?:不|没)';
/** The other side wants evidence first: "要我提供兑换时的录屏", "让我发个视频". */
const EVIDENCE_ASKED = /(?:要|让|叫|需要|要求)我(?:先)?(?:提供|发|拍|录|出示|补|上传|给(?:他|她|他们)?)[^。！？!?]{0,10}(?:录屏|视频|截图|证据|凭证|照片|录像)|(?:问|找|跟|向)我(?:要|索要|讨要)[^。！？!?]{0,8}(?:录屏|视频|截图|证据|凭证|照片|录像|记录)/;
/** A second key, also used: "给我换了一张新的 还是提示已使用". */
const SECOND_BAD = new RegExp(
  `(?:换了|又给了|又发了|重新发了|补发了|再发了|换给我|给我换)[^。！？!?]{0,10}(?:还是|也|又|同样|一样|照样|依然)[^。！？!?]{0,8}(?:已(?:被)?使用|被(?:人)?用|用过|无效|用${NOT}了|报错|${NOT}能用|失效)`,
);
/** A refund on condition of deleting a review: "要我先删掉差评才给退". */
const REVIEW_CONDITION = /(?:删|撤|改)[^。！？!?]{0,3}(?:差评|评价|中评|投诉)[^。！？!?]{0,8}(?:才|再|就|后)[^。！？!?]{0,4}(?:退|给|处理)|(?:先|要我|让我|叫我)[^。！？!?]{0,4}(?:删|撤|改)[^。！？!?]{0,3}(?:差评|评价|中评)/;
/** A swap promised for later: "可以给我换成年卡 但是要等一周". */
const SWAP_LATER = /(?:换|更换|补发|重发|重新发)[^。！？!?]{0,14}(?:要|得|需要)?等(?:到)?(一周|一个?星期|两周|两个星期|下周|[一二两三四五六七八九十\d]+\s*天|几天)/;
const DAYS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** The user accepts a swap instead of the money: "换成年卡我也能接受 不一定要退钱". */
const SWAP_OK = /(?:换|更换|补发)[^。！？!?]{0,10}(?:也能接受|可以接受|能接受|也行|也可以|没问题|我同意|也好)|不一定(?:要)?退(?:钱|款)?|不退(?:钱|款)?也行/;
/** The police's answer: "警察说金额不够立案", "派出所不受理". */
const POLICE_SAID = /(?:警察|民警|派出所|公安|警方|110)[^。！？!?]{0,12}(?:不够|不立案|不予立案|不受理|不管|立不了|没法立|不能立|找平台|找商家|民事|经济纠纷|调解)/;
/** "银行客服说这种要先报警 拿到报案回执才能办": the channel wants a police receipt first. */
const CHANNEL_WANTS_REPORT = /(?:银行|发卡行|客服|支付宝|微信|渠道)[^。！？!?]{0,12}(?:先|要|需要|得)[^。！？!?]{0,4}(?:报警|报案)|(?:报案|报警)(?:的)?回执[^。！？!?]{0,6}(?:才能|才可以|才给|才会)/;
/** The bill's numbers: "交易单号 4200…", "商户单号 XL…". */
const TXN = /(?:交易单号|交易号|支付单号|订单号|流水号)\s*[:：是为]?\s*([A-Za-z0-9]{10,40})/;
const MERCHANT_NO = /(?:商户单号|商家订单号|商户订单号)\s*[:：是为]?\s*([A-Za-z0-9]{6,40})/;

export function registerMoreReplies(router: Router, order: number, d: RungDeps): void {
  const rc = rungContext(d);
  const { zone } = rc;

  router.text(
    (ctx) => {
      const on = rungText(ctx);
      if (!on) return false;
      const { c, text } = on;
      const rung = rc.rungOf(c);
      if (rung === 'police' && POLICE_SAID.test(text)) return policeAnswer(ctx, c);
      // The payment channel asks for a police receipt first (explore3 F14): how to get one; nothing recorded.
      if (rung === 'payment' && CHANNEL_WANTS_REPORT.test(text)) {
        ctx.reply({ text: t('reply.channel_wants_report') });
        return (ctx.stepCase(c, { type: 'repeat' }), true);
      }
      if (c.scenario === 'card_used' && SECOND_BAD.test(text)) return coached(ctx, c, 'second_bad_key', text, { secondKeyBad: true });
      if (REVIEW_CONDITION.test(text)) return coached(ctx, c, 'review_condition', text);
      if (EVIDENCE_ASKED.test(text) && !/删/.test(text)) return coached(ctx, c, 'evidence_asked', text);
      const swap = SWAP_LATER.exec(text);
      if (swap) return swapLater(ctx, c, text, swap[1]);
      const last = c.state.replies?.at(-1);
      if (SWAP_OK.test(text) && last?.kind === 'promised_later') {
        ctx.reply({ text: t('reply.swap_accepted') });
        ctx.stepCase(c, { type: 'facts', facts: { swapAccepted: true }, quiet: true });
        return true;
      }
      if (last?.kind === 'no_order') return billNumbers(ctx, c, text);
      return false;
    },
    { order },
  );

  function params(c: CaseRow, now: Date): Params {
    const rung = rc.rungOf(c);
    const problem = `reply.after_sale_expired.problem.${c.scenario}`;
    const ask = `reply.evidence_asked.ask.${c.scenario}`;
    return {
      ...rc.params(c, now),
      party: rc.party(rung),
      escalate: t(`reply.escalate.${has(`reply.escalate.${rung}`) ? rung : 'other'}`),
      problem: t(has(problem) ? problem : 'reply.after_sale_expired.problem.other'),
      ask: t(has(ask) ? ask : 'reply.evidence_asked.ask.other'),
    };
  }

  /** Advice and a ready text; recorded as the other side's answer; the case stays on this rung. */
  function coached(ctx: TurnContext, c: CaseRow, kind: string, said: string, facts: Record<string, boolean> = {}): true {
    const p = params(c, ctx.now);
    ctx.reply({ text: t(`reply.${kind}.advice`, p), document: { title: t('coach.reply_draft'), body: t(`reply.${kind}.draft`, p) } });
    ctx.stepCase(c, { type: 'seller_reply', kind, next: 'same_rung', facts: { sellerReply: kind, ...facts }, said });
    return true;
  }

  /** A swap promised for a later day: its date confirmed in writing, the check on that day. */
  function swapLater(ctx: TurnContext, c: CaseRow, said: string, wait: string): true {
    const n = /周|星期/.test(wait) ? (/两/.test(wait) ? 14 : 7) : /几/.test(wait) ? 3 : Number(/\d+/.exec(wait)?.[0] ?? DAYS[wait.replace(/\s*天/, '')] ?? 3);
    const due = rc.daysOn(ctx.now, Math.min(Math.max(n, 1), 30));
    const p = { ...params(c, ctx.now), by: formatDateTime(due, zone) };
    ctx.reply({ text: t('reply.swap_later.advice', p), document: { title: t('coach.reply_draft'), body: t('reply.swap_later.draft', p) } });
    ctx.stepCase(c, { type: 'seller_reply', kind: 'promised_later', next: 'wait', facts: { sellerReply: 'promised_later' }, said, checkAt: due.getTime() });
    return true;
  }

  /** The police's answer: what to ask them for (law table rows of the police rung), then the other rungs. */
  function policeAnswer(ctx: TurnContext, c: CaseRow): true {
    const rows = citationsFor(c.facts, 'police', c.scenario);
    const receipt = rows.find((r) => r.id === 'police169');
    const psa = rows.find((r) => r.id === 'psa');
    const text = t('reply.police_answer.advice', {
      article: receipt?.article ?? '',
      meaning: receipt?.meaning ?? '',
      psaArticle: psa?.article ?? '',
      psaMeaning: psa?.meaning ?? '',
    });
    ctx.reply({
      text,
      choices: [button({ kind: 'rung', op: 'next', at: c.state.rung }, t('choice.next_rung')), button({ kind: 'menu', action: 'progress' }, t('cmd.progress'))],
    });
    return true;
  }

  /** After 无此订单: the bill's numbers typed are kept and the reply re-issued with them. */
  function billNumbers(ctx: TurnContext, c: CaseRow, text: string): boolean {
    const no = MERCHANT_NO.exec(text)?.[1];
    const rest = no ? text.replace(MERCHANT_NO, ' ') : text;
    const txn = TXN.exec(rest)?.[1] ?? (/^\s*([0-9]{16,40})\s*$/.exec(rest)?.[1]);
    if (!txn && !no) return false;
    const facts = { ...(txn ? { txnId: txn } : {}), ...(no ? { merchantOrderNo: no } : {}) };
    const what = [txn && t('coach.bill_numbers.txn', { txn }), no && t('coach.bill_numbers.merchant', { no })].filter(Boolean).join('，');
    const merged = { ...c.facts, ...facts };
    const p: Params = {
      ...rc.params({ ...c, facts: merged }, ctx.now),
      txn: typeof merged.txnId === 'string' ? merged.txnId : t('reply.no_order.blank_txn'),
      merchantNo: typeof merged.merchantOrderNo === 'string' ? merged.merchantOrderNo : t('reply.no_order.blank_merchant'),
    };
    const body = t('reply.no_order.draft', p);
    ctx.reply({ text: t('coach.bill_numbers', { what }), document: { title: t('coach.reply_draft'), body } });
    ctx.stepCase(c, { type: 'facts', facts, quiet: true });
    return true;
  }
}
