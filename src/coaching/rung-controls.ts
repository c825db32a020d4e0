// The step's own controls said in words on a rung (exploratory testing, explore3):
//   F41  "别再提醒我了" = 不再提醒
//   F29  "过两天再提醒我吧" (also answering a reminder about another case, which the engine makes
//        active): the case's check snoozed by the step (src/flow/rungs.ts) — never the other side's
//        promise
//   F37  "好 那我现在去平台申诉" = the window warning's 现在去平台申诉: that rung opened
//   F30  "你好 我又来了 那个商家还是没退": a greeting, then the step's own "还没退" (past the
//        deadline: the next rung)
// Read before the user's questions and the seller-reply reading (src/coaching/routes.ts).
import { has, t } from './text.js';
import type { Router, TurnContext } from '../engine/routes.js';
import type { CaseRow } from '../engine/repo.js';
import { button, encodeChoice, type FollowUpAnswer } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';
import { applicableRungs, rungDueAt } from '../flow/ladder.js';
import { REMIND_ME } from '../flow/rungs.js';
import { formatDateTime } from '../flow/format.js';
import type { RungId } from '../flow/types.js';
import { STILL_NOT } from './said.js';
import { HYPOTHETICAL } from './asked.js';
import { onRung, rungContext, type RungDeps } from './rung-context.js';

const STOP = /^(?:请|你)?(?:别|不要|不用|甭|无需)(?:再)?(?:提醒|催|通知)(?:我)?了?(?:吧|啦)?[。.!！~～]*$|^(?:不再提醒|关(?:掉|闭)提醒|取消提醒|停止提醒)(?:吧|了)?[。.!！]*$/;
const GO_TO = /^(?:好的?|嗯+|行|ok|那)?[\s，,]*(?:那)?(?:我)?(?:现在|马上|这就|准备)?(?:就)?去(?:(平台)(?:申诉|投诉)?|(申诉)|(?:找)?(支付宝|微信|支付渠道|银行)(?:投诉|申诉)?|(?:打)?(12315))(?:吧|了)?[。.!！]*$/i;
/** A request for a named step's text ("直接给我12315的投诉内容", "给我起诉状", "帮我写支付宝投诉"; explore3 F27). */
const ASK_RUNG =
  /(?:给我|帮我(?:写|弄|出|准备)?|我要|我想要?|直接|生成|出一份|写一份|来一份)[^。！？!?]{0,8}?(12315|消协|消费者协会|市场监管|工商|起诉状|起诉书|起诉|诉状|法院|小额诉讼|平台申诉|平台介入|支付宝投诉|微信投诉|投诉支付宝|投诉微信|支付渠道|发卡行|拒付|报案材料|报警材料)/i;
const RUNG_OF: Array<[RegExp, RungId]> = [
  [/12315|消协|消费者协会|市场监管|工商/, 'regulator'],
  [/起诉|诉状|法院|小额诉讼/, 'court'],
  [/平台/, 'platform'],
  [/支付宝|微信|支付渠道|发卡行|拒付/, 'payment'],
  [/报案|报警/, 'police'],
];
const GREET = /^(?:你好|您好|哈喽|嗨|hello|hi|在吗)[\s，,！!。~～]*(?:我)?(?:又)?(?:来了|回来了)?[\s，,！!。~～]*(?:那个|这个)?/i;

export function registerRungControls(router: Router, order: number, d: RungDeps): void {
  const zone = d.config.BOT_TIMEZONE;
  const rc = rungContext(d);
  const answer = (ctx: TurnContext, c: CaseRow, a: FollowUpAnswer) => (ctx.stepCase(c, { type: 'choice', id: encodeChoice({ kind: 'followup', answer: a }) }), true);

  router.text(
    (ctx) => {
      const c = ctx.active;
      if (ctx.choice || !onRung(c)) return false;
      const text = ctx.text.trim();
      if (!text || matchCommand(text)) return false;
      if (STOP.test(text)) return answer(ctx, c, 'stop');
      // The step reads "过两天再提醒我" itself (a check that many days on).
      if (REMIND_ME.test(text)) return (ctx.stepCase(c, { type: 'text', text }), true);
      const go = GO_TO.exec(text);
      if (go) {
        const target: RungId = go[1] || go[2] ? 'platform' : go[3] ? 'payment' : 'regulator';
        return answer(ctx, c, `to_${target}`);
      }
      // …not an if-clause or a question about it ("要是商家还是不退 我能不能直接去法院告他": answered in asked.ts).
      const asked = HYPOTHETICAL.test(text) || /能不能|可不可以|可以吗|行吗|吗\s*[？?]?$|[？?]/.test(text) ? null : ASK_RUNG.exec(text);
      const named = asked ? RUNG_OF.find(([re]) => re.test(asked[1]))?.[1] : undefined;
      if (named) {
        // Not a step of this case (e.g. the court without a known operator): said, and the current step stays.
        if (!applicableRungs(d.flows[c.scenario], c.facts, d.config).includes(named)) {
          ctx.reply({ text: t('coach.jump.not_here', { step: t(`bl.rung.${named}`) }) });
          return (ctx.stepCase(c, { type: 'repeat' }), true);
        }
        return answer(ctx, c, `to_${named}`);
      }
      const rest = text.replace(GREET, '');
      if (rest !== text && rest && STILL_NOT.test(rest) && c.state.rungSentAt) return welcomeStillNot(ctx, c);
      return false;
    },
    { order },
  );

  /** Back after a while, nothing refunded: greeted; past the deadline the next rung, else how long is left. */
  function welcomeStillNot(ctx: TurnContext, c: CaseRow): boolean {
    const rung = rc.rungOf(c);
    const due = rungDueAt(rung, new Date(c.state.rungSentAt!), d.config, zone);
    ctx.reply({ text: t('coach.welcome_back_short') });
    if (!due || due.getTime() <= ctx.now.getTime()) return answer(ctx, c, 'not_yet');
    ctx.reply({
      text: t('coach.still_waiting', { party: t(`reply.party.${has(`reply.party.${rung}`) ? rung : 'other'}`), due: formatDateTime(due, zone) }),
      choices: [button({ kind: 'rung', op: 'next', at: c.state.rung }, t('choice.next_rung')), button({ kind: 'menu', action: 'progress' }, t('cmd.progress'))],
    });
    return true;
  }
}
