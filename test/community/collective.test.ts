// Collective complaints (issues 14 and 16): bounded work per turn, the export in one indexed query,
// and groups by merchant identity — driven through engine.handle on a real App (SQLite :memory:).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';
import { OpenCaseStore } from '../../src/community/store/cases.js';

let app: App & { clock: { t: Date } };
afterEach(() => {
  app?.close();
  vi.useRealTimers();
});

const ADMIN = 'adm1';
function setup() {
  app = makeApp({ ADMIN_IDS: `telegram:${ADMIN}` });
  return new Driver(app, ADMIN, 'telegram');
}

function openCase(id: string, merchant: string, amount = '100元'): Driver {
  const u = new Driver(app, id, 'telegram');
  u.press('s:not_received');
  answerIntake(u, { merchant: { text: merchant }, amount: { text: amount } });
  return u;
}

function join(u: Driver): string {
  u.say('集体投诉');
  u.press(u.choice('bl:cj:'));
  u.press(u.choice('bl:cy:'));
  return u.last().text;
}

const plan = (sql: string, n: number) =>
  (app.db.prepare(`EXPLAIN QUERY PLAN ${sql.replace('(?*)', `(${Array.from({ length: n }, () => '?').join(', ')})`)}`).all(...Array.from({ length: n }, (_, i) => `p:k${i}`)) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');

describe('导出集体投诉 reads the agreed cases in one indexed query', () => {
  it('the consent takes 同意 / 不同意 in the user\'s own words (exploratory testing)', () => {
    setup();
    const u = openCase('tg-consent-1', '同意测试店');
    u.say('集体投诉');
    u.press(u.choice('bl:cj:'));
    u.say('同意');
    expect(u.last().text).toContain('已加入');
    const v = openCase('tg-consent-2', '同意测试店');
    v.say('集体投诉');
    v.press(v.choice('bl:cj:'));
    v.say('不同意');
    expect(v.last().text).toContain('没有加入');
  });

  it('returns each agreed case with its scenario, amount and payment time, through the case-key index and primary keys', () => {
    const admin = setup();
    const a = openCase('c1', '星辰点卡店', '100元');
    const b = openCase('c2', '星辰点卡店', '250元');
    openCase('c3', '星辰点卡店', '400元');
    join(a);
    join(b);
    const g = app.blacklist.group('星辰点卡店');
    const rows = app.blacklist.consentedCasesIn(g.keys);
    expect(rows.map((r) => [r.scenario, r.amount])).toEqual([
      ['not_received', 100],
      ['not_received', 250],
    ]);
    expect(rows.every((r) => typeof r.paidAt === 'string')).toBe(true);
    const p = plan(OpenCaseStore.CONSENTED_SQL, 2);
    expect(p).toMatch(/SEARCH k USING (COVERING )?INDEX case_keys_key/);
    expect(p).not.toMatch(/SCAN (cases|case_keys|collective_consents|c|cc|k)\b/);
    admin.say('导出集体投诉 星辰点卡店');
    const body = admin.last().document!.body;
    expect(body).toContain('同意集体投诉的案件：2 个');
    expect(body).toContain('涉及金额合计：350 元');
    expect(body).toContain('另有 1 个进行中的案件');
  });
});

describe('集体投诉 join: bounded work in the turn', () => {
  const notices = (after = 0) =>
    (app.db.prepare(`SELECT o.id, o.chat_id AS chatId, o.payload FROM outbox o WHERE o.kind = 'notice' AND o.id > ? ORDER BY o.id`).all(after) as { id: number; chatId: string; payload: string }[]).map((r) => ({
      ...r,
      text: JSON.parse(r.payload).text as string,
    }));
  const lastOutbox = () => (app.db.prepare(`SELECT coalesce(max(id), 0) AS n FROM outbox`).get() as { n: number }).n;

  it('the 26th joiner\'s turn writes at most one batch of notices; the background step writes the rest, one per earlier consenter', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    setup();
    const users = Array.from({ length: 26 }, (_, i) => openCase(`j${i}`, '星辰点卡店'));
    for (const u of users.slice(0, 25)) join(u);
    vi.advanceTimersByTime(30_000);
    const before = lastOutbox();
    const reply = join(users[25]);
    expect(reply).toContain('另有 25 个进行中的案件涉及这个商家，其中 25 位用户也同意');
    const inTurn = notices(before);
    expect(inTurn.length).toBeGreaterThan(0);
    expect(inTurn.length).toBeLessThanOrEqual(20);
    vi.advanceTimersByTime(1_000);
    const all = notices(before);
    expect(all).toHaveLength(25);
    expect(new Set(all.map((n) => n.chatId)).size).toBe(25);
    expect(all.map((n) => n.chatId)).not.toContain('j25');
    for (const n of all) expect(n.text).toContain('现在共有 26 个进行中的案件，26 位用户同意');
    // Nothing left queued.
    expect(app.db.prepare(`SELECT count(*) AS n FROM collective_notices`).get()).toEqual({ n: 0 });
  });

  it('counts come from one indexed query over the group, not a list of its cases', () => {
    setup();
    const p = plan(OpenCaseStore.COUNTS_SQL, 2);
    expect(p).toMatch(/SEARCH k USING (COVERING )?INDEX case_keys_key/);
    expect(p).not.toMatch(/SCAN (cases|case_keys|collective_consents|c|cc|k)\b/);
  });
});

