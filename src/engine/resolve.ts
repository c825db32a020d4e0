// Which choice an inbound is: a pressed button, or a typed number / label of the choices the
// user last saw. The result is still an encoded id; the engine decodes it (choices.ts).
import type { Config } from '../config.js';
import type { Choice, Inbound, Reply } from '../types.js';
import { followUpMessage } from '../followups/messages.js';
import type { Repo } from './repo.js';
import { decodeChoice, encodeChoice } from './choices.js';
import type { SessionState } from './session.js';
import { caseRef, choiceOptions, matchOption, matchOptions, optionSpecs, questionOptions, synonymsOf, yesNo, type OptionSpec } from '../dialogue/index.js';
import { questionsOf } from '../flow/intake.js';
import { twoChannelsSaid } from '../flow/channels.js';
import { t } from '../i18n/index.js';
import { PAYMENT_METHODS } from '../types.js';
import type { Flow } from '../flow/types.js';
import type { CaseRow } from './repo.js';
import { matchCommand } from './commands.js';
import { checklistSpecs, unsafeForOneButton } from './checklist-words.js';

export interface ResolveDeps {
  repo: Repo;
  config: Config;
  canSendProactively(platform: Inbound['platform']): boolean;
  /** Whether a typed text carries a scam sign (src/coaching): such a text is never matched to a button. */
  isScam?(text: string): boolean;
}

/**
 * A bare number picks one of the last choices, except when they were only the 跳过 offered with
 * a typed question (an amount, a count, a time…): then "1" is an answer, not a choice.
 */
export function numberedChoices(last: Reply | undefined): boolean {
  if (!last?.choices?.length) return false;
  return !(last.choices.length === 1 && last.choices[0].id === encodeChoice({ kind: 'skip' }));
}

/**
 * The choices the user last saw: a reminder fired after their last message (its choices are
 * rebuilt, not stored, so firing costs no session write), or the engine's own last reply.
 */
function lastSeenChoices(d: ResolveDeps, inbound: Inbound, userId: number, state: SessionState, sessionUpdatedAt: number): { choices: Choice[]; numbered: boolean } {
  // Where reminders are held for the next reply (official QQ), the user has not seen one yet.
  const fired = d.canSendProactively(inbound.platform) ? d.repo.lastFiredFollowUp(userId, sessionUpdatedAt) : undefined;
  if (fired) {
    const reply = followUpMessage({ ...fired, dueAt: new Date(fired.dueAt) }, new Date(fired.firedAt), d.config.BOT_TIMEZONE, d.config);
    if (reply?.choices?.length) return { choices: reply.choices, numbered: true };
  }
  return { choices: state.lastChoices ?? [], numbered: !!state.numbered };
}

/** What a typed text names among the choices last seen: one of them, two equally (ask which), or none. */
export type Resolved = { id?: string; ambiguous?: Choice[] };

/** The other side as the one who sent something: 商家发了…, 客服补发了, 他又发了一个新的卡密. */
const OTHER_SIDE_SENT = /^(?:商家|卖家|客服|对方|老板|店家|店主|平台|人家|他们?|她们?)(?:那边)?(?:给我|又|也|还|已经|刚才?|刚刚)*(?:补)?发/;

/** Longer text is a sentence, not a choice: only a number, a whole label or a synonym can name one then. */
const SHORT = 16;

