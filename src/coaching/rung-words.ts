// Common words typed on a rung, read as what they are (exploratory testing, explore4):
//   F22  "平台和微信都退款了 收到了两次钱 240块" — the extra is to be returned (how, to whom); the case
//        closes as a full refund of what was paid, never congratulated as 240
//   F19  "他说退款要扣20%手续费" — a fee off the refund: a part refund (96 of 120), not a scam
//   F31  "到账了一半 另一半还没到" — part of the goods arrived (只到了一部分), not money
//   F34  刷不了: "平台给我补单了 qb已经到账了", "钱没退 是q币到了" — the order completed: 已发货/补发
//   F14  12315: "说不归他们管 让我去找…" — jurisdiction: where to file instead; nothing recorded
//   F37  payment: "要先跟商家协商" (已协商无果), "不是签约商户" (a personal payee); card: "兑换区选错了",
//        "清一下缓存再试" (try once as told, on a screen recording)
//   F5   "还没退 他还是说在维护" before the promised time: a stall, said so; no step yet
// Read before the other on-rung readers and the seller-reply reading (src/coaching/on-rung.ts).
import { t } from './text.js';
import type { Router, TurnContext } from '../engine/routes.js';
import type { CaseRow, Repo } from '../engine/repo.js';
import { button } from '../engine/choices.js';
import { renderText } from '../engine/render.js';
import { parseAmount } from '../nlu/amount.js';
import { normalize } from '../nlu/normalize.js';
import { FEE_DEDUCTED } from './scam.js';
import { coachSellerReply } from './sellerReply.js';
import { replyDeadline } from './reply-deadline.js';
import { formatDateTime } from '../flow/format.js';
import { rungContext, rungText, type RungDeps } from './rung-context.js';

export interface RungWordsDeps extends RungDeps {
  repo: Pick<Repo, 'closeCase' | 'cancelFollowUps' | 'audit'>;
}

const N = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)';
/** The money came back twice. */
const TWICE = /(?:收到|退|到账|到)(?:了)?(?:两次|两笔|两份|双份|两遍)|两边(?:都)?退|(?:和|跟|与)[^，。,！!？?]{1,8}都退(?:款|钱)?了|重复退款|多退了|退重了/;
/** …told by the user, not reported from the other side (商家说都退了) nor denied (但我一分钱没收到; review R11). */
const THEY_SAID = /(?:商家|卖家|客服|对方|老板|店家|平台|他|她)(?:们)?(?:说|讲|称|表示|回复|声称)/;
const NOT_GOT = /没收到|没到账|没到|没看到|没有收到|没退|一分(?:钱)?(?:都|也)?没|没见到/;
/** A sum alone at 退回了多少钱？: "240", "240块", "¥240". */
const BARE_SUM = new RegExp(`^[¥￥]?\\s*${N}\\s*(?:块|元|rmb)?(?:钱)?[。.!！]*$`, 'i');
const SUM = new RegExp(`${N}\\s*(?:块|元|rmb)`, 'i');
/** A fee taken off: "扣20%", "扣两成", "扣10块". */
const FEE_PCT = /扣(?:除|掉)?(?:我)?\s*(\d+(?:\.\d+)?)\s*[%％]|扣(?:除|掉)?(?:我)?\s*([一二两三四五六七八九])\s*成|扣(?:除|掉)?(?:我)?(一半)/;
const TENTHS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const FEE_SUM = new RegExp(`扣(?:除|掉|了)?\\s*${N}\\s*(?:块|元)`);
/** Part of the goods arrived, the rest not: "到账了一半 另一半还没到", "只到了一部分". */
const PART_GOODS = /(?:到账|到|收到|充上|发)了?(?:一半|一部分|部分)[^。！？!?]{0,12}(?:另|剩|其余|还有)[^。！？!?]{0,6}(?:没|未)|只(?:到|充|收到|发)了?(?:一半|一部分|部分)/;
const MONEY = /退款|退钱|退了|钱|元|块/;
/** 刷不了: the goods of the order came (补单, Q币到了). */
const ORDER_DONE = /补(?:了)?单|(?:q币|qb|点券|点卷|钻石|会员|话费|流量|皮肤|货|东西|商品)(?:已经|也|都)?(?:到账|到了|充上了|收到了|到手)/i;
const GOODS_DENIED = /(?:q币|qb|点券|会员|话费|货|东西|商品)(?:还)?(?:没|未)/i;
/** 12315 declining: "说不归他们管", "不属于我们管辖", "让我去找网信办". */
const REGULATOR_DECLINED = /(?:12315|市场监管|监管局|工商|消协)[^。！？!?]{0,16}(?:不归|不管|管不了|不受理|不予受理|不属于|不在|不是(?:他们|我们|这边)?(?:管|负责)|让我(?:去)?找|叫我(?:去)?找|转(?:到|给)|去找|所在地|管辖)/;
/** The channel wants the seller tried first: "要先跟商家协商". */
const NEGOTIATE_FIRST = /(?:先|要|需要|得)(?:跟|和|与|找|联系)(?:商家|卖家|对方|平台|收款方)(?:协商|沟通|联系|处理|解决|商量)/;
/** The payee is no signed merchant: a personal account. */
const UNSIGNED = /(?:不是|并非|非|没有)(?:他们的|我们的)?(?:签约|合作|认证)?商户|个人(?:收款|账户|收款码|转账)|不是商家收款/;
/** The other side asks to retry another way: 换区, 清缓存, 重启. */
const RETRY_TOLD = /(?:区|服)(?:选错|填错|选的不对|不对)|选错(?:了)?(?:区|服)|换(?:个)?(?:区|服)|要选(?:国服|国区|外服|港服|美区|日服)|清(?:一下|除|理|掉)?(?:缓存|数据)|重启|换(?:个)?(?:浏览器|设备|手机)/;
/** Money already back ("退了112 扣了8块手续费"): other-replies.ts reads the part. */
const ALREADY_BACK = /(?:退|返|还)(?:了|回来了|回了|到账)|已经?退/;
/** The same excuse again: "他还是说在维护", "又说在处理". */
const STALL = /(?:还是|又|仍然|一直|还在)(?:说)?(?:在|要)?(?:维护|处理|排队|卡单|升级|等|核实|查)/;
const THEY = /商家|卖家|客服|对方|老板|店家|他|她|平台/;