describe('merchant identity: two listed merchants that sound alike never share a count', () => {
  const page = (q: string) => new Driver(app, 'member', 'telegram').say(`查商家 ${q}`)[0].text;
  const notices = () => app.db.prepare(`SELECT chat_id AS chatId FROM outbox WHERE kind = 'notice'`).all() as { chatId: string }[];

  it('北汇商城 / 北汇卡盟 and 祥鑫 / 祥新: pages, joins, notices and exports stay separate', () => {
    const admin = setup();
    for (const n of ['北汇商城', '北汇卡盟', '祥鑫', '祥新']) app.blacklist.addMerchant(n, 'blacklisted', '收款不发卡', app.clock.t);
    const a = openCase('h1', '北汇商城', '100元');
    openCase('h2', '北汇商城', '200元');
    openCase('h3', '北汇商城', '300元');
    const d = openCase('h4', '北汇卡盟', '50元');
    // Only the core, which both share: counted for neither.
    openCase('h5', '北汇');
    openCase('x1', '祥鑫');
    openCase('x2', '祥鑫');
    openCase('x3', '祥新');

    expect(page('北汇商城')).toContain('进行中的维权案件提到它的：3 个');
    const other = page('北汇卡盟');
    expect(other).toContain('“北汇卡盟”已列入黑名单');
    expect(other).toContain('进行中的维权案件提到它的：1 个');
    expect(page('祥鑫')).toContain('进行中的维权案件提到它的：2 个');
    expect(page('祥新')).toContain('进行中的维权案件提到它的：1 个');

    expect(join(a)).toContain('已加入针对“北汇商城”的集体投诉。目前另有 2 个进行中的案件涉及这个商家，其中 0 位用户也同意');
    expect(join(d)).toContain('已加入针对“北汇卡盟”的集体投诉。目前另有 0 个进行中的案件涉及这个商家，其中 0 位用户也同意');
    expect(notices()).toEqual([]);

    admin.say('导出集体投诉 北汇商城');
    let body = admin.last().document!.body;
    expect(body).toContain('同意集体投诉的案件：1 个');
    expect(body).toContain('涉及金额合计：100 元');
    expect(body).toContain('另有 2 个进行中的案件');
    admin.say('导出集体投诉 北汇卡盟');
    body = admin.last().document!.body;
    expect(body).toContain('被投诉商家：北汇卡盟');
    expect(body).toContain('同意集体投诉的案件：1 个');
    expect(body).toContain('涉及金额合计：50 元');
    expect(body).toContain('另有 0 个进行中的案件');
  });

  it('a merchant listed after cases were opened: cases naming it exactly move to it, spellings of it follow, a homophone record keeps its own', () => {
    const admin = setup();
    app.blacklist.addMerchant('祥鑫', 'blacklisted', '收款不发卡', app.clock.t);
    const a = openCase('y1', '祥新', '100元');
    openCase('y2', '祥新', '200元');
    openCase('y3', '祥鑫', '300元');
    // Before 祥新 has a record, its cases sound like the only record: they count for 祥鑫.
    expect(page('祥鑫')).toContain('进行中的维权案件提到它的：3 个');
    expect(join(a)).toContain('另有 2 个进行中的案件');
    app.blacklist.addMerchant('祥新', 'blacklisted', '跑路', app.clock.t);
    expect(page('祥鑫')).toContain('进行中的维权案件提到它的：1 个');
    expect(page('祥新')).toContain('进行中的维权案件提到它的：2 个');
    // The consent given before 祥新's record existed now counts for 祥新, not 祥鑫.
    admin.say('导出集体投诉 祥新');
    expect(admin.last().document!.body).toContain('同意集体投诉的案件：1 个');
    admin.say('导出集体投诉 祥鑫');
    expect(admin.last().text).toContain('没有用户就“祥鑫”同意集体投诉。另有 1 个进行中的案件');
  });
});

describe('explore4 F13: the joiner\'s own other case is not "另有"', () => {
  it('a user with two open cases naming one merchant, and one other user: 另有 1 个 (other users only, not 2)', () => {
    setup();
    app.blacklist.addMerchant('龙腾卡盟', 'blacklisted', '收款不发卡', app.clock.t);
    const u = openCase('k1', '龙腾卡盟', '100元');
    u.press('e:done');
    u.say('新案件');
    u.press('s:not_received');
    answerIntake(u, { merchant: { text: '龙腾卡盟' }, amount: { text: '50元' } });
    openCase('k2', '龙腾卡盟', '300元');
    expect(join(u)).toContain('目前另有 1 个进行中的案件涉及这个商家');
  });
});