export function resolveChoice(d: ResolveDeps, inbound: Inbound, userId: number, state: SessionState, sessionUpdatedAt: number): Resolved {
  if (inbound.choice) return { id: inbound.choice };
  const text = (inbound.text ?? '').trim();
  if (!text || text.length > 40) return {};
  const seen = lastSeenChoices(d, inbound, userId, state, sessionUpdatedAt);
  // A case named by its id: "#4", "案件4", "4号案件" anywhere; a bare "4" right after the case list.
  const caseListShown = (state.lastChoices ?? []).some((c) => c.id.startsWith('c:'));
  const ref = caseRef(text);
  if (ref !== undefined && /#|＃|案件|案子|case/i.test(text)) return { id: encodeChoice({ kind: 'case', caseId: ref }) };
  const choices = seen.choices;
  if (ref !== undefined && caseListShown && /^\d+$/.test(text)) {
    // A bare "1" after 我的案件: the option numbered 1 (切换到 #2) and case #1 differ — ask which (exploratory testing).
    const byId = encodeChoice({ kind: 'case', caseId: ref });
    const byNumber = seen.numbered ? choices[ref - 1] : undefined;
    if (byNumber && byNumber.id !== byId) return { ambiguous: [byNumber, { id: byId, label: t('cases.by_id', { id: ref }) }] };
    return { id: byId };
  }
  if (!choices.length) return {};
  // Numbers, labels, parts of labels, synonyms, traditional and small typos (src/dialogue);
  // a checklist button "已有：订单截图" also answers to 订单截图 and the item's synonyms.
  const specs = choiceOptions(choices, seen.numbered).map((o) => {
    const c = decodeChoice(o.id);
    return c?.kind === 'evidence' ? { ...o, synonyms: [...(o.synonyms ?? []), t(`ev.${c.item}.short`), ...synonymsOf(`ev.${c.item}`)] } : o;
  });
  const m = matchOption(text, specs);
  // A scam sign typed (商家发了个退款链接让我点) is never a button: the warning must see it. Only asked
  // when the words named a button by more than its number (the check costs a model score).
  if (m.kind !== 'none' && !(m.kind === 'match' && (m.how === 'number' || m.how === 'exact')) && d.isScam?.(text)) return {};
  // At the checklist, "除了X都有", "去掉X", "X和Y都有", "1到4" are read whole (checklist-words.ts), not as one button.
  const evidenceItem = (id: string) => decodeChoice(id)?.kind === 'evidence';
  if (((m.kind === 'ambiguous' && m.ids.some(evidenceItem)) || (m.kind === 'match' && m.how !== 'number' && m.how !== 'exact' && evidenceItem(m.id))) && unsafeForOneButton(text)) return {};
  // A command word (证据, 进度…) is the command unless it is a button's whole label.
  if (matchCommand(text) && !(m.kind === 'match' && (m.how === 'exact' || m.how === 'number'))) return {};
  if (m.kind === 'match') {
    if (m.how === 'number' && !seen.numbered) return {};
    // A feature's buttons (blacklist, community) are named by number or whole label only: their
    // words double as commands ("举报" is not "撤回这条举报").
    if (decodeChoice(m.id)?.kind === 'blacklist' && m.how !== 'number' && m.how !== 'exact') return yesNoAnswer(choices, text);
    if (text.length > SHORT && (m.how === 'contains' || m.how === 'fuzzy')) return {};
    // At "对方是怎么回复的？" the other side's words typed are read whole (src/coaching), not by a word of a
    // button's label ("可以退50 剩下的不退" is a part offered, not 说过了售后期/不退).
    if ((m.how === 'contains' || m.how === 'fuzzy') && decodeChoice(m.id)?.kind === 'coach') return {};
    // A reminder's answer named by a word inside a longer reply ("没退 我也懒得搞了", "退了五十 剩下的说下周",
    // "还没 他说明天给我弄"): the sentence is read whole by the routes (explore4 F40).
    if ((m.how === 'contains' || m.how === 'fuzzy') && decodeChoice(m.id)?.kind === 'followup' && /\S[\s，,。]+\S{2,}/.test(text)) return {};
    // "商家发了卡密 但是用不了", "商家给我补发了": what the other side sent is not the user's 已发送.
    if ((m.how === 'contains' || m.how === 'fuzzy') && OTHER_SIDE_SENT.test(text)) {
      const c = decodeChoice(m.id);
      if (c?.kind === 'rung' && c.op === 'sent') return {};
    }
    return { id: m.id };
  }
  if (m.kind === 'ambiguous' && text.length <= SHORT && !m.ids.some((id) => decodeChoice(id)?.kind === 'blacklist')) return { ambiguous: choices.filter((c) => m.ids.includes(c.id)) };
  // A yes/no question shown as two buttons (删除我的数据, 集体投诉 consent) takes a yes or a no in
  // the user's own words: 确认, 是的 删吧, 同意, 不了, 不同意.
  return yesNoAnswer(choices, text);
}

function yesNoAnswer(choices: readonly Choice[], text: string): Resolved {
  const pair = yesNoPair(choices);
  if (!pair) return {};
  const yn = yesNo(text);
  // Only a plain yes (删除我的数据 cannot be undone): "嗯 我再想想", "好的，不过先别删" are not one.
  if (yn.answer === 'yes' && /^(?:删|删除|删吧|删了吧|确定|确认|加入|同意)?[。.!！吧啊]*$/.test(yn.rest.trim())) return { id: pair.yes };
  if (yn.answer === 'no') return { id: pair.no };
  return {};
}

/** The two buttons of a yes/no question, when the message shown was one. */
function yesNoPair(choices: readonly Choice[]): { yes: string; no: string } | undefined {
  let yes: string | undefined;
  let no: string | undefined;
  for (const c of choices) {
    const k = decodeChoice(c.id);
    if (k?.kind === 'delete') k.confirm ? (yes = c.id) : (no = c.id);
    else if (k?.kind === 'blacklist' && k.op === 'cy') yes = c.id;
    else if (k?.kind === 'blacklist' && k.op === 'cn') no = c.id;
  }
  return yes && no ? { yes, no } : undefined;
}

/**
 * Typed words for the open question of a case in intake, when they named none of the buttons
 * last shown (e.g. after 进度): its options by number, label, synonym, traditional or typo.
 */
export function questionChoice(flow: Flow, c: CaseRow, text: string): Resolved {
  if (c.state.stage !== 'intake' || !c.state.q || channelsAnswer(flow, c, text)) return {};
  const q = questionsOf(flow).find((x) => x.id === c.state.q);
  if (!q || (q.kind !== 'choice' && q.kind !== 'payment')) return {};
  const specs =
    q.kind === 'choice'
      ? questionOptions(flow.id, q.id, q.options ?? [])
      : optionSpecs(PAYMENT_METHODS.map((id) => ({ id, labelKey: `payment.${id}` })));
  const m = matchOption(text.slice(0, 60), specs);
  const id = (o: string) => encodeChoice({ kind: 'answer', option: o });
  if (m.kind === 'match') return { id: id(m.id) };
  if (m.kind === 'ambiguous') return { ambiguous: m.ids.map((o) => ({ id: id(o), label: specs.find((x) => x.id === o)!.label })) };
  return {};
}

/**
 * "支付宝扣了一次 银行卡又扣了一次" at 重复扣款's payment-method question names two channels on purpose
 * (explore3 F47): the step reads it whole (src/flow/channels.ts), it is not "which one?".
 */
export function channelsAnswer(flow: Flow, c: CaseRow, text: string): boolean {
  return flow.id === 'double_charge' && c.state.stage === 'intake' && c.state.q === 'paymentMethod' && twoChannelsSaid(text) !== undefined;
}

/** The checklist items (and 证据先这样) a typed text names, as choice ids, numbered as shown. */
export function checklistPicks(flow: Flow, text: string): string[] {
  const specs: OptionSpec[] = checklistSpecs(flow).map((o) => ({ ...o, id: encodeChoice({ kind: 'evidence', item: o.id }) }));
  specs.push({ id: encodeChoice({ kind: 'evidence_done' }), label: t('choice.evidence_done'), synonyms: synonymsOf('choice.evidence_done'), number: specs.length + 1 });
  const ids = matchOptions(text.slice(0, 60), specs);
  // "看下一步" together with items: the items first, then on.
  return ids.length > 1 ? ids : [];
}
