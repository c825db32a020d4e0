// Free text in the engine: a first message starts the matching flow pre-filled (after the
// user confirms what was understood).
import { t } from '../i18n/index.js';
import { understand, LOW_CONFIDENCE, type Entities } from '../nlu/understand.js';
import { parseAmount } from '../nlu/amount.js';
import { PAYMENT_METHODS, SCENARIOS, type ScenarioId } from '../types.js';
import { formatAmount, formatDate, formatDateTime } from '../flow/format.js';
import type { Facts, Flow } from '../flow/types.js';
import type { Reply } from '../types.js';
import { ORDER, type Router, type TurnContext } from './routes.js';
import { button } from './choices.js';
import { matchCommand } from './commands.js';
import { menu } from './menus.js';
import { GREETING } from '../flow/answers.js';
import { localYmd } from '../calendar/workdays.js';
import { twoChannelsSaid } from '../flow/channels.js';
import { law } from '../knowledge/law.js';
import { accountRecoveredSaid, findCardKeys, privateTransferSaid, recoveryDay, withoutRecovery, storyBalance, storyItem, storyMoneyTaken, storyNoOrder, storyOrderUnpaid, storyPageMessage, storyReceived, storySellerSilent, storyToppedUp, storyPlatform, withoutCardKeys, withoutTakenBack, fold, matchOption, optionSpecs, readConfirmation, readDate, typedNumber, type Confirmation } from '../dialogue/index.js';

/** Facts of the story that are no question's answer but set the case's route (explore3 F32, F16): kept through a correction or a pick. */
const ROUTE_FACTS: ReadonlySet<string> = new Set(['privateTransfer', 'accountRecovered']);

interface Pending {
  scenario?: ScenarioId;
  facts: Facts;
}

const NS = 'nlu';
/** Set by 新案件 while a case is open: the next text is a new story (src/engine/builtins.ts). */
export const NEW_STORY_NS = 'nlu_new';

/** Entities as case facts, keeping only what the scenario's flow asks. */
export function entitiesToFacts(flow: Flow | undefined, e: Entities, zone: string, text = ''): Facts {
  // A story fills what the confirmation can show plainly: the amount, the channel, the time, and a
  // platform or item named in a form that clearly is one (小年卡盟, hfkc.cn; 王者荣耀点券, Q币).
  // Other names and order numbers found in a story are asked again (they are easy to mistake); a count
  // of debits of two or more (被扣了两次) is shown and kept (asking 一共被扣了几次？ after it was said reads
  // as not listening — trying the bot as a new user, session 7).
  const all: Facts = {};
  if (e.chargeCount !== undefined && e.chargeCount >= 2 && e.chargeCount <= 50) all.chargeCount = e.chargeCount;
  const platform = storyPlatform(e.platform, text);
  if (platform) all.platform = platform;
  const item = text ? storyItem(text) : undefined;
  if (item) all.item = item;
  if (e.amount !== undefined && e.amount > 0) all.amount = e.amount;
  if (e.paymentMethod) all.paymentMethod = e.paymentMethod;
  if (e.occurredAt) all.paidAt = e.occurredAtPrecision === 'day' ? localYmd(e.occurredAt, zone) : e.occurredAt.toISOString();
  if (!flow) return all;
  // 重复扣款 on two channels told in the story (explore3 F47): both kept, the channel questions skipped.
  if (flow.id === 'double_charge' && text) Object.assign(all, twoChannelsSaid(text, typeof all.paymentMethod === 'string' ? all.paymentMethod : undefined));
  // 商家跑路 (explore4 F18): the money left on the site; a top-up's 余额 is what is left, not how it was paid.
  if (flow.id === 'merchant_vanished' && text) {
    const balance = storyBalance(text);
    if (balance !== undefined) all.balance = balance;
    if (all.paymentMethod === 'balance' && (balance !== undefined || storyToppedUp(text))) delete all.paymentMethod;
  }
  // 卡密无效: the key told in the story arrives masked (HK7Q****4WBA) and is the answer to 卡密是多少？ (session 7).
  if (flow.id === 'card_used' && text) {
    const key = /(?<![A-Za-z0-9])[A-Za-z0-9]{2,4}\*{4}[A-Za-z0-9]{2,4}(?![A-Za-z0-9])/.exec(text);
    if (key) all.cardKey = key[0];
  }
  // 刷不了 (explore3 F15): what the page showed and that no order was made, told in the story.
  if (flow.id === 'payment_failed' && text) {
    const page = storyPageMessage(text);
    if (page) all.errorShown = page;
    if (storyNoOrder(text)) all.orderExists = 'none';
    else if (storyOrderUnpaid(text)) all.orderExists = 'yes_unpaid';
    // "支付宝扣了68": the money was taken — 是否扣款 is not asked again (session 7).
    if (storyMoneyTaken(text)) all.moneyTaken = 'yes';
  }
  // "客服也不回" (explore4 F1): the seller's answer so far, not asked again.
  if (flow.id === 'not_received' && text && storySellerSilent(text)) all.sellerContact = 'no_reply';
  // 货不对板 (explore4 F8): "买爱奇艺黄金会员年卡 结果给我的是7天体验卡" — what arrived, and the item as what was promised.
  if (flow.id === 'not_as_described' && text) {
    const received = storyReceived(text);
    if (received) all.received = received;
    if (received && typeof all.item === 'string') all.promised = all.item;
  }
  const asked = new Set(flow.questions.map((q) => q.id));
  return Object.fromEntries(Object.entries(all).filter(([k]) => asked.has(k)));
}

