// "对方是怎么回复的？" stays open until it is answered (exploratory testing, explore3 F2): after
// 商家回复了 (or 对方回复了 from a reminder), words that are not understood get the question again
// with its buttons — never the rung's own buttons (已发送 for a rung already sent). The question is
// closed by any button, a command, an answer recorded, or the case moving to another rung.
import { t } from './text.js';
import type { Router } from '../engine/routes.js';
import { button, COACH_REPLY_KINDS } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';

const NS = 'coach_said';

interface SaidOpen {
  caseId: number;
  rung: number;
  /** Answers recorded when the question was asked: one more means it was answered. */
  replies: number;
}

/** `early`: before every route (opens/closes on buttons); `late`: after the seller-reply reading. */
export function registerSaidOpen(router: Router, early: number, late: number): void {
  router.text(
    (ctx) => {
      const c = ctx.active;
      const ch = ctx.choice;
      if (!ch) return false;
      const opens = (ch.kind === 'coach' && ch.op === 'said') || (ch.kind === 'followup' && ch.answer === 'replied');
      // A reminder's 对方回复了 may be about another case: only the active one is kept open here.
      if (opens && c && c.status === 'open' && (ch.kind === 'coach' || ch.caseId === undefined || ch.caseId === c.id)) {
        ctx.ext.set(NS, { caseId: c.id, rung: c.state.rung, replies: c.state.replies?.length ?? 0 } satisfies SaidOpen);
      } else if (ctx.ext.get(NS) !== undefined) ctx.ext.set(NS, undefined);
      return false;
    },
    { order: early },
  );

  router.pending<SaidOpen>(
    NS,
    (ctx, s) => {
      // Buttons were seen by the early route (an opening press passes here on its way to the step).
      if (ctx.choice) return false;
      const c = ctx.active;
      const text = ctx.text.trim();
      const stale = !c || c.id !== s.caseId || c.status !== 'open' || c.state.stage !== 'ladder' || c.state.rung !== s.rung || (c.state.replies?.length ?? 0) !== s.replies;
      if (stale || !text || matchCommand(text) || c.state.awaitingRefundAmount) {
        ctx.ext.set(NS, undefined);
        return false;
      }
      return ctx.reply({ text: t('coach.said.unclear'), choices: COACH_REPLY_KINDS.map((k) => button({ kind: 'coach', op: 'sr', arg: k }, t(`coach.said.${k}`))) });
    },
    { order: late },
  );
}
