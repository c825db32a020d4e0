// Unreadable stored state reaches the engine as a safe state with a warning, never as a crash.
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { answerIntake, Driver } from '../helpers.js';

function appWithLog() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const clock = { t: new Date('2026-11-20T08:00:00Z') };
  const app = createApp(testConfig(), { now: () => clock.t, log: pino({ level: 'warn' }, sink) });
  return { app, lines };
}

describe('stored state on load', () => {
  it('a corrupt session (not JSON) is logged and the user gets the menu', () => {
    const { app, lines } = appWithLog();
    const d = new Driver(app);
    d.say('/start');
    app.db.prepare(`UPDATE sessions SET state = '{"lastChoices":' `).run();
    const r = d.say('/start');
    expect(r.length).toBeGreaterThan(0);
    expect(r[r.length - 1].choices?.map((c) => c.id), JSON.stringify(r)).toContain('m:new');
    const warn = lines.find((l) => l.what === 'session_state');
    expect(warn).toMatchObject({ level: 40, msg: 'stored state unreadable; replaced by a safe state' });
    expect((warn!.err as { stack?: string }).stack).toContain('JSON');
    // The next turn writes a good session again.
    expect(JSON.parse((app.db.prepare(`SELECT state FROM sessions`).get() as { state: string }).state).version).toBe(1);
  });

  it('a session of the wrong shape is logged and replaced', () => {
    const { app, lines } = appWithLog();
    const d = new Driver(app);
    d.say('/start');
    app.db.prepare(`UPDATE sessions SET state = '{"version":1,"lastChoices":"x"}'`).run();
    expect(() => d.say('/start')).not.toThrow();
    expect(lines.some((l) => l.what === 'session_state')).toBe(true);
  });

  it('a corrupt case state resumes from the facts: the next open question is asked again', () => {
    const { app, lines } = appWithLog();
    const d = new Driver(app);
    d.press('s:not_received');
    d.say('小年卡盟');
    d.say('星辰点卡店');
    const id = d.activeCase()!.id;
    app.db.prepare(`UPDATE cases SET state = 'garbage' WHERE id = ?`).run(id);
    const r = d.say('王者荣耀点券600');
    expect(r.length).toBeGreaterThan(0);
    const c = d.activeCase()!;
    expect(c.facts).toMatchObject({ platform: '小年卡盟', merchant: '星辰点卡店', item: '王者荣耀点券600' });
    expect(c.state).toMatchObject({ version: 1, stage: 'intake', q: 'orderId' });
    expect(lines.find((l) => l.what === 'case_state')).toMatchObject({ subject: `case:${id}` });
  });

  it('a case with every fact but a corrupt state goes back to the assessment and checklist', () => {
    const { app } = appWithLog();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    const id = d.activeCase()!.id;
    app.db.prepare(`UPDATE cases SET state = '{"stage":"ladder","rung":"two"}' WHERE id = ?`).run(id);
    d.say('嗯');
    expect(d.activeCase()!.state.stage).toBe('evidence');
    expect(d.last().choices?.some((c) => c.id === 'e:done')).toBe(true);
  });

  it('an old unversioned case state loads as version 1 and carries on', () => {
    const { app, lines } = appWithLog();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    const id = d.activeCase()!.id;
    const { version: _, ...old } = d.activeCase()!.state;
    app.db.prepare(`UPDATE cases SET state = ? WHERE id = ?`).run(JSON.stringify(old), id);
    d.press('e:done');
    expect(d.activeCase()!.state).toMatchObject({ version: 1, stage: 'ladder', rung: 0 });
    expect(lines.filter((l) => l.what)).toEqual([]);
  });
});
