// 商家跑路: site down, seller unreachable, balance stranded.
import type { Flow } from '../src/flow/types.js';
import { citationIds } from '../src/knowledge/law.js';
import { commonEvidence, commonIntake } from '../src/flow/common.js';

const flow: Flow = {
  id: 'merchant_vanished',
  questions: [
    ...commonIntake,
    { id: 'unreachableSince', kind: 'time' },
    // A private transfer (explore3 F32) left nothing on the site: its state and a balance there do not apply.
    { id: 'siteState', kind: 'choice', options: ['down', 'up_no_service', 'blocked_me', 'unknown'], when: (f) => f.privateTransfer !== true },
    { id: 'balance', kind: 'amount', allowZero: true, when: (f) => f.privateTransfer !== true },
    // Issue 11: a stranded balance may be the very money paid — then it is claimed once.
    // 'part' (explore4 F18): 500 topped up, 300 still on the site, 200 spent on an order never delivered — all 500 is owed.
    { id: 'balanceIsPayment', kind: 'choice', options: ['yes', 'no', 'part'], when: (f) => typeof f.balance === 'number' && f.balance > 0 },
    { id: 'othersAffected', kind: 'choice', options: ['yes', 'no', 'unknown'] },
  ],
  assess(f) {
    // Sent by private transfer: no platform order to hold the platform to — the police first (explore3 F32).
    const reasons = [f.privateTransfer === true ? 'assess.merchant_vanished.private' : 'assess.merchant_vanished.platform'];
    if (typeof f.balance === 'number' && f.balance > 0) reasons.push('assess.merchant_vanished.balance');
    if (f.othersAffected === 'yes') reasons.push('assess.merchant_vanished.many');
    const verdictKey = f.privateTransfer === true ? 'verdict.private' : undefined;
    return { verdict: 'likely', verdictKey, reasons, law: citationIds(f, 'assessment', 'merchant_vanished') };
  },
  evidence: [
    ...commonEvidence,
    { id: 'site_state', group: 'problem' },
    { id: 'balance_shot', group: 'transaction' },
    { id: 'others_reports', group: 'problem' },
  ],
  ladder: ['platform', 'payment', 'police', 'regulator', 'court'],
  fraudSuspected: () => true,
};
export default flow;
