// 货不对板: what arrived is not what the listing promised.
import type { Facts, Flow } from '../src/flow/types.js';
import { citationIds } from '../src/knowledge/law.js';
import { commonEvidence, commonIntake, is } from '../src/flow/common.js';

/**
 * An account taken back by its former owner or the seller's side (explore3 F16): the account handed
 * over was not clean — the seller's failure, not goods the buyer used up. Told in the story
 * (accountRecovered) or as the answer to 收到后用过吗 (正常用着，后来被找回了).
 */
const recovered = (f: Facts): boolean => f.accountRecovered === true || f.usedAlready === 'until_recovered';

const flow: Flow = {
  id: 'not_as_described',
  questions: [
    ...commonIntake,
    { id: 'promised', kind: 'text' },
    { id: 'received', kind: 'text' },
    { id: 'usedAlready', kind: 'choice', options: ['no', 'tried', 'in_use', 'used_fully', 'until_recovered'] },
    { id: 'recoveredAt', kind: 'time', when: recovered },
    { id: 'recoveryPromise', kind: 'choice', options: ['promised', 'expired', 'none'], when: recovered },
  ],
  assess(f) {
    const law = citationIds(f, 'assessment', 'not_as_described');
    if (recovered(f)) {
      // The buyer's honest use does not weaken the claim: the defect was in the account handed over.
      const reasons = ['assess.not_as_described.recovered'];
      if (is(f, 'recoveryPromise', 'promised')) reasons.push('assess.not_as_described.recovered_promised');
      if (is(f, 'recoveryPromise', 'expired')) reasons.push('assess.not_as_described.recovered_expired');
      return { verdict: 'refundable', reasons, law };
    }
    if (is(f, 'usedAlready', 'in_use')) return { verdict: 'refundable', reasons: ['assess.not_as_described.mismatch', 'assess.not_as_described.in_use'], law };
    if (is(f, 'usedAlready', 'used_fully')) return { verdict: 'unlikely', reasons: ['assess.not_as_described.consumed'], law };
    return { verdict: 'refundable', reasons: ['assess.not_as_described.mismatch', 'assess.common.refusal_void'], law };
  },
  evidence: [...commonEvidence, { id: 'listing_shot', group: 'problem' }, { id: 'received_shot', group: 'problem' }],
  ladder: ['seller', 'platform', 'payment', 'regulator', 'court'],
  fraudSuspected: (f) => is(f, 'usedAlready', 'no'),
};
export default flow;
