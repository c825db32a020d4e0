// What is typed on a rung besides the other side's usual answers (explore3): the step's controls
// in words (rung-controls.ts), the user's own questions (asked.ts), answers the classifier has no
// kind for (other-replies.ts, more-replies.ts), refunds in words (refund-words.ts), an honest
// admission (admitted.ts, before the correction offer), the user's own words — plans, worries,
// first-person statements, commands — never taken as the other side's (own-words.ts), "对方是怎么回复的？" kept
// open until answered (said-open.ts), common words of explore4 (rung-words.ts) — placed around the seller-reply route.
import type { Router } from '../engine/routes.js';
import { registerAsked } from './asked.js';
import { registerOtherReplies, type OtherRepliesDeps } from './other-replies.js';
import { registerSaidOpen } from './said-open.js';
import { registerMoreReplies } from './more-replies.js';
import { registerRefundWords } from './refund-words.js';
import { registerRungControls } from './rung-controls.js';
import { registerAdmitted } from './admitted.js';
import { registerRungWords, type RungWordsDeps } from './rung-words.js';
import { registerOwnWords, registerOwnWordsIntake } from './own-words.js';

export function registerOnRung(router: Router, sellerReplyOrder: number, d: OtherRepliesDeps & RungWordsDeps, guardOrder: number): void {
  registerSaidOpen(router, -300, sellerReplyOrder + 10);
  registerAdmitted(router, guardOrder - 10);
  registerRungWords(router, sellerReplyOrder - 4, d);
  registerOwnWordsIntake(router, guardOrder - 10);
  registerRungControls(router, sellerReplyOrder - 3, d);
  registerAsked(router, sellerReplyOrder - 2);
  registerOwnWords(router, sellerReplyOrder - 2, d);
  registerOtherReplies(router, sellerReplyOrder - 1, d);
  registerMoreReplies(router, sellerReplyOrder - 1, d);
  registerRefundWords(router, sellerReplyOrder - 1, d);
}
