// Coaching building blocks (issue 12): pure functions over text and case facts, no engine state.
export { checkTone, type ToneCode, type ToneFinding, type ToneReport, type ToneOptions } from './tone.js';
export { detectScam, scamWarning, type ScamKind, type ScamSign } from './scam.js';
export { classifySellerReply, coachSellerReply, SELLER_REPLY_KINDS, type SellerReplyKind, type ReplyCoaching, type ReplyContext, type NextStep } from './sellerReply.js';
export { detectFabrication, guardReply, FABRICATION_KINDS, type Fabrication, type FabricationKind, type GuardReply } from './fabrication.js';
export { respondentGuide, respondentFacts, parseIcp, RESPONDENT_FACTS } from './respondent.js';
export { blackCatComplaint, type BlackCatComplaint } from './blackcat.js';
export { reversalAdvice, DEFAULT_REVERSAL_DAYS, type ReversalAdvice } from './reversal.js';
export { collectiveComplaint, type CollectiveCase } from './collective.js';
