// 货不对板: what arrived is not what the listing promised.
import type { Flow } from '../src/flow/types.js';
import { citationIds } from '../src/knowledge/law.js';
import { commonEvidence, commonIntake, is } from '../src/flow/common.js';

const flow: Flow = {
  id: 'not_as_described',
  questions: [
    ...commonIntake,
    { id: 'promised', kind: 'text' },
    { id: 'received', kind: 'text' },
    { id: 'usedAlready', kind: 'choice', options: ['no', 'tried', 'used_fully'] },
  ],
  assess(f) {
    if (is(f, 'usedAlready', 'used_fully')) {
      return { verdict: 'unlikely', reasons: ['assess.not_as_described.consumed'], law: citationIds(f, 'assessment', 'not_as_described') };
    }
    return {
      verdict: 'refundable',
      reasons: ['assess.not_as_described.mismatch', 'assess.common.refusal_void'],
      law: citationIds(f, 'assessment', 'not_as_described'),
    };
  },
  evidence: [...commonEvidence, { id: 'listing_shot', group: 'problem' }, { id: 'received_shot', group: 'problem' }],
  ladder: ['seller', 'platform', 'payment', 'regulator', 'court'],
  fraudSuspected: (f) => is(f, 'usedAlready', 'no'),
};
export default flow;
