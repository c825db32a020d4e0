// Facts as descriptors (rendered by src/engine/render.ts), for the step's documents and 进度.
import type { Facts, FactValue, Flow, Question } from './types.js';
import type { SellerReplyEvent } from './state.js';
import { amount, datetime, join, msg, type Text } from './message.js';
import { secondDebit, twoChannels } from './channels.js';

/** An option's label: the scenario's own wording first, then the shared one. */
export const optionText = (flowId: string, questionId: string, option: string): Text => msg([`opt.${flowId}.${questionId}.${option}`, `opt.${questionId}.${option}`]);

/** A recorded fact as the user reads it; a skipped or missing one reads as fact.unknown. */
export function factText(flow: Flow, q: Question, value: FactValue | null | undefined, zone: string): Text {
  if (value === null || value === undefined) return msg('fact.unknown');
  switch (q.kind) {
    case 'amount':
      return amount(value as number);
    case 'time':
      // A day without a time of day is stored as YYYY-MM-DD.
      return datetime(value as string, zone);
    case 'payment':
      return msg(`payment.${value}`);
    case 'choice':
      return optionText(flow.id, q.id, String(value));
    case 'count':
      return msg('fact.count', { n: value as number });
    default:
      return String(value);
  }
}

/** A user's free text inside a sentence: quotes of their own removed, so no quote sits inside another. */
const plain = (v: unknown): string => String(v).replace(/["“”「」『』'‘’]/g, '').trim();

const known = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/**
 * The facts paragraph of every document, written as a person would: one clause per known fact
 * (choices as what they mean, not "label：option"), user text without nested quotes, and an
 * unknown or skipped fact leaves its clause out. Keys: doc.clause.* (documents.ts).
 */
export function factsParagraph(flow: Flow, facts: Facts, zone: string, replies: readonly SellerReplyEvent[] = []): Text {
  // What the seller last answered on the ladder replaces "never answered" from the intake.
  const sellerSaid = [...replies].reverse().find((r) => r.rung === 'seller' && r.kind !== 'no_reply' && r.kind !== 'other');
  const f = facts;
  const q = (id: string) => flow.questions.find((x) => x.id === id);
  const val = (id: string): Text => {
    const question = q(id);
    return question ? factText(flow, question, f[id], zone) : String(f[id]);
  };
  const has = (id: string) => q(id) !== undefined && known(f[id]);
  const c = (key: string, params?: Record<string, Text | string | number>) => msg(`doc.clause.${key}`, params);
  const sentences: Text[] = [];

  // 我于{paidAt}在{platform}向商家{merchant}购买了{item}。
  const bought: Text[] = [c('i')];
  if (has('paidAt')) bought.push(c('when', { at: val('paidAt') }));
  if (has('platform')) bought.push(c('where', { platform: plain(f.platform) }));
  if (has('merchant')) bought.push(c('from', { merchant: plain(f.merchant) }));
  bought.push(has('item') ? c('bought', { item: plain(f.item) }) : c('bought_thing'));
  sentences.push(join(bought, ''));
  if (has('orderId')) sentences.push(c('order', { orderId: String(f.orderId) }));
  // The bill's 交易单号 (explore4 F7): with no order, the one identifier the payment channel finds the debit by.
  if (known(f.txnId)) sentences.push(c('txn', { txnId: String(f.txnId) }));
  // 刷不了 with 扣款 not sure: the sum is what was being paid, not money said to be gone.
  const unsure = flow.id === 'payment_failed' && f.moneyTaken === 'unsure';
  if (has('amount') && unsure) sentences.push(has('paymentMethod') ? c('tried_via', { amount: val('amount'), method: val('paymentMethod') }) : c('tried', { amount: val('amount') }));
  else if (has('amount')) sentences.push(has('paymentMethod') ? c('paid_via', { amount: val('amount'), method: val('paymentMethod') }) : c('paid', { amount: val('amount') }));
  // Sent by private transfer (explore3 F32): said plainly, it was no platform order.
  if (f.privateTransfer === true) sentences.push(c('private'));

  // What happened, one clause per known fact of this scenario.
  for (const question of flow.questions) {
    const v = f[question.id];
    if (!known(v) || ['platform', 'merchant', 'item', 'orderId', 'amount', 'paymentMethod', 'paidAt', 'balance', 'secondChannel'].includes(question.id)) continue;
    // Two channels (explore3 F47): each debit with its channel.
    if (question.id === 'channels' && twoChannels(f)) {
      const second = secondDebit(f);
      const at = has('paidAt') ? c('channels.at', { at: val('paidAt') }) : '';
      const params = { first: val('paymentMethod'), second: val('secondChannel'), amount: has('amount') ? val('amount') : '', at };
      sentences.push(second !== undefined && has('amount') ? c('channels.two', { ...params, secondAmount: amount(second) }) : c('channels.two_no_sum', params));
      continue;
    }
    // The first redeem and what it said, in one sentence.
    if (question.id === 'triedAt' && has('errorShown')) continue;
    if (question.id === 'errorShown' && has('triedAt')) {
      sentences.push(c('tried_error', { at: val('triedAt'), error: plain(f.errorShown) }));
      continue;
    }
    if (question.id === 'sellerContact' && sellerSaid) {
      sentences.push(c('seller_said', { at: datetime(new Date(sellerSaid.at).toISOString(), zone), what: msg(`doc.clause.seller_said.${sellerSaid.kind}`) }));
      continue;
    }
    if (question.kind === 'choice') {
      sentences.push({ key: `doc.clause.${question.id}.${String(v)}`, else: '' });
      continue;
    }
    const p: Record<string, Text | string | number> = { value: question.kind === 'text' ? plain(v) : val(question.id) };
    sentences.push({ key: [`doc.clause.${flow.id}.${question.id}`, `doc.clause.${question.id}`], params: p, else: '' });
  }
  if (typeof f.balance === 'number' && f.balance > 0) sentences.push(c(f.balanceIsPayment === 'yes' ? 'balance_same' : f.balanceIsPayment === 'part' ? 'balance_part' : 'balance', { balance: val('balance') }));
  return join(sentences, '');
}
