// Drives the pure step with plain JSON states and a fixed clock (no database, no engine).
import { FLOWS } from '../../flows/index.js';
import { testConfig } from '../../src/config.js';
import { encodeChoice, type ChoiceValue } from '../../src/engine/choices.js';
import { initialState, type CaseState } from '../../src/flow/state.js';
import { step, type Effect, type FlowEvent } from '../../src/flow/step.js';
import type { Text } from '../../src/flow/message.js';
import type { Facts } from '../../src/flow/types.js';
import type { ScenarioId } from '../../src/types.js';

export const ZONE = 'Asia/Shanghai';
/** Wednesday 18 November 2026, 14:00 in Shanghai. */
export const NOW = new Date('2026-11-18T06:00:00Z');
export const TIMINGS = testConfig();

/** An answer per question id: typed text, or the option pressed. */
export const ANSWERS: Record<string, { text: string } | { option: string }> = {
  platform: { text: '小年卡盟' },
  merchant: { text: '星辰点卡店' },
  item: { text: '王者荣耀点券600' },
  orderId: { text: '202611201530123456' },
  amount: { text: '¥100' },
  paymentMethod: { option: 'alipay' },
  paidAt: { text: '昨天下午3点' },
  promisedTime: { option: 'instant' },
  goodsState: { option: 'nothing' },
  sellerContact: { option: 'no_reply' },
  chargeCount: { text: '2次' },
  extraAmount: { text: '100元' },
  orderCount: { option: 'one' },
  channels: { option: 'same' },
  cardKey: { text: 'ABCD1234EFGH5678WXYZ' },
  errorShown: { text: '该卡密已被使用' },
  redeemedBefore: { option: 'never' },
  triedAt: { text: '昨天晚上8点' },
  unreachableSince: { text: '3天前' },
  siteState: { option: 'down' },
  balance: { text: '300元' },
  balanceIsPayment: { option: 'no' },
  othersAffected: { option: 'yes' },
  orderExists: { option: 'yes_failed' },
  moneyTaken: { option: 'yes' },
  promised: { text: '终身VIP会员' },
  received: { text: '7天试用会员' },
  usedAlready: { option: 'no' },
  arrivedPart: { text: '600点券到了300' },
};

export const press = (v: ChoiceValue): FlowEvent => ({ type: 'choice', id: encodeChoice(v) });
export const say = (text: string): FlowEvent => ({ type: 'text', text });

/** A case as stored: facts and state as plain JSON. */
export class Walk {
  facts: Facts = {};
  state: CaseState = JSON.parse(JSON.stringify(initialState()));
  constructor(readonly scenario: ScenarioId) {}
  get flow() {
    return FLOWS[this.scenario];
  }
  /** One step; the new facts and state go through JSON as the database would store them. */
  send(event: FlowEvent, now = NOW): Effect[] {
    const r = step({ flow: this.flow, facts: this.facts, state: this.state, event, now, zone: ZONE, timings: TIMINGS });
    this.facts = JSON.parse(JSON.stringify(r.facts));
    this.state = JSON.parse(JSON.stringify(r.state));
    return r.effects;
  }
}

export function replies(effects: Effect[]) {
  return effects.flatMap((e) => (e.type === 'reply' ? [e.reply] : []));
}

/** Every locale key a descriptor names (first choice of a key list), params included, in order. */
export function keysIn(m: Text | undefined): string[] {
  if (m === undefined || typeof m === 'string') return [];
  if ('key' in m) {
    const own = typeof m.key === 'string' ? m.key : m.key[0];
    const nested = Object.values(m.params ?? {}).flatMap((p) => (p !== null && typeof p === 'object' ? keysIn(p) : []));
    return [own, ...nested];
  }
  if ('join' in m) return m.join.flatMap(keysIn);
  return [];
}

/** The parts of a joined descriptor (fails the test when it is not one). */
export function parts(m: Text | undefined): readonly Text[] {
  if (m === undefined || typeof m === 'string' || !('join' in m)) throw new Error(`not a joined descriptor: ${JSON.stringify(m)}`);
  return m.join;
}
