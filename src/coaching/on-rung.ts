// What is typed on a rung besides the other side's usual answers (explore3): the user's own
// questions (asked.ts), answers the classifier has no kind for (other-replies.ts), and
// "对方是怎么回复的？" kept open until answered (said-open.ts) — placed around the seller-reply route.
import type { Router } from '../engine/routes.js';
import { registerAsked } from './asked.js';
import { registerOtherReplies, type OtherRepliesDeps } from './other-replies.js';
import { registerSaidOpen } from './said-open.js';

export function registerOnRung(router: Router, sellerReplyOrder: number, d: OtherRepliesDeps): void {
  registerSaidOpen(router, -300, sellerReplyOrder + 10);
  registerAsked(router, sellerReplyOrder - 2);
  registerOtherReplies(router, sellerReplyOrder - 1, d);
}
