// The intake stage: one question at a time until the facts are in, then the assessment and the
// evidence checklist. Three places matter to anyone changing how answers are understood:
//   1. readAnswer  — where an event becomes a fact value (or a reason to ask again);
//   2. reask       — where a bad answer is asked again (at most MAX_REASKS times, then skipped);
//   3. accept      — where a fact is written (and 返回 history kept).
// Natural answers (issue 11) belong in readAnswer: it sees the question and the raw event and
// returns a value, a bad answer (with a reason the re-ask names) or "not an answer"; intake()
// only routes the result. Replies are descriptors (replies.ts askReply), never text.
import { PAYMENT_METHODS } from '../types.js';
import { decodeChoice } from '../engine/choices.js';
import { GREETING, NAME_IDS, parseAnswer, readTyped } from './answers.js';
import { relativeToPayment } from './relative-time.js';
import { localYmd } from '../calendar/workdays.js';
import { choice, join, msg, withPrefix, type Text } from './message.js';
import { optionText } from './facts-text.js';
import { askReply, assessmentText, declinedReply, evidenceReply } from './replies.js';
import { channelFacts } from './channels.js';
import { aheadAnswers, NO_ORDER, repeatedFact, type Ahead } from './ahead.js';
import { splitNameAnswer, storyAtName } from './split-answer.js';
import { storyPlatform } from '../dialogue/story-names.js';
import { extractPlatform } from '../nlu/entities.js';
import { fold } from '../dialogue/fold.js';
import { factText } from './facts-text.js';
import { accountRecoveredSaid } from '../dialogue/recovered.js';
import type { CaseState } from './state.js';
import type { Effect, FlowEvent, StepInput, StepResult } from './events.js';
import type { Facts, FactValue, Flow, Question } from './types.js';

export const MAX_REASKS = 2;
/** Typed instead of an answer: the same as pressing 跳过. */
const SKIP_WORDS = /^(跳过|不知道|不清楚|忘了|忘记了|不记得了?|记不清了?|skip)[。.!！]?$/i;

/** The flow's questions (one place to read them from: intake, 返回, the engine's option matching). */
export function questionsOf(flow: Flow): readonly Question[] {
  return flow.questions;
}

/** The first question not yet answered (or skipped) that applies to these facts. */
export function nextQuestion(flow: Flow, facts: Facts): Question | undefined {
  return questionsOf(flow).find((q) => !(q.id in facts) && (q.when ? q.when(facts) : true));
}

/** Moves to the next open question, or to the assessment when intake is done. */
export function advance(flow: Flow, facts: Facts, state: CaseState, prefix?: Text): StepResult {
  // An answer that already settles a refusal (收到了，也用了) ends the questions: asking more would waste the user's time.
  const q = flow.assess(facts).verdict === 'declined' ? undefined : nextQuestion(flow, facts);
  if (q) {
    return { facts, state: { ...state, stage: 'intake', q: q.id, reasks: 0 }, effects: [{ type: 'reply', reply: askReply(flow, q, 0, prefix, facts) }] };
  }
  const a = assessmentText(flow, facts);
  if (a.declined) {
    return { facts, state: { ...state, stage: 'declined', q: null, reasks: 0 }, effects: [{ type: 'reply', reply: declinedReply(withPrefix(prefix, a.text), { undo: true, switchTo: a.switchTo }) }] };
  }
  const next: CaseState = { ...state, stage: 'evidence', q: null, reasks: 0 };
  return {
    facts,
    state: next,
    effects: [
      { type: 'reply', reply: { text: withPrefix(prefix, a.text) } },
      { type: 'reply', reply: evidenceReply(flow, next) },
    ],
  };
}

/**
 * What an event says as an answer to `q`:
 * - `value`: the fact to record (`null` = skipped/unknown);
 * - `bad`: not an answer, ask again (`why` names a specific problem, locale reask.why.<why>);
 * - `none`: the event is not an answer at all (start, repeat, a file).
 */
export type AnswerRead = { type: 'value'; value: FactValue | null; prefix?: Text; yearGuessed?: boolean } | { type: 'bad'; why?: string; ids?: string[] } | { type: 'none' };

