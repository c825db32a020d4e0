// The user's own questions and if-clauses typed on a rung (exploratory testing, explore3 F17, F27):
// "商家一定会退吗？你保证？", "要是商家还是不退 我能不能直接去法院告他", "这要花多少钱", "报警". They are
// never the other side's answer: answered plainly (no promise of an outcome), nothing recorded, the
// case stays where it is. Read before the seller-reply reading (src/coaching/routes.ts).
import { t } from './text.js';
import { citationsFor } from '../knowledge/law.js';
import type { Router, TurnContext } from '../engine/routes.js';
import { button } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';

/** An if-clause: what might happen, not what happened. */
export const HYPOTHETICAL = /^(?:那|可)?(?:要是|如果|假如|万一|假设|若是|倘若|要不然)|的话[，,\s]/;
/** A question in form. */
const QUESTION = /[吗嘛么？?]\s*$|[吗嘛？?][\s，,]|你(?:能)?(?:保证|确定)|能不能|可不可以|能否|是不是|会不会|有没有用|多少钱|要花|花多少|费用|贵不贵/;
/** Words reporting what the other side said or did ("商家说…", "让我…", "拉黑了"). */
export const REPORTED = /说|回复|回我|回了|答复|表示|声称|讲|告诉我|通知|让我|叫我|要我|拉黑|删了|驳回|拒绝|已读/;

type Topic = 'court' | 'police' | 'cost' | 'bot' | 'promise' | 'parallel';
const TOPICS: readonly [Topic, RegExp][] = [
  ['court', /法院|起诉|(?:去)?告(?:他|她|它|商家|卖家|对方|店家)|打官司|诉讼/],
  ['police', /报警|报案|派出所|[打拨]110|警察/],
  ['cost', /多少钱|花钱|费用|收费|要钱吗|贵不贵|花多少/],
  ['bot', /(?:你是|是不是)(?:真人|人工|机器人|ai|程序)|真人吗/i],
  // "平台申诉和微信投诉可以同时进行吗" (explore3 F46): both at once, each told of the other.
  ['parallel', /(?:同时|一起|并行|两边都|都去)[^。！？!?]{0,8}(?:申诉|投诉|进行|走|提交)|(?:申诉|投诉)[^。！？!?]{0,12}(?:同时|一起|并行)/],
  // "能退吗", "多久能退" are the step's own plain answer (src/flow/rungs.ts), with its buttons.
  ['promise', /保证|一定(?:会|能)|肯定(?:会|能)|有用吗|有没有用|成功率/],
];

/** What a text typed on a rung asks the bot, if it asks (or supposes) and reports nothing. */
export function askedOnRung(text: string): { topic: Topic | 'if' } | undefined {
  const s = text.trim();
  const hypothetical = HYPOTHETICAL.test(s);
  const topic = TOPICS.find(([, re]) => re.test(s))?.[0];
  // 报警 / 起诉 typed by the user (not "商家让我去报警") is the user's own plan or question.
  if ((topic === 'police' || topic === 'court') && (hypothetical || !REPORTED.test(s))) return { topic };
  if (hypothetical) return { topic: topic ?? 'if' };
  if (QUESTION.test(s) && !REPORTED.test(s) && topic) return { topic };
  return undefined;
}

export function registerAsked(router: Router, order: number): void {
  router.text(
    (ctx) => {
      const c = ctx.active;
      if (ctx.choice || !c || c.status !== 'open' || c.state.stage !== 'ladder' || c.state.awaitingRefundAmount) return false;
      const text = ctx.text.trim();
      if (!text || matchCommand(text)) return false;
      const asked = askedOnRung(text);
      if (!asked) return false;
      const lines = [answer(ctx, asked.topic), ...(asked.topic === 'bot' ? [] : [t('coach.ask.not_recorded')])];
      return ctx.reply({ text: lines.join('\n\n'), choices: [button({ kind: 'menu', action: 'continue' }, t('coach.continue'))] });
    },
    { order },
  );
}

function answer(ctx: TurnContext, topic: Topic | 'if'): string {
  const c = ctx.active!;
  // The cost of suing comes only from the law table (its 受理费 row, where it applies).
  const fee = citationsFor(c.facts, 'court', c.scenario).find((r) => r.id === 'fee');
  const feeLine = fee ? t('coach.ask.court_fee', { article: fee.article, meaning: fee.meaning }) : t('coach.ask.cost_unknown');
  switch (topic) {
    case 'court':
      return [t('coach.ask.court'), feeLine].join('\n\n');
    case 'cost':
      return [t('coach.ask.cost'), feeLine].join('\n\n');
    case 'police':
      return t('coach.ask.police');
    case 'bot':
      return t('coach.ask.bot');
    case 'promise':
      return t('coach.ask.promise');
    case 'parallel':
      return t('coach.ask.parallel');
    case 'if':
      return t('coach.ask.if');
  }
}