/** "未到账，100元，支付宝，11月20日 15:00"; a time the user gave only as a day shows as the day. */
function summary(scenario: ScenarioId, f: Facts, zone: string, now: Date): string {
  const dayOnly = typeof f.paidAt === 'string' && !f.paidAt.includes('T');
  const parts = [t(`scenario.${scenario}`)];
  if (f.privateTransfer === true) parts.push(t('nlu.private'));
  if (f.accountRecovered === true)
    parts.push(typeof f.recoveredAt === 'string' ? t('nlu.recovered_at', { at: formatDate(f.recoveredAt, zone, now) }) : t('nlu.recovered'));
  if (typeof f.amount === 'number') parts.push(formatAmount(f.amount));
  if (typeof f.chargeCount === 'number') parts.push(t('nlu.charge_count', { n: f.chargeCount }));
  if (typeof f.balance === 'number') parts.push(t('nlu.balance_left', { amount: formatAmount(f.balance) }));
  if (typeof f.paymentMethod === 'string' && typeof f.secondChannel === 'string')
    parts.push(t('nlu.two_channels', { a: t(`payment.${f.paymentMethod}`), b: t(`payment.${f.secondChannel}`) }));
  else if (typeof f.paymentMethod === 'string') parts.push(t(`payment.${f.paymentMethod}`));
  if (typeof f.paidAt === 'string') parts.push(dayOnly ? formatDate(f.paidAt, zone, now) : formatDateTime(f.paidAt, zone, now));
  if (typeof f.item === 'string') parts.push(f.item);
  if (scenario === 'card_used' && typeof f.cardKey === 'string') parts.push(t('nlu.card_key', { key: f.cardKey }));
  if (f.sellerContact === 'no_reply') parts.push(t('nlu.seller_silent'));
  if (scenario === 'not_as_described' && typeof f.received === 'string') parts.push(t('nlu.received', { text: f.received }));
  if (scenario === 'payment_failed' && typeof f.errorShown === 'string') parts.push(t('nlu.page_said', { text: f.errorShown }));
  if (scenario === 'payment_failed' && f.orderExists === 'none') parts.push(t('opt.orderExists.none'));
  if (scenario === 'payment_failed' && f.orderExists === 'yes_unpaid') parts.push(t('nlu.order_unpaid'));
  if (scenario === 'payment_failed' && f.moneyTaken === 'yes') parts.push(t('nlu.money_taken'));
  if (typeof f.platform === 'string') parts.push(f.platform);
  if (typeof f.merchant === 'string') parts.push(f.merchant);
  if (typeof f.orderId === 'string') parts.push(f.orderId);
  return parts.join(t('nlu.sep'));
}

