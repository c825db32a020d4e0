// Issue 16: the community desk's defects, each reproduced through engine.handle on a real App
// (SQLite :memory:), and the merchant page's anonymity threshold.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';

let app: App & { clock: { t: Date } };
afterEach(() => app?.close());

const ADMIN = 'adm1';
function setup(over: Record<string, unknown> = {}) {
  app = makeApp({ ADMIN_IDS: `telegram:${ADMIN}`, ...over });
  return new Driver(app, ADMIN, 'telegram');
}
const text = (d: Driver) => d.last().text;
const all = (d: Driver, n: number) => d.log.slice(-n).map((r) => r.text).join('\n');
const broadcastRows = () => app.db.prepare(`SELECT chat_id AS chatId, payload FROM outbox WHERE kind = 'broadcast' ORDER BY id`).all() as { chatId: string; payload: string }[];
const later = (minutes: number) => (app.clock.t = new Date(app.clock.t.getTime() + minutes * 60_000));
const subscribe = (...ids: string[]) => ids.map((id) => new Driver(app, id, 'telegram').say('订阅提醒'));

function fileReport(d: Driver, merchant: string, what = '付款后不发卡，客服失联') {
  d.say('举报');
  if (d.last().choices?.some((c) => c.id === 'bl:rn')) d.press('bl:rn');
  for (const m of [merchant, what, '120元', '2']) d.say(m);
  d.press('bl:rs');
}

function openCase(id: string, merchant: string, amount = '100元'): Driver {
  const u = new Driver(app, id, 'telegram');
  u.press('s:not_received');
  answerIntake(u, { merchant: { text: merchant }, amount: { text: amount } });
  return u;
}

describe('1 — a broadcast preview is bound to the merchant it warns about', () => {
  it('after 移出黑名单, pressing the old 确认发送 is refused: nothing is sent, and no fresh warning is offered', () => {
    const admin = setup();
    subscribe('s1');
    admin.say('拉黑 小年卡盟 | 收款不发卡');
    const go = admin.choice('bl:bc:1:go');
    admin.say('移出黑名单 1 误报');
    admin.press(go);
    expect(all(admin, 2)).toContain('群发 #1 没有发送：预览之后，这家商家已经移出黑名单');
    expect(broadcastRows()).toEqual([]);
    expect(app.db.prepare(`SELECT status FROM broadcasts WHERE id = 1`).get()).toEqual({ status: 'cancelled' });
  });

  it('after a rename or a new reason, the old preview is refused and a fresh one shows the merchant as it is now', () => {
    const admin = setup();
    subscribe('s1');
    admin.say('拉黑 小年卡盟 | 收款不发卡');
    const go = admin.choice('bl:bc:1:go');
    admin.say('编辑商家 1 名称 小年卡盟官网');
    admin.press(go);
    expect(all(admin, 2)).toContain('商家名称从“小年卡盟”改成了“小年卡盟官网”');
    expect(text(admin)).toContain('⚠️ 商家预警：“小年卡盟官网”已被列入黑名单');
    const go2 = admin.choice('bl:bc:2:go');
    admin.say('编辑商家 1 原因 收款后关站');
    admin.press(go2);
    expect(all(admin, 2)).toContain('拉黑原因改过了');
    expect(text(admin)).toContain('原因：收款后关站');
    admin.press(admin.choice('bl:bc:3:go'));
    expect(text(admin)).toContain('群发 #3 已开始');
    expect(broadcastRows().map((r) => JSON.parse(r.payload).text)).toEqual([expect.stringContaining('“小年卡盟官网”已被列入黑名单。\n原因：收款后关站')]);
  });

  it('a draft older than BROADCAST_DRAFT_MINUTES, or one overtaken by another broadcast about the merchant, is refused', () => {
    const admin = setup({ BROADCAST_DRAFT_MINUTES: 30 });
    subscribe('s1');
    admin.say('群发 今晚维护');
    const old = admin.choice('bl:bc:1:go');
    later(31);
    admin.press(old);
    expect(all(admin, 2)).toContain('预览已超过 30 分钟');
    expect(text(admin)).toContain('群发预览（#2）');
    admin.say('拉黑 小年卡盟 | 收款不发卡');
    const first = admin.choice('bl:bc:3:go');
    admin.say('拉黑 小年卡盟 | 收款不发卡');
    admin.press(admin.choice('bl:bc:4:go'));
    admin.press(first);
    expect(all(admin, 2)).toContain('已经发出了群发 #4');
    expect(broadcastRows()).toHaveLength(1);
  });
});

