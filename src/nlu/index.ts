// Public API of the free-text understanding module (see README.md in this folder).
export { parseAmount } from './amount.js';
export { parseWhen, parseWhenDetailed, type When, type WhenPrecision } from './time.js';
export { parsePaymentMethod } from './payment.js';
export { parseOrderId } from './order.js';
export { parseCount } from './count.js';
export { understand, LOW_CONFIDENCE, ASK_THRESHOLD, MAX_INPUT_CHARS, type Understanding, type Entities } from './understand.js';
export { checkTone, neutralRewrite, type ToneReport, type ToneFinding, type CaseFacts } from './tone.js';
export { detectBadIntent, type BadIntent, type BadIntentKind } from './intent.js';
