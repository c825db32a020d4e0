// The user's own words on a rung (exploratory testing, explore4 F21, F24, F26, F35, F36): a sentence is
// the other side's answer only when it reports what the other side said or did ("商家说…", "他…",
// "客服回…", or a bare reply form). First-person statements, plans, worries, questions and commands are
// the user's own: answered for what they are, and nothing is recorded as the other side's reply.
//   我已经发过去了            the user's 已发送 (the step's button, the timer starts)
//   我明天再发 / 我不敢发…      a plan / a worry about sending: answered, the step stays unsent
//   是我自己把游戏id填错了      a top-up to a wrong id: usually not the seller's fault; what can be tried
//   不确定是不是我输错了        how to check a key before blaming anyone
//   订单截图我删了             the payment record and the order page stand in for it
//   想投诉微信 可以吗 / 投诉微信 a question about the payment channel answered (its step offered) / opened
//   把案件2删了 我开重了         放弃 for that case offered; 删除我的数据 explained
//   我之前也在别的店被骗过      small talk: nothing recorded
// Read after the step's controls and the user's questions (rung-controls.ts, asked.ts), before every
// reader of the other side's answer (other-replies.ts, more-replies.ts, refund-words.ts, routes.ts).
import { t } from './text.js';
import type { Handled, Router, TurnContext } from '../engine/routes.js';
import type { CaseRow } from '../engine/repo.js';
import { button, encodeChoice } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';
import { ENGINE_NS } from '../engine/session.js';
import { applicableRungs } from '../flow/ladder.js';
import { classifySellerReply } from './sellerReply.js';
import { OWN_SENT } from './said.js';
import { onRung, rungContext, rungText, type RungDeps } from './rung-context.js';

export type OwnWords = 'close_case' | 'sent' | 'send_later' | 'afraid' | 'unsure_input' | 'wrong_target' | 'deleted_proof' | 'ask_channel' | 'go_channel' | 'past' | 'own';

/** The other side's words or acts reported ("商家说…", "他让我…", "客服回我…"). */
const THEY_SAID = /原话|(?:商家|卖家|客服|对方|老板|店家|店主|平台|人家|上游)(?:那边)?[^。！？!?，,\s]{0,3}(?:说|称|回|答|表示|讲|让|要|叫|非说|硬说|咬定|认为|怀疑|发)|(?:他|她|它)(?:们)?(?:那边)?(?:说|回|答|讲|表示|称|让|要|叫|非说|硬说)/;
/** …or what the other side did to the user ("商家把我拉黑了"). */
const THEY_DID = /(?:商家|卖家|客服|对方|老板|店家|店主|平台|他|她)(?:们)?(?:把我|已经|直接|还|又)?(?:拉黑|删了|删除|拒)|(?:商家|卖家|客服|对方|老板|店家|店主|平台|他|她)(?:们)?把[^。！？!?\s]{0,6}删/;
/** Acts of the other side a first-person sentence may report ("我被拉黑了", "我催了三次都不回"). */
const OTHER_ACTS = /拉黑(?!我\s*$)|删了我|删我|不理|没理|不回|没回|没人回|已读|未读|拒|驳回|不给|不肯|不退|没退|说|回复|答复|让我|要我|叫我|承诺|答应|同意/;
/** Money, goods or a key: what a refund or delivery reader should see. */
const MONEY = /退|到账|收到|\d|钱|款|块|元|补发|发货|卡密|换/;