/** Registers free-text understanding: its confirmation buttons and the text fallback. */
export function registerUnderstanding(router: Router, zone: string, flows: Readonly<Record<ScenarioId, Flow>>): void {
  const opts = { order: ORDER.UNDERSTANDING } as const;
  router.choice(
    'understand',
    (ctx, c) => {
      const pending = ctx.ext.get<Pending>(NS);
      ctx.ext.set(NS, undefined);
      if (!pending) return false;
      // Typed words that named a button ("不对，是微信付的" names 不对): a correction said with it wins.
      if (c.answer !== 'pick' && pending.scenario && !ctx.inbound.choice) {
        const conf = readConfirmation(ctx.text, ctx.now, zone);
        if (conf.kind === 'correct' && typedNumber(ctx.text) === undefined) return answerConfirmation(ctx, pending, conf);
      }
      if (c.answer === 'yes' && pending.scenario) {
        ctx.startCase(pending.scenario, pending.facts);
        return true;
      }
      if (c.answer === 'none') {
        // The facts found stay for a retelling; the seven-day-return row only where the story was remorse (review L1).
        ctx.ext.set(NS, { facts: pending.facts });
        ctx.reply({ text: t('nlu.none_reply'), choices: [...menu(undefined, '').choices ?? []] });
        return true;
      }
      if (c.answer === 'pick') {
        const asked = new Set(flows[c.scenario].questions.map((q) => q.id));
        ctx.startCase(c.scenario, Object.fromEntries(Object.entries(pending.facts).filter(([k]) => asked.has(k) || ROUTE_FACTS.has(k))));
        return true;
      }
      ctx.ext.set(NS, { facts: pending.facts });
      ctx.reply(pickReply('nlu.pick_keep'));
      return true;
    },
    opts,
  );
  // 新案件 with a case open: the next words are the new story, read before anything of the open case.
  router.pending<true>(
    NEW_STORY_NS,
    (ctx) => {
      ctx.ext.set(NEW_STORY_NS, undefined);
      if (ctx.choice || !ctx.text.trim() || matchCommand(ctx.text)) return false;
      return readStory(ctx);
    },
    { order: ORDER.CONFIRM },
  );
  router.text((ctx) => {
    if (ctx.choice) return false;
    // 检查语气 and refusals of fabricated claims are answered earlier (src/coaching/routes.ts).
    if (ctx.active) return false;
    return readStory(ctx);
  }, opts);

  /** A story in the user's words: understood, then confirmed before a case is opened. */
  function readStory(ctx: TurnContext): boolean {
    const text = ctx.text.trim();
    if (!text) return false;
    const pending = ctx.ext.get<Pending>(NS);
    // A greeting alone (你好, 在吗) is a hello, not a story to guess a scenario from.
    if (!pending && GREETING.test(text)) {
      ctx.reply(menu(undefined, t('welcome')));
      return true;
    }
    // Traditional folded first (src/dialogue), so 錢扣了 reads as 钱扣了.
    // "上个月28号 不对 是这个月28号": a value taken back in the same breath is not read (src/dialogue).
    const folded = withoutTakenBack(fold(text, { lowerCase: false }), ctx.now, zone);
    let u: ReturnType<typeof understand> | undefined;
    let carried: Facts = {};
    if (pending?.scenario) {
      // The answer to "我理解为：… 对吗？": yes, no, or a fact corrected in the same breath — unless,
      // with no yes/no and no scenario named, the message is a new story that reads confidently as
      // another scenario ("同一笔订单扣了我两次，每次39.9"): then it is read again, keeping the facts
      // found before that it does not replace.
      // "6" where the buttons are 1 and 2: a slip, not a sum — the question again (explore4 F9).
      const n = typedNumber(text);
      if (n !== undefined && n < 10) {
        confirm(ctx, pending.scenario, pending.facts, t('nlu.confirm_pick'));
        return true;
      }
      const conf = readConfirmation(text, ctx.now, zone);
      if (conf.kind === 'correct' && conf.said === 'unknown' && !conf.scenario) {
        u = understand(folded, ctx.now, zone);
        const retold = u.scenario !== 'other' && u.scenario !== pending.scenario && u.confidence >= LOW_CONFIDENCE;
        if (!retold) return answerConfirmation(ctx, pending, conf);
        carried = pending.facts;
      } else if (conf.kind !== 'unknown') return answerConfirmation(ctx, pending, conf);
      ctx.ext.set(NS, undefined);
    } else if (pending) carried = pending.facts; // told before the scenario was known ("买了100的话费", then "一直没到账")
    u ??= understand(folded, ctx.now, zone);
    // A scenario named by its label or a declared synonym (刷不了, 跑路) when the model is unsure.
    if (u.scenario === 'other' || u.confidence < LOW_CONFIDENCE) {
      const named = matchOption(folded, optionSpecs(SCENARIOS.map((x) => ({ id: x, labelKey: `scenario.${x}` })), false));
      if (named.kind === 'match' && named.how !== 'fuzzy') {
        u.scenario = named.id as ScenarioId;
        u.confidence = LOW_CONFIDENCE;
      }
    }
    // The time as src/dialogue reads it (中午 = 12:00, "10点 一直" = 10:00) when it names the same day.
    if (u.entities.occurredAt) {
      const d = readDate(folded, ctx.now, zone);
      const implausible = u.entities.occurredAt.getUTCFullYear() < ctx.now.getUTCFullYear() - 2;
      if (implausible) u.entities.occurredAt = undefined;
      if (d && !d.future && (implausible || localYmd(d.date, zone) === localYmd(u.entities.occurredAt!, zone))) {
        u.entities.occurredAt = d.date;
        u.entities.occurredAtPrecision = d.precision;
      }
    }
    // An account recovered by the seller's side (explore3 F16): 货不对板 (the account handed over was not
    // clean), and the day it was recovered ("昨天被原号主找回了") is not the day it was paid ("上周…买").
    const recovery: Facts = {};
    if (accountRecoveredSaid(folded) && (['other', 'card_used', 'not_as_described'].includes(u.scenario) || u.confidence < LOW_CONFIDENCE)) {
      u = { ...u, scenario: 'not_as_described', confidence: Math.max(u.confidence, LOW_CONFIDENCE) };
      recovery.accountRecovered = true;
      const day = recoveryDay(folded, ctx.now, zone);
      if (day) recovery.recoveredAt = day.value;
      if (day && u.entities.occurredAt && localYmd(u.entities.occurredAt, zone) === localYmd(day.date, zone)) {
        const bought = readDate(withoutRecovery(folded), ctx.now, zone);
        u.entities.occurredAt = bought && !bought.future ? bought.date : undefined;
        u.entities.occurredAtPrecision = bought?.precision;
      }
    }
    // A card key's digits are never an amount (src/dialogue).
    if (findCardKeys(text).length) u.entities.amount = parseAmount(withoutCardKeys(folded), { story: true });
    // The channel named in words the parser missed ("qq红包转的"), by the payment labels' synonyms.
    // "还有余额 … 支付宝": 余额 in a story is often the money left on the platform, not the channel.
    if (!u.entities.paymentMethod || u.entities.paymentMethod === 'balance') {
      const m = matchOption(text, optionSpecs(PAYMENT_METHODS.filter((p) => p !== 'balance').map((id) => ({ id, labelKey: `payment.${id}` })), false));
      if (m.kind === 'match' && m.how !== 'fuzzy') u.entities.paymentMethod = m.id as (typeof PAYMENT_METHODS)[number];
    }
    // Money sent by private transfer (explore3 F32): the police-first answer, and the case opens on that
    // route (privateTransfer; src/flow/ladder.ts) — as 商家跑路 unless the story clearly is another scenario.
    const priv = privateTransferSaid(folded) || carried.privateTransfer === true;
    if (priv) {
      if (carried.privateTransfer !== true) ctx.reply({ text: t('coach.private.answer') });
      if (u.scenario === 'other' || u.confidence < LOW_CONFIDENCE) u = { ...u, scenario: 'merchant_vanished', confidence: LOW_CONFIDENCE };
    }
    if (u.scenario !== 'other' && u.confidence >= LOW_CONFIDENCE) {
      const flow = flows[u.scenario];
      const asked = new Set(flow.questions.map((q) => q.id));
      const kept = Object.fromEntries(Object.entries(carried).filter(([k]) => asked.has(k)));
      confirm(ctx, u.scenario, { ...kept, ...entitiesToFacts(flow, u.entities, zone, folded), ...(priv ? { privateTransfer: true } : {}), ...recovery });
      return true;
    }
    // Low confidence: let the user pick, keeping whatever facts were found (and those found before).
    const facts = { ...(pending?.facts ?? {}), ...entitiesToFacts(undefined, u.entities, zone, folded) };
    ctx.ext.set(NS, { facts });
    // Buyer's remorse or a request for a guarantee is answered first, then the scenarios for whatever else fits.
    const first = CHANGE_OF_MIND.test(folded) && !NOT_REMORSE.test(folded) ? withLaw(t('nlu.change_of_mind')) : GUARANTEE.test(folded) ? t('nlu.no_guarantee') : undefined;
    if (first) ctx.reply({ text: first });
    ctx.reply(pickReply(first ? 'nlu.pick_if' : Object.keys(facts).length ? 'nlu.pick_keep' : 'nlu.pick'));
    return true;
  }

  function confirm(ctx: TurnContext, scenario: ScenarioId, facts: Facts, prefix?: string): void {
    ctx.ext.set(NS, { scenario, facts });
    const line = t('nlu.confirm', { summary: summary(scenario, facts, zone, ctx.now) });
    ctx.reply({
      text: prefix ? `${prefix}\n${line}` : line,
      choices: [button({ kind: 'understand', answer: 'yes' }, t('nlu.yes')), button({ kind: 'understand', answer: 'no' }, t('nlu.no'))],
    });
  }

  /** Yes keeps every fact; no shows the scenarios keeping the facts; a correction updates and asks again. */
  function answerConfirmation(ctx: TurnContext, pending: Pending, conf: Exclude<Confirmation, { kind: 'unknown' }>): true {
    ctx.ext.set(NS, undefined);
    if (conf.kind === 'yes' && pending.scenario) {
      ctx.startCase(pending.scenario, pending.facts);
      return true;
    }
    if (conf.kind === 'correct') {
      const scenario = conf.scenario ?? pending.scenario!;
      const asked = new Set(flows[scenario].questions.map((q) => q.id));
      const facts = Object.fromEntries(Object.entries({ ...pending.facts, ...conf.facts }).filter(([k]) => asked.has(k) || ROUTE_FACTS.has(k)));
      // "不对 是账号被找回了": what the line already says — said so, and how to correct one item (explore4 F9).
      const same = scenario === pending.scenario && JSON.stringify(facts) === JSON.stringify(pending.facts);
      confirm(ctx, scenario, facts, same ? t('nlu.correct_same') : undefined);
      return true;
    }
    ctx.ext.set(NS, { facts: pending.facts });
    ctx.reply(pickReply('nlu.pick_keep'));
    return true;
  }
}