describe('2 — merchants listed by URL or QQ number are found by it', () => {
  it('by domain, www-domain and the identical URL; by the QQ number; and after a report naming a URL is approved and listed', () => {
    const admin = setup();
    admin.say('拉黑 https://www.kuaifa-ka.com/ | 跑路');
    admin.say('拉黑 QQ 99887766 | 收款拉黑');
    const m = new Driver(app, 'm', 'telegram');
    for (const q of ['查商家 kuaifa-ka.com', '查商家 www.kuaifa-ka.com', '查商家 https://www.kuaifa-ka.com/']) expect(m.say(q)[0].text, q).toContain('已列入黑名单');
    expect(m.say('查商家 99887766')[0].text).toContain('原因：收款拉黑');
    const r = new Driver(app, 'r', 'telegram');
    fileReport(r, 'http://shop.heixin-faka.net/buy');
    admin.say('审核');
    admin.press('bl:ab:1');
    admin.say('多人举报');
    for (const q of ['查商家 heixin-faka.net', '查商家 shop.heixin-faka.net']) expect(m.say(q)[0].text, q).toContain('原因：多人举报');
    // The site is also stored as what it is, and shown in Chinese.
    admin.say('编辑商家 1 原因 跑路关站');
    expect(text(admin)).toContain('网址:kuaifa-ka.com');
  });
});

describe('3 — collective complaints are grouped by merchant identity', () => {
  it('three spellings count together, and consents given before the record existed still count after', () => {
    const admin = setup();
    const a = openCase('c1', '星辰点卡店', '100元');
    const b = openCase('c2', '星辰點卡店', '200元');
    const c = openCase('c3', '星辰点卡', '300元');
    a.say('集体投诉');
    a.press(a.choice('bl:cj:'));
    a.press(a.choice('bl:cy:'));
    expect(text(a)).toContain('另有 2 个进行中的案件涉及这个商家，其中 0 位用户也同意');
    b.say('集体投诉');
    b.press(b.choice('bl:cj:'));
    b.press(b.choice('bl:cy:'));
    expect(text(b)).toContain('其中 1 位用户也同意');
    // A report is approved: the merchant record appears.
    fileReport(new Driver(app, 'r', 'telegram'), '星辰点卡店');
    admin.say('审核');
    admin.press('bl:ap:1');
    c.say('集体投诉');
    c.press(c.choice('bl:cj:'));
    c.press(c.choice('bl:cy:'));
    expect(text(c)).toContain('另有 2 个进行中的案件涉及这个商家，其中 2 位用户也同意');
    const d = openCase('c4', '星辰点卡店');
    admin.say('导出集体投诉 星辰點卡');
    const doc = admin.last().document!;
    expect(doc.body).toContain('同意集体投诉的案件：3 个');
    expect(doc.body).toContain('涉及金额合计：600 元');
    expect(doc.body).toContain('另有 1 个进行中的案件');
    expect(d.activeCase()).toBeDefined();
    // One payment day: one date, not "X 至 X".
    expect(doc.body).toMatch(/付款时间：\d+月\d+日\n/);
  });
});

