// Follow-up effects the pure step emits: window warnings to (re)schedule and reminder controls.
import type { Effect, StepInput } from '../flow/events.js';
import type { CaseState } from '../flow/state.js';
import { applicableRungs } from '../flow/ladder.js';
import { windowWarnings } from './windows.js';

/**
 * Schedules for the window warnings a case in `state` should have. `includePassed` (on entering
 * the ladder or resuming reminders) warns at once when the warning moment has passed but the
 * window is still open; elsewhere only future warnings are re-added after a cancel.
 */
export function windowSchedules(i: StepInput, state: CaseState, includePassed: boolean): Effect[] {
  const rungs = applicableRungs(i.flow, i.facts, i.timings);
  return windowWarnings(rungs, i.facts, state, i.now, i.timings, { includePassed, zone: i.zone }).map(
    (w): Effect => ({ type: 'schedule', kind: 'window_warning', rung: w.rung, dueAt: w.warnAt }),
  );
}

/** Drops schedules when the case's reminders are off. */
export function respectRemindersOff(effects: Effect[], state: CaseState): Effect[] {
  return state.remindersOff ? effects.filter((e) => e.type !== 'schedule') : effects;
}
