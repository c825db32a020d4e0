// fix7b: leftovers from the reviews and explore3 (F8 and others), each first-failing, on the real engine.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { ScenarioId } from '../../src/types.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

/** A fresh case of `scenario` on its first rung (the seller). */
function onLadder(scenario: ScenarioId = 'not_received', overrides: Record<string, { text?: string; choice?: string }> = {}): Driver {
  app?.close();
  app = makeApp();
  const d = new Driver(app);
  d.press(`s:${scenario}`);
  answerIntake(d, overrides);
  d.press('e:done');
  expect(d.activeCase()!.state.stage).toBe('ladder');
  return d;
}

const later = (s: number) => (app.clock.t = new Date(app.clock.t.getTime() + s * 1000));

describe('F8: 没用，看下一步 on two steps within two seconds', () => {
  it('"2" typed on step 1 and 1.5 s later on step 2 moves twice', () => {
    const d = onLadder();
    d.say('2');
    expect(d.activeCase()!.state.rung).toBe(1);
    later(1.5);
    d.say('2');
    expect(d.log.some((r) => r.text.includes('已经处理过了'))).toBe(false);
    expect(d.activeCase()!.state.rung).toBe(2);
  });

  it('the label typed twice at once moves twice', () => {
    const d = onLadder();
    d.say('没用，看下一步');
    d.say('没用，看下一步');
    expect(d.log.some((r) => r.text.includes('已经处理过了'))).toBe(false);
    expect(d.activeCase()!.state.rung).toBe(2);
  });

  // The dialogue corpus (cu-014, pf-011): a number typed twice at the same moment is QQ's double tap.
  it('the same number sent twice at the same moment counts once', () => {
    const d = onLadder();
    d.say('2');
    d.say('2');
    expect(d.activeCase()!.state.rung).toBe(1);
  });

  it('the new step\'s own button pressed at once moves; the same button of the same step pressed twice counts once', () => {
    const d = onLadder();
    d.press('r:next:0');
    d.press('r:next:1');
    expect(d.activeCase()!.state.rung).toBe(2);
    const r = d.press('r:next:1');
    expect(r.map((x) => x.text).join('\n')).toContain('已经处理过了');
    expect(d.activeCase()!.state.rung).toBe(2);
  });
});