export function registerRungWords(router: Router, order: number, d: RungWordsDeps): void {
  const rc = rungContext(d);
  const amount = (n: number) => renderText({ fmt: 'amount', n });
  const nextChoices = (c: CaseRow) => [button({ kind: 'rung', op: 'next', at: c.state.rung }, t('choice.next_rung')), button({ kind: 'menu', action: 'progress' }, t('cmd.progress'))];

  router.text(
    (ctx) => {
      const on = rungText(ctx);
      if (!on) return false;
      const { c, text } = on;
      const s = normalize(text);
      const rung = rc.rungOf(c);
      const paid = typeof c.facts.amount === 'number' ? c.facts.amount : undefined;
      if (TWICE.test(s) && paid !== undefined && !THEY_SAID.test(s) && !NOT_GOT.test(s)) return doubleRefund(ctx, c, s, paid);
      if (FEE_DEDUCTED.test(s) && !ALREADY_BACK.test(s) && THEY.test(s)) return feeCut(ctx, c, s, text, paid);
      if (c.scenario === 'not_received' && PART_GOODS.test(s) && !MONEY.test(s)) {
        ctx.reply({ text: t('honest.part_arrived') });
        ctx.stepCase(c, { type: 'facts', facts: { goodsState: 'partial' } });
        return true;
      }
      if (c.scenario === 'payment_failed' && ORDER_DONE.test(s) && !GOODS_DENIED.test(s)) {
        return ctx.reply({
          text: t('honest.order_completed'),
          choices: [button({ kind: 'close', outcome: 'delivered' }, t('coach.arrived.close')), button({ kind: 'menu', action: 'continue' }, t('coach.arrived.keep'))],
        });
      }
      if (rung === 'regulator' && REGULATOR_DECLINED.test(s)) return ctx.reply({ text: t('honest.regulator_declined'), choices: nextChoices(c) });
      if (rung === 'payment' && UNSIGNED.test(s)) return ctx.reply({ text: t('honest.channel_unsigned', { party: rc.party(rung) }), choices: nextChoices(c) });
      if (rung === 'payment' && NEGOTIATE_FIRST.test(s)) {
        const coached = coachSellerReply('blame_upstream', { scenario: c.scenario, params: rc.params(c, ctx.now), rung });
        ctx.reply({ text: coached.advice, ...(coached.draft ? { document: { title: t('coach.reply_draft'), body: coached.draft } } : {}) });
        ctx.stepCase(c, { type: 'seller_reply', kind: 'blame_upstream', next: 'same_rung', facts: coached.facts, said: text });
        return true;
      }
      // "还没退 他还是说在维护" before the promised time: a stall, said so; the step moves on only once it is due (F5).
      const last = c.state.replies?.at(-1);
      if (STALL.test(s) && last?.kind === 'promised_later') {
        const due = replyDeadline(d, c, rung, 'promised_later', last.said, new Date(last.at)).at;
        if (due && due.getTime() > ctx.now.getTime()) return (ctx.reply({ text: t('honest.stall', { party: rc.party(rung), due: formatDateTime(due, rc.zone) }), choices: nextChoices(c) }), true);
      }
      if (c.scenario === 'card_used' && RETRY_TOLD.test(s) && THEY.test(s)) {
        ctx.reply({ text: t('honest.retry_told', { party: rc.party(rung) }) });
        ctx.stepCase(c, { type: 'seller_reply', kind: 'retry_asked', next: 'same_rung', facts: { sellerReply: 'retry_asked' }, said: text });
        return true;
      }
      return false;
    },
    { order },
  );

  // At "退回了多少钱？": a sum above what was owed is asked about (a slip, or refunded twice), never closed as
  // a full refund of it; "收到了两次" there is the double refund above.
  router.text(
    (ctx) => {
      const c = ctx.active;
      if (ctx.choice || !c || c.status !== 'open' || c.state.stage !== 'ladder' || !c.state.awaitingRefundAmount) return false;
      const s = normalize(ctx.text.trim());
      const paid = typeof c.facts.amount === 'number' ? c.facts.amount : undefined;
      if (paid === undefined || !s) return false;
      if (TWICE.test(s)) return doubleRefund(ctx, c, s, paid);
      const owedAll = typeof c.facts.extraAmount === 'number' && c.facts.extraAmount > 0 ? c.facts.extraAmount : paid;
      const owed = owedAll - (typeof c.facts.refundedSoFar === 'number' ? c.facts.refundedSoFar : 0);
      const m = BARE_SUM.exec(s);
      const got = m ? parseAmount(m[1]) : undefined;
      if (got === undefined || got <= owed) return false;
      ctx.reply({ text: t('honest.more_than_owed', { received: amount(got), owed: amount(owed), extra: amount(got - owed) }) });
      return true;
    },
    { order },
  );

  /** Refunded twice: the extra is returned; closed as a full refund of what was paid. */
  function doubleRefund(ctx: TurnContext, c: CaseRow, s: string, paid: number): true {
    const m = SUM.exec(s);
    const said = m ? parseAmount(m[1]) : undefined;
    const received = said !== undefined && said > paid ? said : paid * 2;
    ctx.reply({ text: t('honest.double_refund', { id: c.id, amount: amount(paid), received: amount(received), extra: amount(received - paid) }) });
    d.repo.closeCase(c.id, 'full', paid, { ...c.state, stage: 'closed' }, ctx.now);
    d.repo.cancelFollowUps(c.id);
    d.repo.audit(`user:${ctx.user.id}`, 'case_closed', `case:${c.id}`, { outcome: 'full', doubleRefund: true }, ctx.now);
    ctx.setActive(null);
    return true;
  }

  /** A fee off the refund: the part offered, coached as 只肯退一部分. */
  function feeCut(ctx: TurnContext, c: CaseRow, s: string, said: string, paid: number | undefined): true {
    const pct = FEE_PCT.exec(s);
    const sum = FEE_SUM.exec(s);
    const share = !pct ? undefined : pct[1] !== undefined ? Number(pct[1]) / 100 : pct[3] !== undefined ? 0.5 : (TENTHS[pct[2]] ?? 0) / 10;
    const fee = paid !== undefined && share !== undefined && share > 0 && share < 1 ? Math.round(paid * share * 100) / 100 : sum ? parseAmount(sum[1]) : undefined;
    const offer = paid !== undefined && fee !== undefined && fee > 0 && fee < paid ? Math.round((paid - fee) * 100) / 100 : undefined;
    const rung = rc.rungOf(c);
    const coached = coachSellerReply('partial_offer', { scenario: c.scenario, params: rc.params(c, ctx.now), rung, offer: offer === undefined ? undefined : amount(offer) });
    const p = rc.params(c, ctx.now);
    const lead = t('honest.fee_cut', { fee: pct ? pct[0].replace(/^扣(?:除|掉)?(?:我)?\s*/, '') : fee !== undefined ? amount(fee) : '', offer: offer !== undefined ? amount(offer) : t('doc.blank'), amount: p.amount });
    ctx.reply({ text: lead, ...(coached.draft ? { document: { title: t('coach.reply_draft'), body: coached.draft } } : {}) });
    ctx.stepCase(c, { type: 'seller_reply', kind: 'partial_offer', next: 'same_rung', facts: { ...coached.facts, ...(offer !== undefined ? { offerAmount: offer } : {}) }, said });
    return true;
  }
}