function pickReply(key: string): Reply {
  const choices = SCENARIOS.map((s) => button({ kind: 'understand', answer: 'pick', scenario: s }, t(`scenario.${s}`)));
  // "都不是": no dead end for a story none of the six fits (change of mind, something else).
  return { text: t(key), choices: [...choices, button({ kind: 'understand', answer: 'none' }, t('nlu.none'))] };
}

/** Buyer's remorse: wanting the money back for goods that arrived and work. */
const CHANGE_OF_MIND = /(?:^|我|自己|[，,。\s])(?:有点|有些|又)?(?:后悔|反悔|不想要了?|买错了|不想玩了)|(?:别处|别家|淘宝|拼多多|官网)[^，。,]{0,6}更便宜|冲动消费/;
/** …not when the other side went back on the deal or the goods have a problem ("商家反悔了", "卡密用不上", "他发的是假的"). */
const NOT_REMORSE = /(?:商家|卖家|老板|客服|店家|对方|他|她)(?:们)?(?:又|也)?(?:反悔|后悔|不想卖|不卖)|用不了|用不上|不能用|没到|未到|没发|不发|没收到|无效|假的|被用|已使用|失效|跑路|联系不上|扣了两|重复扣|多扣|失败|不符|不对/;
/** "你能保证我的钱一定能退回来吗": asking for a promise of the outcome. */
const GUARANTEE = /(?:保证|一定能|肯定能|百分百|100%)[^，。,]{0,10}(?:退|回来|拿回|要回)/;

/** A text with the law row that explains why digital goods have no seven-day return (cpl25). */
function withLaw(text: string): string {
  const r = law('cpl25');
  return `${text}\n\n${t('law.line', { article: r.article, meaning: r.meaning })}\n${t('law.disclaimer')}`;
}
