// 未到账 / 未发货: paid, nothing credited or no card key sent.
import type { Flow } from '../src/flow/types.js';
import { citationIds } from '../src/knowledge/law.js';
import { commonEvidence, commonIntake, is } from '../src/flow/common.js';

const flow: Flow = {
  id: 'not_received',
  questions: [
    ...commonIntake,
    { id: 'promisedTime', kind: 'choice', options: ['instant', 'hours', 'day', 'days', 'none'] },
    { id: 'goodsState', kind: 'choice', options: ['nothing', 'partial', 'used'] },
    // Part of it arrived (explore4 F16): how much, so the letters can name what is still owed.
    { id: 'arrivedPart', kind: 'text', when: (f) => f.goodsState === 'partial' },
    { id: 'sellerContact', kind: 'choice', options: ['no_reply', 'stalling', 'refused', 'not_yet'] },
  ],
  assess(f) {
    if (is(f, 'goodsState', 'used')) {
      return { verdict: 'declined', reasons: [], law: citationIds(f, 'decline', 'not_received'), declineReason: 'assess.decline.used', switchTo: ['not_as_described', 'card_used'] };
    }
    const reasons = ['assess.not_received.undelivered'];
    if (is(f, 'goodsState', 'partial')) reasons.push('assess.not_received.partial');
    if (is(f, 'sellerContact', 'refused')) reasons.push('assess.common.refusal_void');
    return { verdict: 'refundable', reasons, law: citationIds(f, 'assessment', 'not_received') };
  },
  evidence: [...commonEvidence, { id: 'no_credit_proof', group: 'problem' }, { id: 'promise_shot', group: 'problem' }],
  ladder: ['seller', 'platform', 'payment', 'regulator', 'police', 'court'],
  fraudSuspected: (f) => is(f, 'sellerContact', 'no_reply') || is(f, 'sellerContact', 'refused'),
};
export default flow;