describe('4 — an admin prompt holds until answered or cancelled', () => {
  it('a 驳回 reason typed 20 minutes later rejects the report; a reason starting with 查商家 is the reason; 取消 gets out', () => {
    const admin = setup();
    const r = new Driver(app, 'r', 'telegram');
    fileReport(r, '黑心卡盟');
    fileReport(r, '无良发卡网');
    admin.say('审核');
    admin.press('bl:rj:1');
    expect(text(admin)).toContain('发送“取消”退出');
    later(20);
    admin.say('查商家时发现是重名，证据不足');
    expect(all(admin, 2)).toContain('举报 #1 已驳回');
    expect(app.db.prepare(`SELECT status, decision_reason AS reason FROM merchant_reports WHERE id = 1`).get()).toEqual({ status: 'rejected', reason: '查商家时发现是重名，证据不足' });
    admin.press('bl:rj:2');
    admin.say('取消');
    expect(text(admin)).toContain('已取消，举报保持待审核');
    admin.say('查商家 无良发卡网');
    expect(text(admin)).toContain('无良发卡网');
    expect(app.db.prepare(`SELECT status FROM merchant_reports WHERE id = 2`).get()).toEqual({ status: 'pending' });
  });
});

describe('review with evidence (build item 3)', () => {
  it('the card lists other pending reports about the merchant and the reporter\'s record; they can be approved together', () => {
    const admin = setup();
    const a = new Driver(app, 'ra', 'telegram');
    fileReport(a, '黑心卡盟');
    fileReport(new Driver(app, 'rb', 'telegram'), '黑心卡盟');
    fileReport(new Driver(app, 'rc', 'telegram'), '无良发卡网');
    admin.say('审核');
    expect(text(admin)).toContain('同一商家的其他待审核举报：#2');
    expect(text(admin)).toContain('举报人记录：共提交 1 条，通过 0 条');
    admin.press(admin.choice('bl:at:1'));
    expect(app.db.prepare(`SELECT id, status FROM merchant_reports ORDER BY id`).all()).toEqual([
      { id: 1, status: 'approved' },
      { id: 2, status: 'approved' },
      { id: 3, status: 'pending' },
    ]);
    expect(text(admin)).toContain('举报 #3');
    expect(new Driver(app, 'm', 'telegram').say('查商家 黑心卡盟')[0].text).toContain('有 2 次已核实的举报');
  });
});

describe('8 — merchant records that hold', () => {
  it('edits by name or identifier, removes identifiers in the form shown, says so when nothing changed, keeps old names, offers the existing record', () => {
    const admin = setup();
    admin.say('拉黑 小年卡盟 | 收款不发卡');
    admin.say('编辑商家 小年卡盟 标识 QQ:12345678, 微信:xn_2026');
    expect(text(admin)).toContain('QQ:12345678');
    admin.say('编辑商家 12345678 删标识 QQ:12345678');
    expect(text(admin)).toContain('已更新商家 #1');
    expect(text(admin)).not.toContain('12345678');
    admin.say('编辑商家 1 删标识 QQ:555555');
    expect(text(admin)).toContain('没有标识“QQ:555555”，没有改动');
    admin.say('编辑商家 1 名称 小年商行');
    expect(text(admin)).toContain('别名:小年卡盟');
    expect(new Driver(app, 'm', 'telegram').say('查商家 小年卡盟')[0].text).toContain('“小年商行”已列入黑名单');
    admin.say('拉黑 xiaonian卡盟 | 又跑路');
    expect(text(admin)).toContain('是同一家吗');
    admin.press(admin.choice('bl:sm:1'));
    expect(all(admin, 2)).toContain('已将“小年商行”（#1）列入黑名单。原因：又跑路');
    expect(app.db.prepare(`SELECT count(*) AS n FROM merchants`).get()).toEqual({ n: 1 });
    admin.say('拉黑 1 | x');
    expect(text(admin)).toContain('不像商家名称');
  });
});

