import type { Flow } from '../src/flow/types.js';
import type { ScenarioId } from '../src/types.js';
import notReceived from './not_received.js';
import doubleCharge from './double_charge.js';
import cardUsed from './card_used.js';
import merchantVanished from './merchant_vanished.js';
import paymentFailed from './payment_failed.js';
import notAsDescribed from './not_as_described.js';

export const FLOWS: Record<ScenarioId, Flow> = {
  not_received: notReceived,
  double_charge: doubleCharge,
  card_used: cardUsed,
  merchant_vanished: merchantVanished,
  payment_failed: paymentFailed,
  not_as_described: notAsDescribed,
};
