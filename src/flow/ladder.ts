// The escalation ladder (docs/domain.md §3): which rungs apply to a case, what each says,
// the ready-to-send text it produces and when to check back.
import type { Config } from '../config.js';
import { basisFor, citationFacts, citationsFor, law, type LawRow } from '../knowledge/law.js';
import { addWorkdays, isPublicHolidayYmd, localYmd, onOrAfterWorkday } from '../calendar/workdays.js';
import { afterQuietHours } from '../calendar/quiet.js';
import { inZone } from '../time/zone.js';
import { addHours } from 'date-fns';
import { amount, choice, datetime, join, msg, type Param, type ReplyMsg, type Text } from './message.js';
import type { Facts, Flow, RungId } from './types.js';
import type { CaseState } from './state.js';
import { factsParagraph, factText } from './facts-text.js';
import { oldPurchaseNote } from './old-purchase.js';
import { duplicateChannel, secondDebit, twoChannels } from './channels.js';

export type Timings = Pick<
  Config,
  | 'SELLER_DEADLINE_HOURS'
  | 'PLATFORM_APPEAL_WINDOW_DAYS'
  | 'PLATFORM_REVIEW_WORKDAYS'
  | 'PAYMENT_COMPLAINT_WORKDAYS'
  | 'REGULATOR_REPLY_WORKDAYS'
  | 'POLICE_SUGGEST_AMOUNT'
  | 'APPEAL_WARN_DAYS'
  | 'QUIET_HOURS_START'
  | 'QUIET_HOURS_END'
  | 'REVERSAL_DAYS'
>;