/** (1) Where an answer is parsed: a button (codec value) or typed text. */
export function readAnswer(q: Question, event: FlowEvent, now: Date, zone: string): AnswerRead {
  if (event.type === 'choice') {
    const c = decodeChoice(event.id);
    if (c?.kind === 'skip') return { type: 'value', value: null, prefix: msg('skipped') };
    if (c?.kind === 'answer') {
      if (q.kind === 'choice' && q.options?.includes(c.option)) return { type: 'value', value: c.option };
      if (q.kind === 'payment' && (PAYMENT_METHODS as readonly string[]).includes(c.option)) return { type: 'value', value: c.option };
    }
    return { type: 'bad' };
  }
  if (event.type === 'text') {
    const r = readTyped(q, event.text, now, zone);
    if (r.ok) return { type: 'value', value: r.value, yearGuessed: r.yearGuessed };
    // "不知道" skips, except for a name or an order number: those are asked once more first.
    if (SKIP_WORDS.test(event.text.trim()) && r.why !== 'unknown') return { type: 'value', value: null, prefix: msg('skipped') };
    return { type: 'bad', why: r.why, ids: r.ids };
  }
  if (event.type === 'start' || event.type === 'repeat' || event.type === 'attachments') return { type: 'none' };
  return { type: 'bad' };
}

/** (3) Where a fact is written: answering again (after 返回) drops it from the history's middle. */
function accept(i: StepInput, q: Question, value: FactValue | null, prefix?: Text): StepResult {
  const facts = { ...i.facts, [q.id]: value };
  return advance(i.flow, facts, { ...i.state, history: [...i.state.history.filter((h) => h !== q.id), q.id] }, prefix);
}

/** (2) Where a bad answer is asked again, with an example; after MAX_REASKS it is marked unknown. */
function reask(i: StepInput, q: Question, why?: string): StepResult {
  const reasks = (i.state.q === q.id ? i.state.reasks : 0) + 1;
  if (reasks > MAX_REASKS) return accept(i, q, null, msg('skipped_auto'));
  const prefix = why ? msg(`reask.why.${why}`) : undefined;
  return { facts: i.facts, state: { ...i.state, q: q.id, reasks }, effects: [{ type: 'reply', reply: askReply(i.flow, q, reasks, prefix, i.facts) }] };
}

/** Two options match equally: ask which one, listing both (numbered as offered). */
function whichOne(i: StepInput, q: Question, ids: string[]): StepResult {
  const lines: Text[] = [msg('dlg.which'), ...ids.map((o, n) => msg('dlg.which_line', { n: n + 1, label: optionText(i.flow.id, q.id, o) }))];
  return {
    facts: i.facts,
    state: { ...i.state, q: q.id },
    effects: [{ type: 'reply', reply: { text: join(lines), choices: ids.map((o) => choice({ kind: 'answer', option: o }, optionText(i.flow.id, q.id, o))) } }],
  };
}

/** "稍等 我去翻一下账单": the user is looking — no strike, the question stays open. */
/** "我得问问他 稍等", "等一下我问问", "我去问下": the answer is someone else's — no strike, the question stays open. */
const ASK_SOMEONE =
  /^(?:(?:稍等|等一下|等等|等下|等会儿?|等我一下)[\s,，。.!！]*)?我?(?:得|要|先|再|去|这就)?(?:去)?问(?:问|一下|下|一问)(?:他|她|他们|我?(?:爸爸?|妈妈?|老爸|老妈|老公|老婆|朋友|家里人|家人|孩子|儿子|女儿|同学|室友|哥哥?|姐姐?|弟弟?|妹妹?))?(?:[\s,，。.!！]*(?:稍等|等一下|等等|等下|等会儿?|一会儿?(?:告诉你|再说|回你|发你)?|再(?:告诉你|说|回你|发你)))*[\s,，。.!！啊哈吧哦]*$/;
