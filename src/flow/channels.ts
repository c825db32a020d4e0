// A double charge taken from two payment channels (explore3 F47): "支付宝扣了一次 银行卡又扣了一次".
// The channel paid with stays paymentMethod; the other one is recorded as secondChannel (with
// channels = different), so the channel question is not asked again and the payment rung can send
// the duplicate to the channel that holds it.
import { channelsNamed } from '../nlu/payment.js';
import { fold } from '../dialogue/fold.js';
import type { Facts, Flow, Question } from './types.js';

/** Questions whose typed answer may also say which channels were debited. */
const TELLING = new Set(['paymentMethod', 'chargeCount', 'extraAmount', 'orderCount', 'channels']);

/**
 * Two channels debited, said in `text` ("支付宝扣了一次 银行卡又扣了一次"): the one paid with (`paid`
 * when known and named, else the first named) and the other one; undefined unless two are named.
 */
export function twoChannelsSaid(text: string, paid?: string): Facts | undefined {
  const named = channelsNamed(fold(text));
  if (named.length < 2) return undefined;
  // Two channels, and the one paid with not among them: which is the second is not ours to guess.
  if (paid && !(named as string[]).includes(paid)) return undefined;
  const first = paid ?? named[0];
  const second = named.find((m) => m !== first)!;
  return { paymentMethod: first, channels: 'different', secondChannel: second };
}

/**
 * The channel facts a typed answer to `q` carries, or undefined. `answer` is the value the answer
 * gave `q` (for the channel question: 'different' lets one channel named beside the one paid with
 * count). At the payment-method question two channels named give the one paid with as well.
 */
export function channelFacts(flow: Flow, facts: Facts, q: Question, text: string, answer?: unknown): Facts | undefined {
  if (flow.id !== 'double_charge' || !TELLING.has(q.id) || typeof facts.secondChannel === 'string') return undefined;
  if (q.id === 'channels' && answer !== 'different') return undefined;
  const paid = typeof facts.paymentMethod === 'string' && q.id !== 'paymentMethod' ? facts.paymentMethod : undefined;
  const two = twoChannelsSaid(text, paid);
  if (two) return two;
  // "不同 还有银行卡": one channel named beside the one paid with, at the channel question.
  const named = channelsNamed(fold(text));
  if (q.id === 'channels' && named.length === 1 && paid && named[0] !== paid) return { secondChannel: named[0] };
  return undefined;
}

/** The channel that holds the duplicate debit: the second one when two were debited, else the one paid with. */
export function duplicateChannel(facts: Facts): string | undefined {
  if (facts.channels === 'different' && typeof facts.secondChannel === 'string' && facts.secondChannel !== facts.paymentMethod) return facts.secondChannel;
  return typeof facts.paymentMethod === 'string' ? facts.paymentMethod : undefined;
}

/** Whether the case's debits came from two channels, both known. */
export const twoChannels = (facts: Facts): boolean =>
  facts.channels === 'different' && typeof facts.secondChannel === 'string' && typeof facts.paymentMethod === 'string' && facts.secondChannel !== facts.paymentMethod;

/** The second debit's sum, when it is the extra one (two debits in all). */
export function secondDebit(facts: Facts): number | undefined {
  return facts.chargeCount === 2 && typeof facts.extraAmount === 'number' && facts.extraAmount > 0 ? facts.extraAmount : undefined;
}