const CLOSE_CASE = /(?:删|删除|删掉|关掉|关闭|撤销|撤掉|去掉)(?:了|掉)?[^。！？!?]{0,4}(?:案件|案子|这单|这一单|这个单)|(?:案件|案子)\s*#?\s*\d*\s*(?:删|删除|删掉|关掉|撤销|不要了)|重复开|开重|建重|重复建|开了两个/;
const SENT = /^(?:好的?|嗯|哦)?[\s，,]*(?:我)?(?:已经|刚刚?|刚才|早就)?(?:都)?(?:已经)?(?:把(?:消息|文字|内容|这段话?|上面的?(?:消息|文字|内容)?))?(?:发过去|发给(?:他|她|商家|卖家|对方|客服|店家)|发出去|发送|发)(?:过)?了/;
/** What may follow the user's own 我发过去了 ("他还没回", "等他回"). */
const JUST_SENT_REST = /^[\s，,。]*(?:(?:他|她|商家|卖家|对方)?(?:还|暂时)?(?:没|未)(?:有)?(?:回|回复|读|看|理)(?:我)?(?:呢|啊|哦)?|等(?:他|她|商家|对方)?(?:回|回复)(?:吧|呢)?)[。.!！~～]*$/;
const SEND_LATER = /(?:明天|明早|晚点|晚些|等会儿?|等一下|待会儿?|过会儿?|回头|改天|下午|晚上|一会儿?|稍后)(?:再|就)?(?:去)?发|(?:这就|马上|现在|立刻|等下)(?:就)?去?发|还没(?:有)?发|先不发|准备(?:去)?发/;
const AFRAID = /不敢|(?:怕|担心|害怕)(?:他|她|商家|卖家|对方|被)/;
const MISTYPED = '(?:输错|填错|打错|写错|弄错|操作错|选错|看错|充错)';
const UNSURE = new RegExp(`(?:不确定|不知道|不清楚|说不定|可能|也许|会不会|是不是)[^。！？!?]{0,8}${MISTYPED}`);
const WRONG_TARGET = new RegExp(`(?:我|自己)[^。！？!?]{0,10}${MISTYPED}|(?:充|冲|转)(?:到|给|进)了?(?:别人|别的|其他人|错)`);
const ACCOUNT = /id|账号|帐号|号|区|服|角色|别人/i;
const DELETED = /(?:截图|订单|记录|凭证|证据)[^。！？!?]{0,4}(?:我)?(?:给)?(?:删了|删掉了|没了|没保存|没存|丢了|找不到了)|我[^。！？!?]{0,8}(?:截图|记录)(?:给)?删(?:了|掉)/;
const CHANNEL = /(?:投诉|找|去)(?:到)?(?:微信支付|微信|支付宝|支付渠道|银行|发卡行)|(?:微信支付|微信|支付宝|银行)(?:那边)?(?:投诉|申诉)/;
const ASKS = /[吗嘛？?]|行不行|可不可以|可以吗|能不能|好不好|行吗|怎么样|可行/;
const BARE_GO = /^(?:那|好)?(?:我要|我想|就)?(?:直接)?(?:去)?(?:投诉|找)(?:微信支付|微信|支付宝|支付渠道|银行|发卡行)(?:吧|了)?[。.!！]*$/;
const PLATFORM_REFUSED = /(?:平台|申诉|申请)[^。！？!?]{0,12}(?:被拒|拒绝|驳回|不给退|没通过|不通过)/;
const PAST = /(?:之前|以前|上次|去年|前几天|前段时间|上回)[^。！？!?]{0,12}(?:别的|其他|另一|另外)|被骗过|上过当/;
const FIRST_PERSON = /^(?:其实|我刚发现|刚发现|不好意思|对了|说实话|老实说|唉)?[\s，,]*(?:是)?我(?!们|的?(?:商家|卖家)|这边|方|司)/;
const ADDRESSED = /(?:^|[\s，,。！!？?])(?:亲|您|你)(?![们的]?(?:说|讲|问))|是不是你|你自己|^(?:我们|我这边|我方|本店|我司|咱们店)/;

/** What the user's own words on a rung are, or undefined when they may report the other side. */
export function readOwnWords(text: string, o: { sent: boolean; scenario: string; rung?: string }): OwnWords | undefined {
  const s = text.trim();
  // Addressed to the user ("你自己填错账号了", "是不是你输错了卡密", "亲 您…") or in the shop's voice ("我们联系不上
  // 上游", "本店…"): the other side's words pasted as they came, never the user's own (review R6, R7).
  const THEY = { test: (x: string) => THEY_SAID.test(x) || THEY_DID.test(x) || ADDRESSED.test(x) };
  if (CLOSE_CASE.test(s) && !THEY.test(s)) return 'close_case';
  // "我已经发过去了 他还没回" is just sent; "发了十几条消息都没回" reports the other side's silence.
  const sent = SENT.exec(s);
  const rest = sent ? s.slice(sent[0].length).trim() : '';
  if (!o.sent && sent && !OWN_SENT.test(s) && !THEY_SAID.test(s) && (!rest || JUST_SENT_REST.test(rest))) return 'sent';
  if (!o.sent && SEND_LATER.test(s) && !THEY.test(s) && !OTHER_ACTS.test(s)) return 'send_later';
  // A worry about sending the step's text names what the other side might do ("怕他拉黑我"): only their
  // reported words rule it out.
  if (!o.sent && AFRAID.test(s) && /发|拉黑|删我|骂|报复/.test(s) && !THEY_SAID.test(s)) return 'afraid';
  if (UNSURE.test(s) && !THEY.test(s)) return 'unsure_input';
  if (WRONG_TARGET.test(s) && !THEY.test(s)) return ACCOUNT.test(s) || o.scenario !== 'card_used' ? 'wrong_target' : 'unsure_input';
  if (DELETED.test(s) && !THEY.test(s)) return 'deleted_proof';
  // "平台驳回了 想投诉微信 可以吗" before the platform's step: the platform's earlier answer, told with a question
  // about the next step — never the seller's refusal (on the platform's own step it is its answer, read later).
  const platformBefore = o.rung !== 'platform' && PLATFORM_REFUSED.test(s) && !/商家|卖家|店家|老板|他|她/.test(s);
  if (CHANNEL.test(s) && ASKS.test(s) && (!THEY.test(s) || platformBefore)) return 'ask_channel';
  if (BARE_GO.test(s)) return 'go_channel';
  if (PAST.test(s) && !THEY.test(s)) return 'past';
  if (FIRST_PERSON.test(s) && !THEY.test(s) && !OTHER_ACTS.test(s) && !MONEY.test(s) && classifySellerReply(s) !== 'other') return 'own';
  return undefined;
}