const HOLD_ON = /^(?:稍等|等一下|等等|等下|等我一下|等会|我(?:去)?(?:找找|找一下|翻翻|翻一下|看看|看一下|查查|查一下)|我去(?:看|翻|找|查)|让我(?:想想|找找|看看)|我想想|容我想想|稍后发|一会发)/;
/** A transaction number with its label: 交易单号 4200002345…, 交易流水号：… */
export const TXN_LABEL = /(?:交易单号|交易號|交易单號|交易号|交易流水号|支付流水号|支付单号)\s*(?:是|为|:|：)?\s*[A-Za-z0-9]{10,}/;
/** Side questions mid-form, answered in a line each (then the question again, no strike). */
const SIDE: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:收费|要钱|花钱|付费)(?:吗|么|嘛|不)|免费(?:吗|么|嘛)?[?？]?$/, 'intake.side.free'],
  [/(?:真人|机器人|人工)(?:吗|么|嘛)|你是谁/, 'intake.side.bot'],
  [/(?:给你|发你|告诉你)[^？?]{0,8}安全(?:吗|么|嘛)|(?:安全|泄露|泄漏|隐私)(?:吗|么|嘛)[?？]?$|(?:会不会|会|是否|不会)(?:把我的?\S{0,6})?(?:泄露|泄漏|外泄|被卖|卖(?:掉|给别人))/, 'intake.side.safe'],
  [/(?:要|需要|得)?多(?:久|长时间)(?:才|能)?(?:能|可以|会)?(?:退|到账|解决|有结果|处理|搞定)/, 'intake.side.how_long'],
  [/(?:能|可以)退(?:回来)?(?:吗|么|嘛|不)|能不能退|退得回来(?:吗|么)|能追回(?:来)?(?:吗|么)/, 'intake.side.refundable'],
];

function holdOn(i: StepInput, q: Question, key: string, offerSkip = false): StepResult {
  return holdOnWith(i, q, msg(key), offerSkip);
}

function holdOnWith(i: StepInput, q: Question, prefix: Text, offerSkip = false): StepResult {
  const reasks = i.state.q === q.id ? i.state.reasks : 0;
  // offerSkip: the question is shown as on a re-ask (with 跳过), without counting one.
  return { facts: i.facts, state: { ...i.state, q: q.id, reasks }, effects: [{ type: 'reply', reply: askReply(i.flow, q, offerSkip ? Math.max(1, reasks) : reasks, prefix, i.facts) }] };
}

/** Each debit the same sum: 一样, 每次都一样, 跟付的一样, 同样的钱. */
const SAME_EACH = /^(?:每次|每笔|都|两次|几次)?(?:都)?(?:是)?(?:跟|和|与)?(?:付的|价格|订单|原价)?(?:一样|一样多|同样|同样的钱|相同|一致|没区别)(?:多)?$/;


/** The facts kept, as one line: "金额 128元，支付方式 微信支付". */
function aheadSaid(i: StepInput, ahead: readonly Ahead[]): Text {
  // Each fact after the first carries its separator (…_more keys): no punctuation in the step.
  const said = ahead.map((x, n) => {
    const more = n > 0 ? '_more' : '';
    return x.value === null ? msg(`intake.ahead_none${more}`, { label: msg(`label.${x.q.id}`) }) : msg(`intake.ahead_fact${more}`, { label: msg(`label.${x.q.id}`), value: factText(i.flow, x.q, x.value, i.zone) });
  });
  return join(said, '');
}

/** Facts given ahead of their questions: kept (those questions are then not asked); the open one again, no strike. */
function keptAhead(i: StepInput, q: Question, ahead: readonly Ahead[]): StepResult {
  const facts = { ...i.facts };
  for (const x of ahead) facts[x.q.id] = x.value;
  const reasks = i.state.q === q.id ? i.state.reasks : 0;
  const history = [...i.state.history.filter((h) => !ahead.some((x) => x.q.id === h)), ...ahead.map((x) => x.q.id)];
  return {
    facts,
    state: { ...i.state, stage: 'intake', q: q.id, reasks, history },
    effects: [{ type: 'reply', reply: askReply(i.flow, q, reasks, msg('intake.ahead', { facts: aheadSaid(i, ahead) }), facts) }],
  };
}

