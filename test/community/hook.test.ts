// The blacklist hook through engine.handle on a real App (SQLite :memory:): lookups, reports,
// review, admin entries, refusals, collective complaints, broadcasts and data deletion.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';

let app: App & { clock: { t: Date } };
afterEach(() => app?.close());

const ADMIN = 'adm1';
const setup = (over: Record<string, unknown> = {}) => {
  app = makeApp({ ADMIN_IDS: `telegram:${ADMIN},qq:9000`, ...over });
  return {
    admin: new Driver(app, ADMIN, 'telegram'),
    adminInGroup: new Driver(app, ADMIN, 'telegram', 'group', '-1001'),
  };
};
const text = (d: Driver) => d.last().text;
const count = (sql: string, ...args: unknown[]) => (app.db.prepare(sql).get(...args) as { n: number }).n;
const pending = (chatId: string) =>
  app.db.prepare(`SELECT kind, payload FROM outbox WHERE chat_id = ? AND status = 'pending' ORDER BY id`).all(chatId) as { kind: string; payload: string }[];

function fileReport(d: Driver, merchant: string, what = '付款后不发卡，客服失联', amount = '120元', evidence = '2') {
  d.say('举报');
  if (d.last().choices?.some((c) => c.id === 'bl:rn')) d.press('bl:rn');
  d.say(merchant);
  d.say(what);
  d.say(amount);
  d.say(evidence);
  d.press('bl:rs');
}

