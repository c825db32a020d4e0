// 刷不了 / 支付异常: payment page error or timeout, money taken, maybe no order.
import type { Flow } from '../src/flow/types.js';
import { citationIds } from '../src/knowledge/law.js';
import { commonEvidence, commonIntake, is } from '../src/flow/common.js';

const flow: Flow = {
  id: 'payment_failed',
  questions: [
    ...commonIntake.filter((q) => q.id !== 'orderId'),
    { id: 'orderExists', kind: 'choice', options: ['yes_unpaid', 'yes_failed', 'none'] },
    { id: 'orderId', kind: 'order', when: (f) => f.orderExists !== 'none' },
    { id: 'errorShown', kind: 'text' },
    { id: 'moneyTaken', kind: 'choice', options: ['yes', 'frozen', 'unsure'] },
  ],
  assess(f) {
    if (is(f, 'moneyTaken', 'unsure')) {
      return { verdict: 'unlikely', reasons: ['assess.payment_failed.check_bill'], law: citationIds(f, 'assessment', 'payment_failed') };
    }
    const reasons = ['assess.payment_failed.platform_fault'];
    if (is(f, 'orderExists', 'none')) reasons.push('assess.payment_failed.no_order');
    if (is(f, 'moneyTaken', 'frozen')) reasons.push('assess.payment_failed.frozen');
    return { verdict: 'refundable', reasons, law: citationIds(f, 'assessment', 'payment_failed') };
  },
  evidence: [...commonEvidence, { id: 'error_screen', group: 'problem' }, { id: 'order_status', group: 'problem' }],
  ladder: ['platform', 'payment', 'regulator', 'court'],
  fraudSuspected: () => false,
};
export default flow;
