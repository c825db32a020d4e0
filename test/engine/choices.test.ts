// The choice codec and what the engine does with ids it cannot use: every kind of button id,
// garbled, forged or stale, is answered normally — never an exception, never a state change.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';
import { decodeChoice, encodeChoice } from '../../src/engine/choices.js';
import { GARBLED, VALID } from './choice-ids.js';

let app: App;
afterEach(() => app?.close());

describe('choice codec', () => {
  it('reads back every id it makes, unchanged, within 64 bytes', () => {
    for (const id of VALID) {
      const c = decodeChoice(id);
      expect(c, id).toBeDefined();
      expect(encodeChoice(c!), id).toBe(id);
      expect(Buffer.byteLength(encodeChoice(c!)), id).toBeLessThanOrEqual(64);
    }
    expect(decodeChoice('bl:bc:7:go')).toEqual({ kind: 'blacklist', op: 'bc', id: 7, go: true });
    expect(decodeChoice('f:12:refunded')).toEqual({ kind: 'followup', caseId: 12, answer: 'refunded' });
  });

  it('decodes nothing it did not make', () => {
    for (const id of GARBLED) expect(decodeChoice(id), JSON.stringify(id)).toBeUndefined();
    expect(decodeChoice(undefined)).toBeUndefined();
  });
});

function pressAll(d: Driver, ids: string[], check: (id: string) => void): void {
  for (const id of ids) {
    let replies: ReturnType<Driver['press']> = [];
    expect(() => (replies = d.press(id)), JSON.stringify(id)).not.toThrow();
    expect(replies.length, JSON.stringify(id)).toBeGreaterThan(0);
    for (const r of replies) expect(r.text.trim().length, JSON.stringify(id)).toBeGreaterThan(0);
    check(id);
  }
}

describe('garbled, forged and stale button ids reach the engine', () => {
  it('without a case: each is answered with the menu', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('开始');
    pressAll(d, GARBLED, (id) => expect(d.last().choices?.map((c) => c.id), id).toContain('m:new'));
  });

  it('during intake: the question is asked again and the case does not move', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    const before = d.activeCase()!;
    pressAll(d, GARBLED, (id) => {
      const now = d.activeCase()!;
      expect(now.facts, id).toEqual(before.facts);
      expect(now.state.q, id).toBe(before.state.q);
      expect(now.state.stage, id).toBe('intake');
    });
  });

  it('on the ladder and in the close and delete confirmations: nothing is closed or deleted', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    const id = d.activeCase()!.id;
    pressAll(d, GARBLED, () => expect(d.activeCase()?.id).toBe(id));
    // 结案 then a forged outcome (it used to throw "missing locale key" for x:bogus).
    for (const forged of GARBLED) {
      d.say('结案');
      expect(() => d.press(forged), forged).not.toThrow();
      expect(d.activeCase()?.status, forged).toBe('open');
    }
    d.say('删除我的数据');
    pressAll(d, GARBLED.slice(0, 5), () => expect(d.activeCase()?.id).toBe(id));
  });

  it('valid ids that are stale, foreign or out of place are answered too', () => {
    app = makeApp();
    const other = new Driver(app, 'u2');
    other.press('s:card_used');
    const foreign = other.activeCase()!.id;
    const d = new Driver(app);
    d.say('开始');
    const stale = [...VALID, `c:${foreign}`, `f:${foreign}:refunded`, `f:${foreign}:stop`, 'c:999999', 'f:999999:not_yet', 'bl:rw:999999', 'bl:cy:999999', 'bl:bc:999999:go'];
    pressAll(d, stale, () => undefined);
    // The other user's case was not touched.
    expect(other.activeCase()!.state.stage).toBe('intake');
    expect(app.db.prepare(`SELECT count(*) AS n FROM follow_ups WHERE case_id = ?`).get(foreign)).toEqual({ n: 0 });
  });

  it('during a report dialogue and in a group', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('举报');
    pressAll(d, GARBLED, () => undefined);
    const g = new Driver(app, 'u3', 'terminal', 'group', 'g-1');
    for (const id of [...GARBLED, ...VALID]) expect(() => g.press(id), id).not.toThrow();
  });
});
