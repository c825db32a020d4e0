// 卡密已被使用 / 无效: the key fails on first redemption.
import type { Flow } from '../src/flow/types.js';
import { citationIds } from '../src/knowledge/law.js';
import { commonEvidence, commonIntake, is } from '../src/flow/common.js';

const flow: Flow = {
  id: 'card_used',
  questions: [
    ...commonIntake,
    { id: 'cardKey', kind: 'cardkey' },
    { id: 'errorShown', kind: 'text' },
    { id: 'redeemedBefore', kind: 'choice', options: ['never', 'me_success', 'shared', 'unsure'] },
    { id: 'triedAt', kind: 'time' },
  ],
  assess(f) {
    if (is(f, 'redeemedBefore', 'me_success')) {
      return { verdict: 'declined', reasons: [], law: citationIds(f, 'decline', 'card_used'), declineReason: 'assess.decline.redeemed', switchTo: ['not_received'] };
    }
    const reasons = ['assess.card_used.log'];
    if (is(f, 'redeemedBefore', 'shared')) reasons.push('assess.card_used.shared');
    return {
      verdict: is(f, 'redeemedBefore', 'shared') ? 'unlikely' : 'refundable',
      reasons,
      law: citationIds(f, 'assessment', 'card_used'),
    };
  },
  evidence: [
    ...commonEvidence,
    { id: 'key_delivery', group: 'transaction' },
    { id: 'redeem_error', group: 'problem' },
    { id: 'delivery_log_request', group: 'communication' },
  ],
  ladder: ['seller', 'platform', 'payment', 'regulator', 'police', 'court'],
  fraudSuspected: (f) => is(f, 'redeemedBefore', 'never'),
};
export default flow;
