// Per-platform outcome figures (issue 16 build item 2, last part): closed cases counted per platform
// with no link to the user, shown as one line at the matching rung once ≥ 5 closed cases exist.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../src/store/migrations.js';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';

let app: (App & { clock: { t: Date } }) | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

let seq = 0;
/** Closes `n` cases of other users on `platform`, each after sending `rung` with `outcome` (the close trigger queues them). */
function closedCases(a: App, n: number, platform: string, rung: string, outcome = 'full'): number[] {
  const now = a.now().getTime();
  const users: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = (a.db.prepare(`INSERT INTO users (platform, platform_user_id, created_at) VALUES ('telegram', ?, ?) RETURNING id`).get(`other${++seq}`, now) as { id: number }).id;
    const c = (
      a.db
        .prepare(`INSERT INTO cases (user_id, scenario, stage, facts, created_at, updated_at) VALUES (?, 'not_received', 'ladder', ?, ?, ?) RETURNING id`)
        .get(u, JSON.stringify({ merchant: `商家${seq}`, platform, amount: 100 }), now, now) as { id: number }
    ).id;
    a.db
      .prepare(`UPDATE cases SET status = 'closed', outcome = ?, refunded_amount = ?, state = ?, stage = 'closed', closed_at = ? WHERE id = ?`)
      .run(outcome, outcome === 'none' ? null : 100, JSON.stringify({ stage: 'closed', rung: 1, sent: ['seller', rung] }), now, c);
    users.push(u);
  }
  return users;
}

/** A not_received case on 小年卡盟 (helpers' GOOD answers), walked to the rung whose header has `title`. */
function toRung(d: Driver, title: string): string {
  d.press('s:not_received');
  answerIntake(d);
  d.press('e:done');
  for (let i = 0; i < 8 && !d.last().text.includes(title); i++) d.press('r:next');
  expect(d.last().text).toContain(title);
  return d.last().text;
}

describe('platform outcome figures at the matching rung', () => {
  it('4 closed cases on the platform → no figure; the 5th → one line of past figures', () => {
    app = makeApp();
    closedCases(app, 4, '小年卡盟', 'payment');
    expect(toRung(new Driver(app, 'a'), '向支付渠道投诉')).not.toContain('同平台');
    closedCases(app, 1, '小年卡盟', 'payment');
    const text = toRung(new Driver(app, 'b'), '向支付渠道投诉');
    expect(text).toContain('同平台已结案的 5 个案件里，5 个在支付渠道投诉后拿回了钱');
    expect(text).toContain('不代表你的案件结果');
  });

  it('the figure appears at the rung where the money came back, not at the others; other platforms count apart', () => {
    app = makeApp();
    closedCases(app, 3, '小年卡盟', 'payment');
    closedCases(app, 3, '小年卡盟', 'seller', 'none');
    closedCases(app, 9, '别家发卡网', 'seller');
    const d = new Driver(app, 'c');
    const seller = toRung(d, '联系商家协商');
    expect(seller).not.toContain('同平台');
    const payment = toRung(new Driver(app, 'e'), '向支付渠道投诉');
    // 6 closed on 小年卡盟 (3 refunded after the payment complaint, 3 not refunded); 别家发卡网 is not counted.
    expect(payment).toContain('同平台已结案的 6 个案件里，3 个在支付渠道投诉后拿回了钱');
  });

  it('a spelling variant of the platform (spaces) meets the same counters', () => {
    app = makeApp();
    closedCases(app, 5, '小年 卡盟', 'payment');
    expect(toRung(new Driver(app, 'f'), '向支付渠道投诉')).toContain('同平台已结案的 5 个案件里，5 个');
  });

  it('the counters survive deletion of the users whose cases they came from', () => {
    app = makeApp();
    const users = closedCases(app, 5, '小年卡盟', 'payment');
    for (const u of users) app.engine.repo.deleteUser(u, app.now());
    expect((app.db.prepare(`SELECT count(*) AS n FROM cases WHERE user_id IN (${users.join(',')})`).get() as { n: number }).n).toBe(0);
    expect(toRung(new Driver(app, 'g'), '向支付渠道投诉')).toContain('同平台已结案的 5 个案件里，5 个在支付渠道投诉后拿回了钱');
    // Counted rows hold no user: the counters are all that is left of those cases.
    const cols = (app.db.prepare(`PRAGMA table_info(platform_outcomes)`).all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(['key', 'outcome', 'rung', 'n']);
  });

  it('a case the user closes through the bot is counted at the last rung sent; one closed with none sent at no rung', () => {
    app = makeApp();
    closedCases(app, 3, '小年卡盟', 'payment');
    const sent = new Driver(app, 'h');
    toRung(sent, '向支付渠道投诉');
    sent.press('r:sent');
    sent.say('结案');
    sent.press('x:full');
    sent.say('100元');
    expect(sent.activeCase()).toBeUndefined();
    const unsent = new Driver(app, 'j');
    toRung(unsent, '向支付渠道投诉');
    unsent.say('结案');
    unsent.press('x:full');
    unsent.say('100元');
    // 5 closed: 4 refunded after a payment complaint sent; the unsent one counts in the total only.
    expect(toRung(new Driver(app, 'i'), '向支付渠道投诉')).toContain('同平台已结案的 5 个案件里，4 个在支付渠道投诉后拿回了钱');
  });
});

describe('migration 9 on a database written by version 8', () => {
  it('merges counters folded under a ladder index into the no-rung row; a queued index row loses its rung', () => {
    const db = new Database(':memory:');
    try {
      for (let v = 0; v < 8; v++) db.exec(migrations[v]);
      db.pragma('user_version = 8');
      db.prepare(`INSERT INTO merchant_outcomes (key, outcome, rung, n, refunded) VALUES ('p:x', 'full', '2', 3, 300), ('p:x', 'full', '', 1, 100), ('p:x', 'none', 'payment', 2, 0)`).run();
      db.prepare(`INSERT INTO closed_outcomes (merchant, platform, outcome, refunded, rung) VALUES ('星辰点卡', '小年卡盟', 'full', 50, '1')`).run();
      migrate(db);
      expect(db.prepare(`SELECT outcome, rung, n, refunded FROM merchant_outcomes ORDER BY outcome, rung`).all()).toEqual([
        { outcome: 'full', rung: '', n: 4, refunded: 400 },
        { outcome: 'none', rung: 'payment', n: 2, refunded: 0 },
      ]);
      expect(db.prepare(`SELECT rung FROM closed_outcomes`).all()).toEqual([{ rung: null }]);
    } finally {
      db.close();
    }
  });
});
