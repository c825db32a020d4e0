// Building blocks shared by the scenario files.
import type { EvidenceItem, Facts, Question } from './types.js';

/** The questions every scenario asks first. */
export const commonIntake: readonly Question[] = [
  { id: 'platform', kind: 'text' },
  { id: 'merchant', kind: 'text' },
  { id: 'item', kind: 'text' },
  // Money sent by private transfer has no order (explore3 F32).
  { id: 'orderId', kind: 'order', when: (f) => f.privateTransfer !== true },
  { id: 'amount', kind: 'amount' },
  { id: 'paymentMethod', kind: 'payment' },
  { id: 'paidAt', kind: 'time' },
];

/** The three kinds of evidence (docs/domain.md §3.1), before scenario-specific problem proof. */
export const commonEvidence: readonly EvidenceItem[] = [
  { id: 'order_shot', group: 'transaction' },
  { id: 'payment_record', group: 'transaction' },
  { id: 'chat_log', group: 'communication' },
];

export const num = (f: Facts, k: string): number | undefined => (typeof f[k] === 'number' ? (f[k] as number) : undefined);
export const is = (f: Facts, k: string, v: string): boolean => f[k] === v;