/** "200元话费到了100", "6480只到了3240", "到了100（共200）": what was due and what arrived, when both are said. */
export function arrivedShare(v: unknown): { total: number; arrived: number } | undefined {
  if (typeof v !== 'string') return undefined;
  const nums = [...v.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  if (nums.length !== 2) return undefined;
  // "只到了1000点 还差500点": the second figure is what is missing, not the whole (review R8).
  const missing = /(?:还差|差了?|少了|缺了?|还有|剩下?的?)\s*(\d+(?:\.\d+)?)/.exec(v);
  if (missing) {
    const short = Number(missing[1]);
    const got = nums.find((n) => n !== short) ?? nums[0];
    return got > 0 && short > 0 ? { total: got + short, arrived: got } : undefined;
  }
  const [a, b] = nums;
  const total = Math.max(a, b);
  const arrived = Math.min(a, b);
  return total > 0 && arrived > 0 && arrived < total ? { total, arrived } : undefined;
}

/** 卡密 sent to others or posted before it failed: the claim against the seller does not hold. */
export const keyShared = (flow: Flow, facts: Facts): boolean => flow.id === 'card_used' && facts.redeemedBefore === 'shared';

/** Rungs of this case's ladder; police only where fraud is suspected and the amount warrants it. */
export function applicableRungs(flow: Flow, facts: Facts, timings: Timings): RungId[] {
  const amount = typeof facts.amount === 'number' ? facts.amount : 0;
  // A balance that is the money paid is counted once (issue 11).
  const balance = typeof facts.balance === 'number' && facts.balanceIsPayment !== 'yes' && facts.balanceIsPayment !== 'part' ? facts.balance : 0;
  // A key the user shared before it failed (explore3 F54): the seller is most likely not at fault —
  // a polite request to the seller, no complaint steps against them.
  if (keyShared(flow, facts)) return ['seller'];
  // Money sent by private transfer (explore3 F32): outside the platform's protection and no merchant
  // payment to complain about — the police first (the side steps are in the rung's note).
  if (facts.privateTransfer === true) return ['police'];
  return flow.ladder.filter(
    (r) => r !== 'police' || (flow.fraudSuspected(facts) && amount + balance >= timings.POLICE_SUGGEST_AMOUNT),
  );
}

/**
 * The seller's deadline: N hours on, at 17:00 local time that day; a day that is a public holiday
 * moves it to 17:00 on the next working day (a deadline on 元旦 is no deadline).
 */
export function sellerDeadline(now: Date, timings: Timings, zone: string): Date {
  const d = inZone(addHours(now, timings.SELLER_DEADLINE_HOURS), zone);
  d.setHours(17, 0, 0, 0);
  const due = new Date(d.getTime() < now.getTime() ? d.getTime() + 86_400_000 : d.getTime());
  return isPublicHolidayYmd(localYmd(due, zone)) ? onOrAfterWorkday(due, zone) : due;
}

/** When the check for a rung is sent: its due moment, or the end of quiet hours when that falls at night. */
export function rungDueAt(rung: RungId, sentAt: Date, timings: Timings, zone: string): Date | undefined {
  const due = rungDeadline(rung, sentAt, timings, zone);
  return due && afterQuietHours(due, zone, { start: timings.QUIET_HOURS_START, end: timings.QUIET_HOURS_END });
}

/** When to ask how the rung went, counted from when the user sent it. Undefined: no follow-up. */
export function rungDeadline(rung: RungId, sentAt: Date, timings: Timings, zone: string): Date | undefined {
  switch (rung) {
    case 'seller':
      return sellerDeadline(sentAt, timings, zone);
    case 'platform':
      return addWorkdays(sentAt, timings.PLATFORM_REVIEW_WORKDAYS, zone);
    case 'payment':
      return addWorkdays(sentAt, timings.PAYMENT_COMPLAINT_WORKDAYS, zone);
    case 'regulator':
      return addWorkdays(sentAt, timings.REGULATOR_REPLY_WORKDAYS, zone);
    case 'police':
      return addWorkdays(sentAt, 7, zone);
    case 'court':
      return undefined;
  }
}

/** Everything a document template may use, as descriptors; unknown facts read as 【待补充】. */
export function documentParams(flow: Flow, facts: Facts, now: Date, timings: Timings, zone: string, state?: CaseState): Record<string, Param> {
  const p: Record<string, Param> = {};
  for (const q of flow.questions) {
    const v = facts[q.id];
    // A question that did not apply (e.g. no order number when no order exists) reads 无.
    const applies = q.when ? q.when(facts) : true;
    p[q.id] = v === undefined || v === null ? msg(applies ? 'doc.blank' : 'doc.none') : factText(flow, q, v, zone);
  }
  const sent = state?.sent ?? [];
  p.history = sent.length ? msg('doc.history', { steps: join(sent.flatMap((r, n) => (n ? [msg('doc.history.sep'), msg(`doc.history.${r}`)] : [msg(`doc.history.${r}`)])), '') }) : '';
  p.scenario = msg(`scenario.${flow.id}`);
  // Only the materials the user said they have (ticked on the checklist); none yet leaves a gap to fill.
  const ticked = flow.evidence.map((e) => e.id).filter((id) => state?.evidence?.[id]);
  p.evidence = ticked.length ? join(ticked.flatMap((id, n) => (n ? [msg('doc.evidence.sep'), msg(`ev.${id}.short`)] : [msg(`ev.${id}.short`)])), '') : msg('doc.evidence.todo');
  p.priorRecords = sent.length ? msg('doc.evidence.prior') : '';
  // Once the seller message was sent, its deadline is fixed; before that it is counted from now.
  const sellerSentAt = state?.rungSentAt !== undefined && state.sent?.[state.sent.length - 1] === 'seller' ? new Date(state.rungSentAt) : now;
  p.deadline = datetime(sellerDeadline(sellerSentAt, timings, zone), zone);
  p.reviewDays = timings.PLATFORM_REVIEW_WORKDAYS;
  p.appealDays = timings.PLATFORM_APPEAL_WINDOW_DAYS;
  p.paymentDays = timings.PAYMENT_COMPLAINT_WORKDAYS;
  p.regulatorDays = timings.REGULATOR_REPLY_WORKDAYS;
  p.policeAmount = amount(timings.POLICE_SUGGEST_AMOUNT);
  // The basis a letter cites: the law table's rows that fit these facts at this rung and may
  // serve as a basis (never the criminal-law rows, which are there to warn, not to argue).
  p.basis = basisFor(lawFacts(facts, now, timings, zone, state), 'seller', flow.id)
    .map((r) => r.article)
    .join('、');
  // The respondent (issue 12 item 4): the operator's name and address once found, else the shop and its platform.
  const rName = typeof facts.respondentName === 'string' ? facts.respondentName : undefined;
  const rAddress = typeof facts.respondentAddress === 'string' ? facts.respondentAddress : undefined;
  const rIcp = typeof facts.respondentIcp === 'string' ? facts.respondentIcp : undefined;
  p.respondent = rName
    ? msg('doc.respondent.known', {
        name: rName,
        merchant: p.merchant,
        platform: p.platform,
        address: rAddress ? msg('doc.respondent.address', { address: rAddress }) : msg('doc.respondent.no_address'),
        icp: rIcp ? msg('doc.respondent.icp', { icp: rIcp }) : '',
      })
    : msg('doc.respondent.unknown', { merchant: p.merchant, platform: p.platform });
  p.defendant = rName
    ? msg('doc.defendant.known', { name: rName, merchant: p.merchant, platform: p.platform, address: rAddress ? msg('doc.respondent.address', { address: rAddress }) : msg('doc.respondent.no_address') })
    : msg('doc.defendant.unknown', { merchant: p.merchant, platform: p.platform });
  // Facts as clauses; an unknown fact leaves its clause out (facts-text.ts, issue 11).
  p.facts = factsParagraph(flow, facts, zone, state?.replies);
  // The stranded balance is claimed once: not again when it is the money paid, nor when there is none.
  const ownBalance = typeof facts.balance === 'number' && facts.balance > 0 && facts.balanceIsPayment !== 'yes' && facts.balanceIsPayment !== 'part';
  // An account recovered by its former owner (explore3 F16): a refund, or an account that cannot be taken back.
  const recovered = flow.id === 'not_as_described' && (facts.accountRecovered === true || facts.usedAlready === 'until_recovered');
  p.request = msg(
    flow.id === 'merchant_vanished' && !ownBalance ? ['doc.request.merchant_vanished.no_balance', `doc.request.${flow.id}`] : recovered ? 'doc.request.not_as_described.recovered' : `doc.request.${flow.id}`,
    { ...p },
  );
  // A vanished seller's identity is asked of the platform and of 12315, never in a payment complaint or a
  // claim against the seller himself (explore4 F4).
  p.identityAsk = flow.id === 'merchant_vanished' && facts.privateTransfer !== true ? msg('doc.request.identity') : '';
  // A double charge on two channels (explore3 F47): the second debit's sum, and the request says which account.
  if (flow.id === 'double_charge' && twoChannels(facts)) {
    const second = secondDebit(facts);
    p.secondAmount = second !== undefined ? amount(second) : msg('doc.blank');
    p.request = msg('doc.request.double_charge.second', { ...p });
  }
  // Part of it arrived: the rest is delivered or refunded in proportion — not all of the money back
  // while keeping what came (that is claiming twice).
  if (flow.id === 'not_received' && facts.goodsState === 'partial') {
    // "200元话费到了100": the share still owed, in money (explore4 F16).
    const share = arrivedShare(facts.arrivedPart);
    p.request =
      share && typeof facts.amount === 'number'
        ? msg('doc.request.not_received.partial_sum', { refund: amount(Math.round(facts.amount * ((share.total - share.arrived) / share.total) * 100) / 100), total: String(share.total), arrived: String(share.arrived) })
        : msg('doc.request.not_received.partial', { ...p });
  }
  // The balance is what is left of the money paid (500 topped up, 200 left): the claim is what is left.
  if (flow.id === 'merchant_vanished' && facts.balanceIsPayment === 'yes' && typeof facts.balance === 'number' && facts.balance > 0 && typeof facts.amount === 'number' && facts.balance < facts.amount) {
    p.request = msg('doc.request.merchant_vanished.balance_left', { ...p });
  }
  // Part of the money already came back: ask only for the rest, saying what was paid and returned.
  const refundedSoFar = typeof facts.refundedSoFar === 'number' ? facts.refundedSoFar : 0;
  const owedTotal = typeof facts.extraAmount === 'number' && facts.extraAmount > 0 ? facts.extraAmount : typeof facts.amount === 'number' ? facts.amount : undefined;
  if (refundedSoFar > 0 && owedTotal !== undefined && owedTotal > refundedSoFar && flow.id !== 'card_used') {
    p.request = msg(flow.id === 'double_charge' ? 'doc.request.remainder_extra' : 'doc.request.remainder', {
      remainder: amount(owedTotal - refundedSoFar),
      owed: amount(owedTotal),
      refunded: amount(refundedSoFar),
    });
  }
  return p;
}

/** One line per law row: article and what it means (from the law table). */
export function lawLines(rows: readonly (LawRow | string)[]): Text[] {
  return rows.map((row) => {
    const r = typeof row === 'string' ? law(row) : row;
    return msg('law.line', { article: r.article, meaning: r.meaning });
  });
}

/** Intake facts plus what the case's progress establishes (a demand whose deadline passed). */
function lawFacts(facts: Facts, now: Date, timings: Timings, zone: string, state?: CaseState): Facts {
  const sent = state?.sent ?? [];
  const sellerLast = sent[sent.length - 1] === 'seller' && state?.rungSentAt !== undefined;
  const sellerDeadlineAt = sellerLast ? sellerDeadline(new Date(state!.rungSentAt!), timings, zone) : undefined;
  return citationFacts(facts, { sent, sellerDeadlineAt, now });
}

/**
 * Closed cases on the case's platform (issue 16 item 2): how many, and at which rung the money came
 * back (full or part). Computed outside the step (src/community/store/outcomes.ts, only at ≥ k
 * closed cases) and passed in through StepInput.outcomes, so the step stays pure.
 */
export interface PlatformOutcomes {
  closed: number;
  refundedAt: Partial<Record<RungId, number>>;
}

/** One calm line of past figures for this rung; nothing when no closed case got money back there. */
export function outcomeLine(rung: RungId, figures: PlatformOutcomes | undefined): Text[] {
  const n = figures?.refundedAt[rung] ?? 0;
  if (!figures || n <= 0) return [];
  return [msg('coach.outcomes.line', { closed: figures.closed, n, at: msg(`coach.outcomes.at.${rung}`) })];
}

/** The reply that presents one rung: when to use it, where to go, the text to send, how long to wait. */
export function rungReply(
  flow: Flow,
  rungs: RungId[],
  index: number,
  facts: Facts,
  now: Date,
  timings: Timings,
  zone: string,
  state?: CaseState,
  figures?: PlatformOutcomes,
): ReplyMsg {
  const rung = rungs[index];
  const p = documentParams(flow, facts, now, timings, zone, state);
  const shared = keyShared(flow, facts);
  const cited = citationsFor(lawFacts(facts, now, timings, zone, state), rung, flow.id);
  const siteDown = rung === 'platform' && facts.siteState === 'down';
  const respondentKnown = typeof facts.respondentName === 'string';
  // Two channels debited (explore3 F47): the complaint goes to the channel that holds the duplicate.
  const two = flow.id === 'double_charge' && twoChannels(facts);
  const channel = flow.id === 'double_charge' ? duplicateChannel(facts) : facts.paymentMethod;
  const where =
    rung === 'payment'
      ? join([...(two ? [twoChannelsLine(facts, p)] : []), msg([`rung.payment.where.${channel ?? 'unknown'}`, 'rung.payment.where.unknown'], p)], '\n')
      : msg(siteDown ? 'rung.platform.where.down' : `rung.${rung}.where`, p);
  const text = join(
    [
      msg('rung.header', { n: index + 1, total: rungs.length, title: msg(`rung.${rung}.title`) }),
      msg(shared ? 'rung.seller.when_shared' : `rung.${rung}.when`, p),
      ...(facts.privateTransfer === true ? [msg('rung.police.private_note')] : []),
      ...(shared ? [msg('rung.seller.shared_note')] : oldPurchaseNote(rung, facts, now, zone, timings.PLATFORM_APPEAL_WINDOW_DAYS, p.paidAt)),
      where,
      // A request for help (the key was shared): no deadline, no next step (explore3 F54).
      msg(shared ? 'rung.seller.wait_shared' : `rung.${rung}.wait`, p),
      ...outcomeLine(rung, figures),
      ...((rung === 'regulator' || rung === 'court') && !respondentKnown ? [msg(facts.respondentUnknown === true ? 'coach.respondent.none_found' : 'coach.respondent.hint')] : []),
      ...(cited.length ? [msg('law.header'), join(lawLines(cited)), msg('law.disclaimer')] : []),
    ],
    '\n\n',
  );
  const docKey = shared
    ? 'doc.seller.shared'
    : rung === 'payment' && two
      ? (channel === 'bank' ? 'doc.payment.bank.second' : 'doc.payment.second')
      : rung === 'payment' && channel === 'bank' ? 'doc.payment.bank'
        : rung === 'police' && facts.privateTransfer === true ? 'doc.police.private' : `doc.${rung}`;
  // Coaching offers beside the rung (issue 12): what the other side said; 黑猫 beside the payment
  // channel; finding the operator before 12315 and court; the collective text at 12315.
  const coach = [
    ...(rung === 'seller' || rung === 'platform' || rung === 'payment' ? [choice({ kind: 'coach', op: 'said' }, msg(`coach.said.button.${rung}`))] : []),
    ...(rung === 'payment' ? [choice({ kind: 'coach', op: 'bc' }, msg('coach.blackcat.button'))] : []),
    ...((rung === 'regulator' || rung === 'court') && !respondentKnown ? [choice({ kind: 'coach', op: 'rs' }, msg('coach.respondent.button'))] : []),
    ...(rung === 'regulator' ? [choice({ kind: 'coach', op: 'co' }, msg('coach.collective.button'))] : []),
  ];
  const choices = [
    // A rung already sent (its timer running) never offers 已发送 again (explore3 F2).
    ...(rung === 'court' || state?.rungSentAt ? [] : [choice({ kind: 'rung', op: 'sent' }, msg('choice.sent'))]),
    ...(index + 1 < rungs.length ? [choice({ kind: 'rung', op: 'next', at: index }, msg('choice.next_rung'))] : []),
    ...coach,
    choice({ kind: 'menu', action: 'evidence' }, msg('choice.evidence')),
    choice({ kind: 'menu', action: 'close' }, msg('choice.close')),
  ];
  return { text, document: { title: msg(`doc.${rung}.title`), body: msg(docKey, p) }, choices };
}

/** Both debits of a double charge on two channels, and where the duplicate's complaint goes. */
function twoChannelsLine(facts: Facts, p: Record<string, Param>): Text {
  const second = secondDebit(facts);
  const at = typeof facts.paidAt === 'string' ? msg('doc.clause.channels.at', { at: p.paidAt }) : '';
  const secondAmount = second !== undefined ? msg('rung.payment.second_amount', { value: amount(second) }) : msg('rung.payment.second_amount_unknown');
  return msg('rung.payment.two_channels', { ...p, at, secondAmount });
}