export function registerOwnWords(router: Router, order: number, d: RungDeps): void {
  const rc = rungContext(d);

  router.text(
    (ctx) => {
      const on = rungText(ctx);
      if (!on || !onRung(on.c)) return false;
      const { c, text } = on;
      const rung = rc.rungOf(c);
      const kind = readOwnWords(text, { sent: !!c.state.rungSentAt || rung === 'court', scenario: c.scenario, rung });
      if (!kind) return false;
      return answer(ctx, c, kind, text);
    },
    { order },
  );

  const cont = () => button({ kind: 'menu', action: 'continue' }, t('coach.continue'));
  const close = () => button({ kind: 'menu', action: 'close' }, t('choice.close'));

  function answer(ctx: TurnContext, c: CaseRow, kind: OwnWords, text: string): Handled {
    const rung = rc.rungOf(c);
    const payment = applicableRungs(d.flows[c.scenario], c.facts, d.config).includes('payment') && rung !== 'payment';
    const toPayment = () => button({ kind: 'followup', caseId: c.id, answer: 'to_payment' }, t('own.to_payment'));
    switch (kind) {
      case 'sent':
        ctx.stepCase(c, { type: 'choice', id: encodeChoice({ kind: 'rung', op: 'sent' }) });
        return true;
      case 'go_channel':
        if (!payment) return (ctx.reply({ text: t('own.no_channel_step') }), ctx.stepCase(c, { type: 'repeat' }), true);
        ctx.stepCase(c, { type: 'choice', id: encodeChoice({ kind: 'followup', answer: 'to_payment' }) });
        return true;
      case 'close_case': {
        const named = /(?:案件|案子|#|＃)\s*(\d+)/.exec(text);
        const id = named ? Number(named[1]) : c.id;
        if (id !== c.id) return ctx.reply({ text: t('own.close_other', { id, active: c.id }) });
        ctx.ext.set(ENGINE_NS, { mode: 'close_confirm', closeOutcome: 'abandoned' });
        return ctx.reply({
          text: t('own.close_case', { id: c.id }),
          choices: [button({ kind: 'close', outcome: 'abandoned', sure: true }, t('abandon.yes')), button({ kind: 'menu', action: 'continue' }, t('abandon.no_ladder'))],
        });
      }
      case 'ask_channel': {
        const lines = [t(payment ? 'own.ask_channel' : 'own.ask_channel_here')];
        if (PLATFORM_REFUSED.test(text)) lines.push(t('own.platform_refused'));
        lines.push(t('coach.ask.not_recorded'));
        return ctx.reply({ text: lines.join('\n\n'), choices: payment ? [toPayment(), cont()] : [cont()] });
      }
      case 'wrong_target':
        return ctx.reply({ text: t('own.wrong_target'), document: { title: t('coach.reply_draft'), body: t('own.wrong_target.draft', rc.params(c, ctx.now)) }, choices: [close(), cont()] });
      case 'unsure_input':
        return ctx.reply({ text: `${t(c.scenario === 'card_used' ? 'own.unsure_key' : 'own.unsure_input')}\n\n${t('coach.ask.not_recorded')}`, choices: [cont()] });
      default:
        return ctx.reply({ text: `${t(`own.${kind}`)}\n\n${t('coach.ask.not_recorded')}`, choices: [cont()] });
    }
  }
}

/**
 * The same admission during the intake (explore4 F21: "其实是我自己把游戏id填错了 充到别人号上了" at 到账情况):
 * answered with what can be tried and 放弃 / 继续填写 — nothing stored, no strike.
 */
export function registerOwnWordsIntake(router: Router, order: number): void {
  router.text(
    (ctx) => {
      const c = ctx.active;
      if (ctx.choice || !c || c.status !== 'open' || c.state.stage !== 'intake' || c.state.q === null || c.scenario === 'card_used') return false;
      const text = ctx.text.trim();
      if (!text || matchCommand(text) || readOwnWords(text, { sent: true, scenario: c.scenario }) !== 'wrong_target') return false;
      ctx.ext.set(ENGINE_NS, { mode: 'close_confirm', closeOutcome: 'abandoned' });
      return ctx.reply({
        text: t('own.wrong_target.intake'),
        choices: [button({ kind: 'close', outcome: 'abandoned', sure: true }, t('abandon.yes')), button({ kind: 'menu', action: 'continue' }, t('abandon.no'))],
      });
    },
    { order },
  );
}
