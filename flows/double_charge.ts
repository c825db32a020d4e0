// 重复扣款: one order, two or more debits, or two channels both debited.
import type { Flow } from '../src/flow/types.js';
import { citationIds } from '../src/knowledge/law.js';
import { commonEvidence, commonIntake, num } from '../src/flow/common.js';

const flow: Flow = {
  id: 'double_charge',
  questions: [
    ...commonIntake,
    { id: 'chargeCount', kind: 'count' },
    { id: 'extraAmount', kind: 'amount' },
    { id: 'orderCount', kind: 'choice', options: ['one', 'several'] },
    { id: 'channels', kind: 'choice', options: ['same', 'different'] },
    // The other debit's channel (explore3 F47): its complaint goes there.
    { id: 'secondChannel', kind: 'payment', when: (f) => f.channels === 'different' },
  ],
  assess(f) {
    const reasons = ['assess.double_charge.unjust'];
    if (f.orderCount === 'several') reasons.push('assess.double_charge.several_orders');
    if ((num(f, 'chargeCount') ?? 2) < 2) reasons.push('assess.double_charge.single');
    return {
      verdict: f.orderCount === 'several' ? 'likely' : 'refundable',
      reasons,
      law: citationIds(f, 'assessment', 'double_charge'),
    };
  },
  evidence: [...commonEvidence, { id: 'all_debits', group: 'problem' }, { id: 'single_order_proof', group: 'problem' }],
  ladder: ['seller', 'platform', 'payment', 'regulator', 'court'],
  fraudSuspected: () => false,
};
export default flow;