describe('9 — corrections reach exactly those who were warned', () => {
  it('removing offers a correction to the earlier warning\'s recipients only; removing twice says so; an approval can be withdrawn', () => {
    const admin = setup();
    subscribe('s1', 's2');
    admin.say('拉黑 小年卡盟 | 收款不发卡');
    admin.press(admin.choice('bl:bc:1:go'));
    subscribe('s3'); // joined after the warning
    admin.say('移出黑名单 小年卡盟 商家已全部退款');
    expect(all(admin, 2)).toContain('已将“小年卡盟”（#1）移出黑名单');
    expect(text(admin)).toContain('将发送给 0 个群、2 位订阅用户');
    expect(text(admin)).toContain('更正只发给之前收到这家商家预警的群和用户');
    admin.press(admin.choice('bl:bc:2:go'));
    const rows = broadcastRows().map((r) => ({ chatId: r.chatId, correction: JSON.parse(r.payload).text.startsWith('更正') }));
    expect(rows).toEqual([
      { chatId: 's1', correction: false },
      { chatId: 's2', correction: false },
      { chatId: 's1', correction: true },
      { chatId: 's2', correction: true },
    ]);
    admin.say('移出黑名单 1');
    expect(text(admin)).toContain('已经在');
    expect(text(admin)).toContain('没有改动');
    // Members see a removed merchant only through its verified reports; an admin sees when and why.
    expect(new Driver(app, 'm0', 'telegram').say('查商家 小年卡盟')[0].text).toContain('暂无关于');
    admin.say('查商家 小年卡盟');
    expect(text(admin)).toContain('已于 11月20日 移出。原因：商家已全部退款');
    expect(text(admin)).toContain('管理员可见：商家 #1');

    fileReport(new Driver(app, 'r', 'telegram'), '黑心卡盟');
    admin.say('审核');
    admin.press('bl:ap:1');
    const m = new Driver(app, 'm', 'telegram');
    expect(m.say('查商家 黑心卡盟')[0].text).toContain('有 1 次已核实的举报');
    admin.press('bl:ua:1');
    expect(text(admin)).toContain('已撤回对举报 #1 的通过');
    expect(m.say('查商家 黑心卡盟')[0].text).toContain('暂无关于');
  });
});

