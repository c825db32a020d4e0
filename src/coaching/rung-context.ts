// The case as a rung's coaching reads it: the rung it stands on (its ladder clamped, as the step
// shows it), its document parameters as the user reads them (gaps 【待补充】) and the other side's
// name for that rung. Shared by the on-rung readers (more-replies.ts, refund-words.ts).
import { has, t, type Params } from './text.js';
import type { CaseRow } from '../engine/repo.js';
import type { TurnContext } from '../engine/routes.js';
import { matchCommand } from '../engine/commands.js';
import { HYPOTHETICAL } from './asked.js';
import { renderText } from '../engine/render.js';
import { laterSameDay } from '../calendar/quiet.js';
import { applicableRungs, documentParams, type Timings } from '../flow/ladder.js';
import type { Flow, RungId } from '../flow/types.js';
import type { ScenarioId } from '../types.js';

export interface RungDeps {
  config: Timings & { BOT_TIMEZONE: string };
  flows: Readonly<Record<ScenarioId, Flow>>;
}

export interface RungContext {
  rungOf(c: CaseRow): RungId;
  params(c: CaseRow, now: Date): Params;
  party(rung: RungId): string;
  /** The bot's zone (BOT_TIMEZONE). */
  zone: string;
  /** `days` days on, moved out of the quiet hours (a check the reader schedules). */
  daysOn(now: Date, days: number): Date;
}

export function rungContext(d: RungDeps): RungContext {
  const zone = d.config.BOT_TIMEZONE;
  return {
    rungOf(c) {
      const rungs = applicableRungs(d.flows[c.scenario], c.facts, d.config);
      return rungs[Math.min(c.state.rung, rungs.length - 1)];
    },
    params(c, now) {
      const p = documentParams(d.flows[c.scenario], c.facts, now, d.config, zone, c.state);
      const out: Params = {};
      for (const [k, v] of Object.entries(p)) out[k] = v === null || v === undefined || typeof v === 'number' || typeof v === 'string' ? (v ?? '【待补充】') : renderText(v);
      return out;
    },
    party: (rung) => t(`reply.party.${has(`reply.party.${rung}`) ? rung : 'other'}`),
    zone,
    daysOn: (now, days) => laterSameDay(now, days, zone, { start: d.config.QUIET_HOURS_START, end: d.config.QUIET_HOURS_END }),
  };
}

/** A case on a rung, open, not asked "how much came back?": what the on-rung readers look at. */
export function onRung(c: CaseRow | undefined): c is CaseRow {
  return !!c && c.status === 'open' && c.state.stage === 'ladder' && !c.state.awaitingRefundAmount;
}

/**
 * The typed words on a rung that the on-rung readers look at: none for a button, a command or an
 * if-clause ("要是…"), or when the case is not on a rung.
 */
export function rungText(ctx: TurnContext): { c: CaseRow; text: string } | undefined {
  const c = ctx.active;
  if (ctx.choice || !onRung(c)) return undefined;
  const text = ctx.text.trim();
  if (!text || matchCommand(text) || HYPOTHETICAL.test(text)) return undefined;
  return { c, text };
}