/** One event during intake. */
export function intake(i: StepInput): StepResult {
  const { flow, facts, state, event } = i;
  const q = questionsOf(flow).find((x) => x.id === state.q) ?? nextQuestion(flow, facts);
  if (!q) return advance(flow, facts, state);
  // A later time said relative to the purchase (刚买就兑换了, 当天, 8点10分): on the payment's day, not today.
  if (event.type === 'text' && q.id === 'triedAt' && typeof facts.paidAt === 'string') {
    const rel = relativeToPayment(event.text, facts.paidAt, i.now, i.zone);
    if (rel) return accept(i, q, rel);
  }
  if (event.type === 'text') {
    const text = event.text.trim();
    if (ASK_SOMEONE.test(text) && text.length <= 20) return holdOn(i, q, 'intake.hold_on_ask');
    if (HOLD_ON.test(text) && text.length <= 20) return holdOn(i, q, 'intake.hold_on');
    // "你好" on coming back: which case this is, and the question it stopped at.
    if (GREETING.test(text)) return holdOn(i, q, 'intake.welcome_back');
    // 刷不了: the bill's 交易单号, asked for with the reversal notice, sent at whatever question is open —
    // kept as the transaction number (not as 报错内容), and the question stays.
    if (flow.id === 'payment_failed' && TXN_LABEL.test(text)) {
      const r = parseAnswer({ id: 'txnId', kind: 'order' }, text, i.now, i.zone);
      if (r.ok) {
        const f = { ...facts, txnId: r.value as string };
        const reasks = i.state.q === q.id ? i.state.reasks : 0;
        return { facts: f, state: { ...state, q: q.id }, effects: [{ type: 'reply', reply: askReply(flow, q, reasks, msg('coach.reversal.noted', { txn: r.value as string }), f) }] };
      }
    }
    // At a free-text question a side question reads as a name ("收费吗" as the platform): it is never one (explore4 F33).
    const side = text.length <= 30 ? SIDE.find(([re]) => re.test(text)) : undefined;
    if (side && (q.kind === 'text' || readTyped(q, text, i.now, i.zone).ok === false)) return holdOn(i, q, side[1]);
    if (NAME_IDS.has(q.id)) {
      // A story typed where a name was asked (explore4 F1): no name; the facts it tells are kept, the name asked again.
      const story = storyAtName(flow, facts, q, text, i.now, i.zone);
      if (story) {
        const f = { ...facts, ...Object.fromEntries(story.map((x) => [x.q.id, x.value])) };
        // "在小年卡盟买的点券 没到账 付了100" at 在哪个平台…: the story names the platform — that is the answer.
        const named = q.id === 'platform' ? storyPlatform(extractPlatform(text), text) : undefined;
        const history = [...i.state.history.filter((h) => !story.some((x) => x.q.id === h)), ...story.map((x) => x.q.id)];
        const withStory: StepInput = { ...i, facts: f, state: { ...i.state, history } };
        if (named) return accept(withStory, q, named, story.length ? msg('intake.ahead_split', { facts: aheadSaid(i, story) }) : undefined);
        const prefix = story.length ? join([msg('reask.why.story'), msg('intake.ahead_split', { facts: aheadSaid(i, story) })], '') : msg('reask.why.story');
        return holdOnWith(withStory, q, prefix, true);
      }
      // The name with facts for later questions beside it (explore4 F28): the name stored, the facts kept for theirs.
      const split = splitNameAnswer(flow, facts, q, text, i.now, i.zone);
      if (split) {
        const f = { ...facts, ...Object.fromEntries(split.ahead.map((x) => [x.q.id, x.value])) };
        const history = i.state.history.filter((h) => !split.ahead.some((x) => x.q.id === h));
        return accept({ ...i, facts: f, state: { ...i.state, history: [...history, ...split.ahead.map((x) => x.q.id)] } }, q, split.value, msg('intake.ahead_split', { facts: aheadSaid(i, split.ahead) }));
      }
    }
  }
  // 多扣了多少钱？ "一样" / "每次都一样" (explore4 F2): each extra debit was the price — (debits − 1) × price.
  if (event.type === 'text' && q.id === 'extraAmount' && SAME_EACH.test(fold(event.text).replace(/[\s,，。.!！啊呀吧的]/g, '')) && typeof facts.amount === 'number' && typeof facts.chargeCount === 'number' && facts.chargeCount >= 2) {
    return accept(i, q, Math.round((facts.chargeCount - 1) * facts.amount * 100) / 100);
  }
  // "没有订单号", "私下转的 没订单号": there is none — recorded as such (a payment record proves the deal).
  if (event.type === 'text' && q.kind === 'order' && NO_ORDER.test(fold(event.text)) && !/\d{6,}/.test(event.text) && !/在哪|哪里|哪儿|怎么看|怎么找|怎么查|[?？]/.test(event.text)) return accept(i, q, null, msg('intake.no_order'));
  const a = readAnswer(q, event, i.now, i.zone);
  // An answer to a later question given now ("微信付的" at 订单号, "没有订单号" at 卖家叫什么): kept for it.
  if (event.type === 'text' && (a.type !== 'value' || NAME_IDS.has(q.id))) {
    const ahead = aheadAnswers(flow, facts, q, event.text, i.now, i.zone, a.type === 'value');
    if (ahead.length) return keptAhead(i, q, ahead);
    // "380" at 订单号 after the story gave 380元: it is already recorded — said so, no strike.
    const same = a.type === 'value' ? undefined : repeatedFact(flow, facts, q, event.text, i.now, i.zone);
    if (same) {
      const value = factText(flow, same, facts[same.id], i.zone);
      return holdOnWith(i, q, msg('intake.already_have', { label: msg(`label.${same.id}`), value }));
    }
  }
  // A day named without a year (12月3号) that the year we guessed puts before the payment: asked again, saying why.
  if (a.type === 'value' && a.yearGuessed && q.kind === 'time' && q.id !== 'paidAt' && typeof a.value === 'string' && typeof facts.paidAt === 'string') {
    const day = (v: string) => (v.includes('T') ? localYmd(new Date(v), i.zone) : v.slice(0, 10));
    if (day(a.value) < day(facts.paidAt)) return reask(i, q, 'before_paid');
  }
  // "我说了就是垃圾卡盟" at 买的是什么: the platform again, not the goods (explore4 F30).
  if (a.type === 'value' && q.id === 'item' && typeof a.value === 'string' && (a.value === facts.platform || /(?:卡盟|发卡网)$/.test(a.value))) return reask(i, q, 'platform_as_item');
  // 多扣 more than the extra debits could take (100元 × 2 debits → at most 100 extra): asked again, saying why.
  if (a.type === 'value' && q.id === 'extraAmount' && typeof a.value === 'number' && typeof facts.amount === 'number' && typeof facts.chargeCount === 'number' && facts.chargeCount >= 2) {
    if (a.value > (facts.chargeCount - 1) * facts.amount + 0.005) return reask(i, q, 'extra_too_big');
  }
  // A double charge from two channels said with the answer ("支付宝扣了一次 银行卡又扣了一次"): both kept (explore3 F47).
  const said = event.type === 'text' || event.type === 'choice' ? event.text : undefined;
  const extra = said === undefined ? undefined : channelFacts(flow, facts, q, said, a.type === 'value' ? a.value : undefined);
  // "实际收到的是什么？" answered "号被原号主找回了": the account was recovered (explore3 F16, flows/not_as_described.ts).
  const recovered = flow.id === 'not_as_described' && q.id === 'received' && a.type === 'value' && said !== undefined && accountRecoveredSaid(said);
  const withExtra: StepInput = extra || recovered ? { ...i, facts: { ...facts, ...extra, ...(recovered ? { accountRecovered: true } : {}) } } : i;
  // "支付宝扣了一次 银行卡又扣了一次" at the payment-method question: the first is the one paid with, not "which one?".
  if (extra && q.id === 'paymentMethod' && typeof extra.paymentMethod === 'string') return accept(withExtra, q, extra.paymentMethod);
  if (a.type === 'value') return accept(withExtra, q, a.value, a.prefix);
  if (a.type === 'bad' && a.why === 'ambiguous' && a.ids?.length) return whichOne(i, q, a.ids);
  // "订单号在哪看啊？": a question back, answered; no strike, the question stays open.
  if (a.type === 'bad' && a.why === 'what_order') return holdOn(i, q, 'reask.why.what_order', true);
  if (a.type === 'bad') return reask(i, q, a.why === 'unknown' && i.state.q === q.id && i.state.reasks > 0 ? undefined : a.why);
  if (event.type === 'attachments') {
    // A file during intake is kept for the evidence stage; the question stays open.
    return {
      facts,
      state: { ...state, q: q.id },
      effects: [
        ...event.items.map((x): Effect => ({ type: 'evidence', item: null, kind: x.kind, ref: x.ref })),
        { type: 'reply', reply: askReply(flow, q, 0, msg('evidence.recorded_later', { n: event.items.length }), facts) },
      ],
    };
  }
  // start / repeat: ask (again), keeping the re-ask count of the open question. Coming back (继续 after
  // 进度) is no wrong answer: the question with 跳过, without "没法识别" (explore4 F3).
  const reasks = state.q === q.id ? state.reasks : 0;
  const back = event.type === 'repeat' && reasks > 0 ? msg('intake.resume') : undefined;
  return { facts, state: { ...state, stage: 'intake', q: q.id }, effects: [{ type: 'reply', reply: askReply(flow, q, reasks, back, facts) }] };
}
