// Answers at intake that point somewhere else (exploratory test 3):
// - "跟上一单一样", "同一家", "和上次一样" at the platform / seller question of a second case: the value
//   of the user's previous case is filled in, and said (返回 changes it); the phrase is never stored.
// - A time ("三天前下午", "27号下午4点") typed at the 承诺时效 options is a time, not a promise: it is
//   never matched to 几天内. With an hour it is offered as the payment time (the user was still
//   telling when they paid); otherwise the options are asked again, saying what they are for.
import { encodeChoice } from './choices.js';
import { t } from '../i18n/index.js';
import { readDate, sameAsBefore } from '../dialogue/index.js';
import { offerFix } from './corrections.js';
import type { Repo } from './repo.js';
import type { Router, TurnContext } from './routes.js';

/** After the correction offer (150), before the case step (1000). */
const ORDER_REFS = 160;
/** Questions whose answer may be "the same as last time". */
const SAME_IDS: ReadonlySet<string> = new Set(['platform', 'merchant', 'item']);
/** A point in time, not a promised duration: 三天前, 27号下午, 4点, 昨天. */
const POINT_IN_TIME =
  /(?:\d+|[一二两三四五六七八九十几半]+)\s*(?:天|日|个?小时|分钟|周|个?星期|个?礼拜|个?月)\s*(?:前|之前|以前)|\d{1,2}\s*[号日]|[号日]\s*(?:[上中下]午|早上|晚上|凌晨)|\d{1,2}\s*[点:：]|[上中下]午|早上|晚上|凌晨|昨天|前天|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]/;
const DURATION = /内|以内|之内|到账|发货|秒/;
/** A promised time: said by the other side, or a clock time with 前, or today/tomorrow. */
const PROMISED_POINT = /说|承诺|答应|保证|讲好|写着|写的|(?:\d{1,2}|[一二两三四五六七八九十]+)\s*[点:：时](?:半|\d{1,2}分?)?\s*(?:之?前|以前)|当天|今天|今晚|明天|明早|明晚|次日|第二天/;
/** …but not a time in the past (三天前, 昨天, 前天): that is when something happened. */
const PAST_POINT = /(?:\d+|[一二两三四五六七八九十几半]+)\s*(?:天|日|个?小时|分钟|周|个?星期|个?礼拜|个?月)\s*(?:前|之前|以前)|昨天|前天|上周|上个?星期/;
/** …with a time in it: "他说在处理" is the seller stalling, not a promised time. */
const SOME_TIME = /\d|[一二两三四五六七八九十]+\s*[点:：时]|当天|今天|今晚|明天|明早|明晚|次日|第二天|[上中下]午|晚上|早上|凌晨|马上|立刻|小时|分钟/;
const HAS_HOUR = /\d{1,2}\s*[点:：时]|[一二两三四五六七八九十]+\s*点/;

export function registerIntakeRefs(router: Router, d: { repo: Repo; zone: string }): void {
  router.text(
    (ctx: TurnContext) => {
      const c = ctx.active;
      if (!c || c.status !== 'open' || c.state.stage !== 'intake' || !c.state.q || ctx.inbound.choice || ctx.inbound.attachments?.length) return false;
      const text = ctx.text.trim();
      if (!text) return false;
      const q = c.state.q;
      if (SAME_IDS.has(q) && !ctx.choice && sameAsBefore(text)) {
        const before = d.repo
          .casesOf(ctx.user.id)
          .filter((x) => x.id !== c.id && typeof x.facts[q] === 'string' && (x.facts[q] as string).trim())
          .sort((a, b) => b.id - a.id)[0];
        // Nothing to copy: the step asks again, saying so (reask.why.same_as_before).
        if (!before) return false;
        const value = before.facts[q] as string;
        ctx.reply({ text: t('intake.same_as_before', { id: before.id, label: t(`label.${q}`), value }) });
        ctx.stepCase(c, { type: 'text', text: value });
        return true;
      }
      // A promise said as a point in time ("客服说当天晚上8点前给我", "说是明天上午"): the promise, in the
      // question's own options (review M2: it was offered as a new payment time).
      if (q === 'promisedTime' && (!ctx.choice || ctx.choice.kind === 'answer') && PROMISED_POINT.test(text) && SOME_TIME.test(text) && !PAST_POINT.test(text) && !DURATION.test(text)) {
        ctx.stepCase(c, { type: 'choice', id: encodeChoice({ kind: 'answer', option: /明天|明早|明晚|次日|第二天/.test(text) ? 'day' : 'hours' }) });
        return true;
      }
      if (q === 'promisedTime' && (!ctx.choice || ctx.choice.kind === 'answer') && POINT_IN_TIME.test(text) && !DURATION.test(text)) {
        const paid = c.facts.paidAt;
        const when = HAS_HOUR.test(text) ? readDate(text, ctx.now, d.zone) : undefined;
        if (when && !when.future && typeof paid === 'string' && when.value !== paid) return offerFix(ctx, c.id, 'paidAt', when.value, d.zone);
        ctx.reply({ text: t('intake.time_not_promise') });
        ctx.stepCase(c, { type: 'repeat' });
        return true;
      }
      return false;
    },
    { order: ORDER_REFS },
  );
}