describe('5, 6 — lists that scale', () => {
  it('群发状态 hides cancelled drafts and pages; a preview with nobody to send to cannot be confirmed', () => {
    const admin = setup();
    admin.say('群发 没人收');
    expect(text(admin)).toContain('无法发送，只能取消');
    expect(admin.last().choices?.map((c) => c.id)).toEqual(['bl:bc:1:no']);
    subscribe('s1');
    for (let i = 0; i < 12; i++) {
      admin.say(`群发 通知 ${i}`);
      admin.press(admin.choice('bl:bc:'));
    }
    for (let i = 0; i < 6; i++) {
      admin.say(`群发 草稿 ${i}`);
      admin.press(admin.choice(`bl:bc:${i + 14}:no`));
    }
    admin.say('群发状态');
    expect(text(admin)).toContain('共 12 条，第 1/2 页');
    expect(text(admin)).not.toMatch(/#\d+ 已取消/);
    expect(text(admin)).not.toContain('（共 0）');
    admin.press(admin.choice('bl:sp:2'));
    expect(text(admin)).toContain('第 2/2 页');
    admin.say('群发状态 全部');
    expect(text(admin)).toMatch(/#\d+ 已取消/);
  });

  it('订阅群列表 lists the subscribed groups per platform, for admins only', () => {
    const admin = setup({ ADMIN_IDS: `telegram:${ADMIN},qq:9000` });
    new Driver(app, ADMIN, 'telegram', 'group', '-1001').say('订阅黑名单');
    new Driver(app, '9000', 'qq', 'group', 'group:55').say('订阅黑名单');
    new Driver(app, '9000', 'qq', 'group', 'group:66').say('订阅黑名单');
    admin.say('订阅群列表');
    expect(text(admin)).toContain('共 3 个');
    expect(text(admin)).toMatch(/Telegram（1 个）：\n\s+-1001/);
    expect(text(admin)).toMatch(/QQ（2 个）：\n\s+group:55.*\n\s+group:66/);
    expect(new Driver(app, 'x', 'telegram').say('订阅群列表')[0].text).toBe('这个命令仅限管理员使用。');
  });

  it('黑名单列表 pages (typed and by button), filters by status and searches', () => {
    const admin = setup();
    for (let i = 1; i <= 25; i++) {
      admin.say(`拉黑 测试商家${String.fromCharCode(0x4e00 + i * 7)}${i} | 原因${i}`);
      if (admin.last().choices?.some((c) => c.id.startsWith('bl:nm'))) admin.press('bl:nm');
    }
    expect(app.db.prepare(`SELECT count(*) AS n FROM merchants WHERE status = 'blacklisted'`).get()).toEqual({ n: 25 });
    admin.say('黑名单列表');
    expect(text(admin)).toContain('第 1/2 页');
    const page1 = text(admin);
    admin.say('黑名单列表 2');
    expect(text(admin)).toContain('第 2/2 页');
    expect(text(admin).split('\n').slice(1).some((l) => page1.includes(l))).toBe(false);
    admin.press(admin.choice('bl:lp:1'));
    expect(text(admin)).toBe(page1);
    admin.say('移出黑名单 3 误报');
    admin.say('黑名单列表 已移出');
    expect(text(admin)).toContain('#3');
    expect(text(admin)).toContain('已移出');
    const tenth = (app.db.prepare(`SELECT name FROM merchants WHERE id = 10`).get() as { name: string }).name;
    admin.say(`黑名单列表 ${tenth}`);
    expect(text(admin)).toContain(`#10 ${tenth}`);
  });
});

describe('7, 10 — reports', () => {
  it('masks personal numbers before the admin sees them; refuses a merchant named "1"; a withdrawn report frees its slot; a rejection says what next', () => {
    const admin = setup({ REPORTS_PER_DAY: 1 });
    const u = new Driver(app, 'r', 'telegram');
    u.say('举报');
    u.say('1');
    expect(text(u)).toContain('至少 2 个字');
    u.say('黑心卡盟');
    u.say('客服QQ：123456789 让我加他，我手机 13812345678');
    u.say('100元');
    u.say('1');
    u.press('bl:rs');
    admin.say('审核');
    expect(text(admin)).not.toMatch(/13812345678|123456789/);
    expect(text(admin)).toContain('138****5678');
    u.press('bl:rw:1');
    fileReport(u, '无良发卡网');
    expect(text(u)).toContain('已提交举报 #2');
    admin.press('bl:rj:2');
    admin.say('看不出商家是谁');
    const notice = JSON.parse((app.db.prepare(`SELECT payload FROM outbox WHERE chat_id = 'r' ORDER BY id DESC LIMIT 1`).get() as { payload: string }).payload).text;
    expect(notice).toContain('未通过审核');
    expect(notice).toContain('发送“举报”重新提交');
  });

  it('screenshots sent during a report are its evidence: counted, kept as references, gone with the reporter', () => {
    const admin = setup();
    const u = new Driver(app, 'r', 'telegram');
    u.say('举报');
    for (const m of ['黑心卡盟', '付款后不发卡', '100元']) u.say(m);
    u.send([{ kind: 'photo', ref: 'PAYSHOT' }]);
    expect(text(u)).toContain('共 1 份');
    u.send([{ kind: 'photo', ref: 'CHATSHOT' }, { kind: 'document', ref: 'ORDERPDF' }]);
    expect(text(u)).toContain('共 3 份');
    u.say('好了');
    expect(text(u)).toContain('证据：3 份');
    u.press('bl:rs');
    expect(app.db.prepare(`SELECT file_ref AS ref FROM merchant_report_files ORDER BY id`).all()).toEqual([{ ref: 'PAYSHOT' }, { ref: 'CHATSHOT' }, { ref: 'ORDERPDF' }]);
    admin.say('审核');
    expect(text(admin)).toContain('证据：3 份');
    u.say('删除我的数据');
    u.press('d:yes');
    expect(app.db.prepare(`SELECT count(*) AS n FROM merchant_report_files`).get()).toEqual({ n: 0 });
  });

  it('查看附件 forwards the files by reference to an admin on the reporter\'s platform; an admin on another platform is told where they can be seen', () => {
    const admin = setup({ ADMIN_IDS: `telegram:${ADMIN},qq:qadm` });
    const u = new Driver(app, 'r', 'telegram');
    u.say('举报');
    for (const m of ['黑心卡盟', '付款后不发卡', '100元']) u.say(m);
    u.send([{ kind: 'photo', ref: 'PAYSHOT' }, { kind: 'document', ref: 'ORDERPDF' }]);
    u.say('好了');
    u.press('bl:rs');
    admin.say('审核');
    expect(admin.last().choices?.map((c) => c.label)).toContain('查看附件');
    const shown = admin.press('bl:fl:1');
    expect(shown.map((r) => r.files)).toEqual([[{ kind: 'photo', ref: 'PAYSHOT' }, { kind: 'document', ref: 'ORDERPDF' }]]);
    const qqAdmin = new Driver(app, 'qadm', 'qq', 'private', 'private:qadm');
    const elsewhere = qqAdmin.press('bl:fl:1');
    expect(elsewhere.some((r) => r.files)).toBe(false);
    expect(elsewhere[0].text).toContain('2 份附件是在 Telegram 上提交的');
    // A member cannot have them.
    expect(new Driver(app, 'm', 'telegram').press('bl:fl:1')[0].files).toBeUndefined();
  });

  it('a report from a case counts evidence files, not checklist ticks', () => {
    setup();
    const u = openCase('r', '星辰点卡店');
    const c = u.activeCase()!;
    app.engine.repo.addEvidence(c.id, 'pay_shot', 'photo', 'file-1', app.now());
    app.engine.repo.addEvidence(c.id, 'chat_shot', 'photo', 'file-2', app.now());
    app.engine.repo.addEvidence(c.id, 'pay_shot', 'tick', undefined, app.now());
    app.engine.repo.addEvidence(c.id, 'chat_shot', 'tick', undefined, app.now());
    u.say('举报');
    u.press(`bl:rc:${c.id}`);
    expect(app.db.prepare(`SELECT evidence_count AS n FROM merchant_reports`).get()).toEqual({ n: 2 });
    expect(app.db.prepare(`SELECT file_ref AS ref FROM merchant_report_files ORDER BY id`).all()).toEqual([{ ref: 'file-1' }, { ref: 'file-2' }]);
  });
});

describe('12 — consistent wording', () => {
  it('a custom broadcast carries a sender line and the unsubscribe hint; pacing only when Telegram is among the recipients; dates in one format', () => {
    const admin = setup();
    new Driver(app, 'q1', 'qq', 'private', 'private:q1').say('订阅提醒');
    admin.say('群发 今晚维护');
    admin.press(admin.choice('bl:bc:1:go'));
    expect(text(admin)).not.toContain('Telegram');
    const sent = JSON.parse(broadcastRows()[0].payload).text as string;
    expect(sent).toContain('社群管理员通知');
    expect(sent).toContain('退订提醒');
    admin.say('拉黑 小年卡盟 | 跑路');
    const page = new Driver(app, 'm', 'telegram').say('查商家 小年卡盟')[0].text;
    expect(page).toContain('（11月20日 起）');
    expect(page).not.toContain('已核实的举报：0 次');
  });
});

describe('merchant page (build item 2)', () => {
  it('shows closed-case outcomes only from 5 closed cases on, counted anonymously and kept after the cases are deleted', () => {
    const admin = setup();
    admin.say('拉黑 小年卡盟 | 跑路');
    // Each case paid 100元 unless told. 全额退款 closes at once with what was paid; 部分退款 asks the
    // amount, offers to pursue the rest, and closes on 不追了.
    const close = (id: string, outcome: string, opts: { paid?: string; refunded?: string } = {}) => {
      const u = openCase(id, '小年卡盟', opts.paid);
      u.say('结案');
      u.press(`x:${outcome}`);
      // 未退款 / 放弃 end the case for good: asked once more.
      if (outcome === 'none' || outcome === 'abandoned') u.press(`x:${outcome}:ok`);
      if (opts.refunded) {
        u.say(opts.refunded);
        expect(u.last().text).toContain('要在当前这一步继续追剩下的');
        u.say('不追了');
      }
      expect(u.last().text).toContain('已结案');
      expect(u.activeCase()).toBeUndefined();
      return u;
    };
    const users = [close('o1', 'full'), close('o2', 'partial', { refunded: '30元' }), close('o3', 'none'), close('o4', 'none')];
    const m = new Driver(app, 'm', 'telegram');
    let page = m.say('查商家 小年卡盟')[0].text;
    expect(page).toContain('不足 5 个');
    expect(page).not.toContain('全额退款');
    users.push(close('o5', 'full', { paid: '50元' }));
    page = m.say('查商家 小年卡盟')[0].text;
    expect(page).toContain('已结案的维权（匿名统计，共 5 个）：全额退款 2 个，部分退款 1 个，未退款 2 个；合计追回 180元');
    for (const u of users) {
      u.say('删除我的数据');
      u.press('d:yes');
    }
    expect(m.say('查商家 小年卡盟')[0].text).toContain('共 5 个');
  });
});

describe('issue 14 — lookups and collective complaints cost O(matches)', () => {
  it('the queries behind 查商家, 集体投诉 and its export use the case-key index, never a scan of cases', () => {
    setup();
    openCase('c1', '星辰点卡店');
    const plans = [
      `SELECT DISTINCT case_id, user_id FROM case_keys WHERE key IN (?, ?) AND open = 1 ORDER BY case_id`,
      `SELECT DISTINCT case_id, user_id FROM case_keys WHERE key IN (?, ?) AND open = 1 AND main = 1 ORDER BY case_id`,
      `SELECT DISTINCT c.case_id, c.user_id, c.created_at FROM case_keys k JOIN collective_consents c ON c.case_id = k.case_id WHERE k.key IN (?, ?) AND k.main = 1 ORDER BY c.case_id`,
      `SELECT outcome, rung, sum(n), sum(refunded) FROM merchant_outcomes WHERE key IN (?, ?) GROUP BY outcome, rung`,
    ].map((sql) => (app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('p:xingchen', 'd:x.com') as { detail: string }[]).map((r) => r.detail).join(' | '));
    for (const p of plans.slice(0, 3)) expect(p).toMatch(/SEARCH k?\s*USING (COVERING )?INDEX case_keys_key|SEARCH case_keys USING (COVERING )?INDEX case_keys_key/);
    expect(plans[2]).toMatch(/SEARCH c USING INTEGER PRIMARY KEY|SEARCH c USING (COVERING )?INDEX/);
    expect(plans[3]).toMatch(/SEARCH merchant_outcomes USING PRIMARY KEY/);
    for (const p of plans) expect(p).not.toMatch(/SCAN (cases|case_keys|collective_consents|merchant_outcomes)\b/);
    // And what they return is what the page shows.
    const admin = new Driver(app, ADMIN, 'telegram');
    fileReport(new Driver(app, 'r', 'telegram'), '星辰点卡店');
    admin.say('审核');
    admin.press('bl:ap:1');
    expect(new Driver(app, 'm', 'telegram').say('查商家 星辰點卡')[0].text).toContain('进行中的维权案件提到它的：1 个');
  });
});