describe('lookups', () => {
  it('miss, then hits by name, pinyin, site and QQ number in private and group, with open-case counts and no reporter', () => {
    const { admin } = setup();
    const member = new Driver(app, 'm1', 'telegram', 'group', '-1001');
    member.say('/check 小年卡盟');
    expect(text(member)).toContain('暂无关于“小年卡盟”的记录');

    admin.say('拉黑 小年卡盟 | 收款后不发卡，客服失联');
    admin.say('编辑商家 1 标识 www.xiaonian.com, QQ:12345678');
    expect(text(admin)).toContain('QQ:12345678'); // identifier kinds in Chinese (issue 16 item 8)
    // Someone's open case names it.
    const victim = new Driver(app, 'v1', 'telegram');
    victim.press('s:not_received');
    answerIntake(victim, { platform: { text: '小年卡盟' } });

    for (const q of ['/check xiaonian 卡盟', '查商家 www.XiaoNian.com', '查商家12345678', '查商家 小年卡盟']) {
      member.say(q);
      expect(text(member), q).toContain('“小年卡盟”已列入黑名单');
      expect(text(member)).toContain('收款后不发卡');
      expect(text(member)).toContain('进行中的维权案件提到它的：1 个');
      expect(text(member)).not.toContain('v1');
      expect(text(member)).not.toContain('测试用户');
    }
    new Driver(app, 'p1', 'telegram').say('查商家 大年卡盟');
    expect(app.db.prepare(`SELECT count(*) AS n FROM merchants`).get()).toEqual({ n: 1 });
    member.say('查商家');
    expect(text(member)).toContain('请在命令后写商家名称');
  });

  it('a group member sees only counts, never anyone\'s case; personal commands point to the private chat', () => {
    setup();
    const victim = new Driver(app, 'v2', 'qq', 'private', 'private:v2');
    victim.press('s:not_received');
    answerIntake(victim);
    fileReport(victim, '星辰点卡店');
    const member = new Driver(app, 'm2', 'qq', 'group', 'group:55');
    const said = [...member.say('查商家 星辰点卡店'), ...member.say('举报'), ...member.say('集体投诉'), ...member.say('订阅提醒')];
    const all = said.map((r) => r.text).join('\n');
    expect(all).not.toMatch(/202611201530123456|王者荣耀|#\d|v2|测试用户|120/);
    // Unreviewed reports are not public.
    expect(said[0].text).toContain('暂无关于');
    for (const r of said.slice(1)) expect(r.text).toContain('私聊');
  });
});

describe('reports', () => {
  it('files a report step by step, pending until reviewed, and says the rate limit plainly', () => {
    setup({ REPORTS_PER_DAY: 2 });
    const u = new Driver(app, 'r1', 'telegram');
    fileReport(u, '黑心卡盟');
    expect(text(u)).toContain('已提交举报 #1');
    u.say('举报');
    u.say('xx发卡网');
    u.say('就');
    expect(text(u)).toContain('2～500');
    u.say('一直不发货');
    u.say('很多');
    expect(text(u)).toContain('没看懂这个金额');
    u.say('跳过');
    u.say('0');
    expect(text(u)).toContain('金额：不清楚');
    u.press('bl:rs');
    u.say('举报');
    expect(text(u)).toContain('24 小时内已提交 2 条举报，达到上限');
    expect(text(u)).toContain('最多 2 条');
    const rows = app.db.prepare(`SELECT merchant_text, what, amount, evidence_count, status FROM merchant_reports ORDER BY id`).all();
    expect(rows).toEqual([
      { merchant_text: '黑心卡盟', what: '付款后不发卡，客服失联', amount: 120, evidence_count: 2, status: 'pending' },
      { merchant_text: 'xx发卡网', what: '一直不发货', amount: null, evidence_count: 0, status: 'pending' },
    ]);
    app.clock.t = new Date(app.clock.t.getTime() + 86_400_000 + 1000);
    u.say('举报');
    expect(text(u)).toContain('请发送商家名称');
  });

  it('reports the merchant of one of the user\'s cases in one step, and can withdraw it', () => {
    setup();
    const u = new Driver(app, 'r2', 'telegram');
    u.press('s:not_received');
    answerIntake(u);
    const caseId = u.activeCase()!.id;
    u.say('举报');
    u.press(`bl:rc:${caseId}`);
    expect(text(u)).toContain('已提交举报 #1（商家：星辰点卡店）');
    const r = app.db.prepare(`SELECT merchant_text, amount, case_id, status FROM merchant_reports`).get();
    expect(r).toEqual({ merchant_text: '星辰点卡店', amount: 100, case_id: caseId, status: 'pending' });
    u.press('bl:rw:1');
    expect(text(u)).toContain('已撤回');
    expect(new Driver(app, 'other', 'telegram').press('bl:rw:1')[0].text).toContain('无法撤回');
  });
});

describe('admin review', () => {
  it('approves (reporter told, count public), rejects with a reason, and lists with a broadcast preview', () => {
    const { admin } = setup();
    const a = new Driver(app, 'ra', 'telegram');
    const b = new Driver(app, 'rb', 'telegram');
    fileReport(a, '黑心卡盟');
    fileReport(b, '无良发卡网');
    admin.say('审核');
    expect(text(admin)).toContain('举报 #1（待审核共 2 条）');
    expect(text(admin)).not.toContain('ra');
    admin.press('bl:ap:1');
    expect(admin.log.at(-2)!.text).toContain('举报 #1 已通过');
    expect(text(admin)).toContain('举报 #2');
    expect(pending('ra').map((r) => JSON.parse(r.payload).text).join()).toContain('已通过审核');
    const look = new Driver(app, 'q2', 'telegram').say('查商家 黑心卡盟')[0].text;
    expect(look).toContain('有 1 次已核实的举报');
    expect(look).toContain('尚未列入黑名单');

    admin.press('bl:rj:2');
    admin.say('证据不足，无法核实');
    expect(admin.log.at(-2)!.text).toContain('举报 #2 已驳回');
    expect(text(admin)).toBe('审核队列是空的。');
    expect(JSON.parse(pending('rb').at(-1)!.payload).text).toContain('证据不足，无法核实');
    admin.press('bl:ap:2');
    expect(text(admin)).toContain('已经处理过了');

    const c = new Driver(app, 'rc', 'telegram');
    fileReport(c, '黑心卡盟');
    admin.say('审核');
    admin.press('bl:ab:3');
    admin.say('多人举报收款不发货');
    expect(text(admin)).toContain('群发预览（#1）');
    expect(text(admin)).toContain('⚠️ 商家预警：“黑心卡盟”已被列入黑名单');
    const audit = app.db.prepare(`SELECT action, subject, detail FROM audit WHERE action IN ('report_approved','report_rejected','merchant_listed') ORDER BY id`).all() as {
      action: string;
      detail: string;
    }[];
    expect(audit.map((x) => x.action)).toEqual(['report_approved', 'report_rejected', 'report_approved', 'merchant_listed']);
    const listed = JSON.parse(audit[3].detail);
    expect(listed).toMatchObject({ admin: `telegram:${ADMIN}`, before: { status: 'reported' }, after: { status: 'blacklisted', reason: '多人举报收款不发货' } });
  });

  it('adds, edits, lists and removes entries, auditing before and after', () => {
    const { admin } = setup();
    admin.say('拉黑 快发卡盟');
    expect(text(admin)).toContain('用法：拉黑');
    admin.say('拉黑 快发卡盟 | 跑路');
    admin.press(admin.choice('bl:bc:1:no'));
    expect(text(admin)).toContain('已取消');
    admin.say('编辑商家 1 名称 快发卡盟官网');
    admin.say('编辑商家 1 原因 收款后关站跑路');
    admin.say('编辑商家 1 标识 kuaifa.net, 微信:kf_2026');
    admin.say('编辑商家 1 删标识 kuaifa.net');
    expect(text(admin)).toContain('微信:kf_2026'); // identifier kinds in Chinese (issue 16 item 8)
    expect(text(admin)).not.toContain('kuaifa.net');
    admin.say('黑名单列表');
    expect(text(admin)).toContain('#1 快发卡盟官网 — 收款后关站跑路');
    const m = new Driver(app, 'x', 'telegram');
    expect(m.say('查商家 kf_2026')[0].text).toContain('已列入黑名单');
    admin.say('移出黑名单 1 误报');
    expect(m.say('查商家 快发卡盟官网')[0].text).toContain('暂无关于');
    admin.say('编辑商家 99 名称 x');
    expect(text(admin)).toContain('没有编号为 #99');
    const edits = app.db.prepare(`SELECT detail FROM audit WHERE action = 'merchant_edited' ORDER BY id`).all() as { detail: string }[];
    expect(JSON.parse(edits[0].detail)).toMatchObject({ before: { name: '快发卡盟' }, after: { name: '快发卡盟官网' } });
    const removed = app.db.prepare(`SELECT detail FROM audit WHERE action = 'merchant_removed'`).get() as { detail: string };
    expect(JSON.parse(removed.detail)).toMatchObject({ before: { status: 'blacklisted' }, after: { status: 'removed' }, reason: '误报' });
  });
});

describe('admin rights', () => {
  it('refuses every admin command and button to a non-admin, in private and in groups, changing nothing', () => {
    setup();
    const u = new Driver(app, 'r9', 'telegram');
    fileReport(u, '黑心卡盟');
    // Same id as an admin, other platform: not an admin.
    const impostor = new Driver(app, '9000', 'telegram');
    const inGroup = new Driver(app, '9000', 'telegram', 'group', '-1002');
    const commands = [
      '审核', '/review', '拉黑 黑心卡盟 | 跑路', '/bl_add 黑心卡盟 | 跑路', '编辑商家 1 名称 x', '/bl_edit 1 name x', '移出黑名单 1', '/bl_remove 1',
      '黑名单列表', '/bl_list', '群发 大家好', '/broadcast hi', '群发状态', '/bc_status', '导出集体投诉 黑心卡盟', '/collective_export x', '订阅黑名单', '/bl_sub', '取消订阅黑名单', '/bl_unsub',
    ];
    for (const c of commands) {
      expect(impostor.say(c)[0].text, c).toBe('这个命令仅限管理员使用。');
      expect(inGroup.say(c)[0].text, `group ${c}`).toBe('这个命令仅限管理员使用。');
    }
    for (const b of ['bl:ap:1', 'bl:ab:1', 'bl:rj:1', 'bl:sk:1', 'bl:bc:1:go', 'bl:bc:1:no']) {
      expect(impostor.press(b)[0].text, b).toBe('这个命令仅限管理员使用。');
    }
    expect(count(`SELECT count(*) AS n FROM merchant_reports WHERE status = 'pending'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM merchants`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM broadcasts`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM alert_groups`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM audit WHERE action = 'admin_refused'`)).toBe(commands.length * 2 + 6);
    // The QQ admin with that id is one.
    expect(new Driver(app, '9000', 'qq', 'private', 'private:9000').say('审核')[0].text).toContain('举报 #1');
  });
});

describe('broadcasts', () => {
  it('previews, sends one row per reachable recipient once, reports progress and a summary', () => {
    const { admin, adminInGroup } = setup();
    adminInGroup.say('订阅黑名单');
    expect(text(adminInGroup)).toContain('本群已订阅');
    adminInGroup.say('订阅黑名单');
    expect(text(adminInGroup)).toContain('已经订阅');
    new Driver(app, 'qqadm', 'qq', 'group', 'group:777').say('查商家 x'); // a QQ group, not subscribed
    for (const [id, p, chat] of [['s1', 'telegram', 's1'], ['s2', 'telegram', 's2'], ['s3', 'qq', 'private:s3'], ['s4', 'telegram', 's4']] as const) {
      new Driver(app, id, p, 'private', chat).say('订阅提醒');
    }
    new Driver(app, 's4', 'telegram').say('退订提醒');
    app.outbox.markUnreachable('telegram', 's2', 'bot blocked', app.now());
    admin.say('群发 今晚维护，暂停查询一小时');
    expect(text(admin)).toContain('将发送给 1 个群、2 位订阅用户（Telegram 2，QQ 1）。1 个已知无法送达');
    const go = admin.choice('bl:bc:1:go');
    admin.press(go);
    expect(text(admin)).toContain('共 4 个接收方，跳过 1 个');
    admin.press(go);
    expect(text(admin)).toContain('已经确认或取消过');
    const rows = app.db.prepare(`SELECT platform, chat_id AS chatId FROM outbox WHERE kind = 'broadcast' ORDER BY id`).all();
    expect(rows).toEqual([
      { platform: 'telegram', chatId: '-1001' },
      { platform: 'telegram', chatId: 's1' },
      { platform: 'qq', chatId: 'private:s3' },
    ]);
    // Progress after BROADCAST_PROGRESS_SECONDS, the summary once everything settled.
    app.broadcaster.tick();
    expect(pending(ADMIN)).toEqual([]);
    app.clock.t = new Date(app.clock.t.getTime() + 61_000);
    const ids = (app.db.prepare(`SELECT id FROM outbox WHERE kind = 'broadcast' ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
    app.outbox.markSent(ids[0], app.now());
    app.broadcaster.tick();
    expect(JSON.parse(pending(ADMIN)[0].payload).text).toBe('群发 #1 进度 50%：已发送 1，失败 0，跳过 1，待发送 2（共 4）。');
    app.outbox.markUnreachable('qq', 'private:s3', 'kicked', app.now());
    app.outbox.markFailed(ids[1], 'Bad Request: message is too long');
    app.broadcaster.tick();
    app.broadcaster.tick();
    const notes = pending(ADMIN).map((r) => JSON.parse(r.payload).text);
    expect(notes).toHaveLength(2);
    expect(notes[1]).toBe('群发 #1 完成：已发送 1，失败 1，跳过 2（屏蔽/退群/已删除），等待对方下次发消息时送达 0（共 4）。');
    // The figures outlive the outbox rows (pruned a week after sending).
    app.db.prepare(`DELETE FROM outbox WHERE kind = 'broadcast'`).run();
    admin.say('群发状态');
    expect(text(admin)).toContain('#1 已完成');
    expect(text(admin)).toContain('已发送 1，失败 1，跳过 2');
  });
});

describe('collective complaints', () => {
  it('tells each user who agreed how many others are affected; admins export only what was agreed', () => {
    const { admin, adminInGroup } = setup();
    const users = ['c1', 'c2', 'c3'].map((id) => new Driver(app, id, 'telegram'));
    for (const [i, u] of users.entries()) {
      u.press('s:not_received');
      answerIntake(u, { amount: { text: `${(i + 1) * 100}元` } });
    }
    const [a, b] = users;
    a.say('集体投诉');
    a.press(a.choice('bl:cj:'));
    expect(text(a)).toContain('不会共享：你的身份');
    a.press(a.choice('bl:cy:'));
    expect(text(a)).toContain('另有 2 个进行中的案件涉及这个商家，其中 0 位用户也同意');
    b.say('集体投诉');
    b.press(b.choice('bl:cj:'));
    b.press(b.choice('bl:cy:'));
    expect(text(b)).toContain('另有 2 个进行中的案件涉及这个商家，其中 1 位用户也同意');
    expect(JSON.parse(pending('c1').at(-1)!.payload).text).toContain('现在共有 3 个进行中的案件，2 位用户同意');

    adminInGroup.say('导出集体投诉 星辰点卡店');
    expect(text(adminInGroup)).toBe('这个管理命令请在私聊中使用。');
    admin.say('导出集体投诉 星辰点卡店');
    const doc = admin.last().document!;
    expect(doc.title).toBe('集体投诉材料：星辰点卡店');
    expect(doc.body).toContain('同意集体投诉的案件：2 个');
    expect(doc.body).toContain('涉及金额合计：300 元');
    expect(doc.body).toContain('另有 1 个进行中的案件');
    expect(doc.body).not.toMatch(/202611201530123456|c1|c2|测试用户/);

    b.say('退出集体投诉');
    expect(text(b)).toContain('已退出集体投诉（1 个案件）');
  });
});

describe('personal data', () => {
  it('after 删除我的数据 nothing identifying the user remains; approved reports stay only as bare counts', () => {
    const { admin } = setup();
    const u = new Driver(app, 'tg-9876543', 'telegram');
    u.press('s:not_received');
    answerIntake(u);
    u.say('订阅提醒');
    u.say('集体投诉');
    u.press(u.choice('bl:cj:'));
    u.press(u.choice('bl:cy:'));
    fileReport(u, '黑心卡盟', '我叫张三，电话13800000000，付款后不发货');
    u.say('举报');
    u.press(u.choice('bl:rc:'));
    admin.say('审核');
    admin.press('bl:ap:1');
    u.say('删除我的数据');
    u.press('d:yes');
    expect(app.db.prepare(`SELECT user_id, what, case_id, status FROM merchant_reports`).all()).toEqual([{ user_id: null, what: '', case_id: null, status: 'approved' }]);
    expect(count(`SELECT count(*) AS n FROM collective_consents`)).toBe(0);
    const uid = 'tg-9876543';
    for (const { name } of app.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]) {
      const dump = JSON.stringify(app.db.prepare(`SELECT * FROM "${name}"`).all());
      expect(dump, name).not.toContain(uid);
      expect(dump, name).not.toContain('张三');
      expect(dump, name).not.toContain('13800000000');
    }
    expect(new Driver(app, 'q', 'telegram').say('查商家 黑心卡盟')[0].text).toContain('有 1 次已核实的举报');
  });
});
