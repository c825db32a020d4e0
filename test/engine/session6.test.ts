// Session 6: problems found trying the bot as a new user; each test failed before its fix.
import { afterEach, describe, expect, it } from 'vitest';
import { Driver, makeApp } from '../helpers.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

describe('session 6', () => {
  it('a sum told before the scenario is known is kept when the next message tells the problem in other words', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('我在星空卡盟买了100的话费');
    expect(d.activeCase()).toBeUndefined();
    d.say('钱付了以后一直没给我充上，都一天了');
    const last = d.last();
    if (!d.activeCase()) {
      expect(last.text).toContain('100');
      d.press(last.choices![0].id);
    }
    expect(d.activeCase()!.facts.amount).toBe(100);
  });

  it('订阅提醒 in the middle of a case says what it is (merchant warnings; case reminders come anyway) and asks the question again', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    const q = d.activeCase()!.state.q;
    const r = d.say('订阅提醒');
    const all = r.map((x) => x.text).join('\n');
    expect(all).toContain('商家预警');
    expect(all).toMatch(/案件.*提醒/);
    expect(r.length).toBeGreaterThan(1);
    expect(d.activeCase()!.state.q).toBe(q);
  });
});
