// Issue 16 on Telegram: the real grammY Bot fed updates with handleUpdate, the Bot API answered by
// the harness's transformer, broadcasts leaving through the paced lane.
import { afterEach, describe, expect, it } from 'vitest';
import { buttons, Chatter, harness, visible, type Harness } from '../adapters/telegram/harness.js';
import { registerCommands } from '../../adapters/telegram/index.js';
import { answerIntake, Driver } from '../helpers.js';

let h: Harness;
afterEach(async () => {
  await h?.app.broadcaster.stop();
  h?.close();
});

const ADMIN = { id: 42, first_name: 'Admin' };
const sub1 = { id: 3001, first_name: 'S1' };
const sub2 = { id: 3002, first_name: 'S2' };
const sub3 = { id: 3003, first_name: 'S3' };
const member = { id: 3004, first_name: 'Mia' };
const reporter = { id: 3005, first_name: 'Rita' };
const group = { id: -100888, type: 'supergroup' as const, title: '卡盟维权互助群' };

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function setup(): void {
  h = harness({ config: { ADMIN_IDS: `telegram:${ADMIN.id}` } });
  const limiter = h.app.broadcaster.telegramLimiter({ perSecond: 200 });
  h.tg.useBelowRetry(h.app.broadcaster.addTelegramLane(h.tg.sender, limiter, { idleMs: 20 }) as never);
  h.app.broadcaster.lane('telegram')!.start();
}

const texts = (chatId: number) => h.sent(chatId).map((c) => visible(c.payload.text));
const lastText = (chatId: number) => texts(chatId).at(-1) ?? '';
const say = (who: Chatter, text: string) => h.tg.bot.handleUpdate(who.text(text));

describe('community desk on Telegram', () => {
  it('1, 9 — a stale warning preview is refused after removal; the correction reaches exactly the earlier recipients', async () => {
    setup();
    const admin = new Chatter(h.clock, ADMIN);
    await say(admin, '/start');
    for (const s of [sub1, sub2]) await say(new Chatter(h.clock, s), '/alerts_on');

    // A preview, then the merchant is removed before anyone confirms: the old button does nothing.
    await say(admin, '/bl_add 小年卡盟 | 收款不发卡');
    const stale = buttons(h.sent(ADMIN.id).at(-1)).find((b) => b.text === '确认发送')!.callback_data!;
    await say(admin, '/bl_remove 1 误报');
    await h.tg.bot.handleUpdate(admin.press(stale));
    expect(texts(ADMIN.id).slice(-2).join('\n')).toContain('预览之后，这家商家已经移出黑名单');
    await new Promise((r) => setTimeout(r, 100));
    expect(texts(sub1.id).filter((t) => t.startsWith('⚠️ 商家预警'))).toEqual([]);

    // Listed again and warned: sub1 and sub2 receive it.
    await say(admin, '/bl_add 小年卡盟 | 收款不发卡');
    await h.tg.bot.handleUpdate(admin.press(buttons(h.sent(ADMIN.id).at(-1)).find((b) => b.text === '确认发送')!.callback_data!));
    await until('warnings', () => [sub1, sub2].every((s) => texts(s.id).some((t) => t.startsWith('⚠️ 商家预警'))));
    await say(new Chatter(h.clock, sub3), '/alerts_on'); // subscribed after the warning

    await say(admin, '/bl_remove 小年卡盟 商家已退款');
    const preview = h.sent(ADMIN.id).at(-1)!;
    expect(visible(preview.payload.text)).toContain('将发送给 0 个群、2 位订阅用户');
    await h.tg.bot.handleUpdate(admin.press(buttons(preview).find((b) => b.text === '确认发送')!.callback_data!));
    await until('corrections', () => [sub1, sub2].every((s) => texts(s.id).some((t) => t.startsWith('更正'))));
    await new Promise((r) => setTimeout(r, 100));
    expect(texts(sub3.id).filter((t) => t.includes('小年卡盟'))).toEqual([]);
  });

  it('2, 4 — a merchant listed by URL is found by its domain in the group; a 驳回 reason starting with 查商家 typed 20 minutes later is the reason', async () => {
    setup();
    const admin = new Chatter(h.clock, ADMIN);
    const inGroup = new Chatter(h.clock, member, group);
    await say(admin, '/bl_add https://www.kuaifa-ka.com/ | 跑路');
    await say(inGroup, '/check@refund_coach_bot kuaifa-ka.com');
    expect(lastText(group.id)).toContain('已列入黑名单');

    const rep = new Chatter(h.clock, reporter);
    for (const m of ['/report', '无良发卡网', '付款后不发卡', '100元', '2']) await say(rep, m);
    await h.tg.bot.handleUpdate(rep.press('bl:rs'));
    await say(admin, '/review');
    await h.tg.bot.handleUpdate(admin.press('bl:rj:1'));
    h.clock.now = new Date(h.clock.now.getTime() + 20 * 60_000);
    await say(admin, '查商家时没有找到这家的付款记录');
    expect(texts(ADMIN.id).slice(-2).join('\n')).toContain('举报 #1 已驳回');
    await h.tg.drainer.drainOnce();
    expect(lastText(reporter.id)).toContain('原因：查商家时没有找到这家的付款记录');
  });

  it('11 — /check is in the group command menu; the deep-link welcome and group /help say what the desk does', async () => {
    setup();
    await registerCommands(h.tg.bot, h.app.log);
    const menus = h.calls.filter((c) => c.method === 'setMyCommands');
    const group_ = menus.find((c) => c.payload.scope?.type === 'all_group_chats')!;
    const private_ = menus.find((c) => c.payload.scope?.type === 'all_private_chats')!;
    expect(group_.payload.commands.map((c: { command: string }) => c.command)).toContain('check');
    expect(private_.payload.commands.map((c: { command: string }) => c.command)).toEqual(expect.arrayContaining(['check', 'report', 'alerts_on', 'collective']));

    await say(new Chatter(h.clock, member), '/start bl');
    const welcome = lastText(member.id);
    for (const w of ['查商家', '/check', '举报', '订阅提醒', '集体投诉']) expect(welcome, w).toContain(w);
    await say(new Chatter(h.clock, member, group), '/help@refund_coach_bot');
    expect(lastText(group.id)).toContain('/check');
    expect(lastText(group.id)).toContain('私聊');
    await say(new Chatter(h.clock, member), '/help');
    for (const w of ['查商家', '举报', '订阅提醒', '集体投诉']) expect(lastText(member.id), w).toContain(w);
  });

  it('5, 6, 8, 12 — identifiers in Chinese and removable as shown, "是同一家吗？" as buttons, lists paged by button, cancelled drafts hidden, a custom broadcast signed', async () => {
    setup();
    const admin = new Chatter(h.clock, ADMIN);
    await say(admin, '/start');
    await say(new Chatter(h.clock, sub1), '/alerts_on');
    await say(admin, '/bl_add 小年卡盟 | 收款不发卡');
    await h.tg.bot.handleUpdate(admin.press('bl:bc:1:no'));
    await say(admin, '/bl_edit 小年卡盟 标识 QQ:12345678');
    expect(lastText(ADMIN.id)).toContain('QQ:12345678');
    await say(admin, '/bl_edit 1 删标识 QQ:12345678');
    expect(lastText(ADMIN.id)).not.toContain('12345678');
    await say(admin, '/bl_add xiaonian卡盟 | 又跑路');
    expect(lastText(ADMIN.id)).toContain('是同一家吗');
    const same = buttons(h.sent(ADMIN.id).at(-1));
    expect(same.map((b) => b.callback_data)).toEqual(['bl:sm:1', 'bl:nm']);
    await h.tg.bot.handleUpdate(admin.press('bl:sm:1'));
    expect(texts(ADMIN.id).slice(-2).join('\n')).toContain('已将“小年卡盟”（#1）列入黑名单。原因：又跑路');
    await h.tg.bot.handleUpdate(admin.press('bl:bc:2:no'));

    for (let i = 0; i < 22; i++) {
      await say(admin, `/bl_add 测试${String.fromCharCode(0x4e00 + 300 + i * 13)}${String.fromCharCode(0x4e00 + 900 + i * 17)}商城 | 原因${i}`);
      if (buttons(h.sent(ADMIN.id).at(-1)).some((b) => b.callback_data === 'bl:nm')) await h.tg.bot.handleUpdate(admin.press('bl:nm'));
    }
    await say(admin, '/bl_list');
    const list = h.sent(ADMIN.id).at(-1)!;
    expect(visible(list.payload.text)).toContain('第 1/2 页');
    expect(buttons(list)).toEqual([{ text: '下一页', callback_data: 'bl:lp:2' }]);
    await h.tg.bot.handleUpdate(admin.press('bl:lp:2'));
    expect(lastText(ADMIN.id)).toContain('第 2/2 页');

    await say(admin, '/broadcast 今晚维护，暂停查询一小时');
    const go = buttons(h.sent(ADMIN.id).at(-1)).find((b) => b.text === '确认发送')!.callback_data!;
    await h.tg.bot.handleUpdate(admin.press(go));
    await until('custom broadcast', () => texts(sub1.id).some((t) => t.includes('今晚维护')));
    const got = texts(sub1.id).find((t) => t.includes('今晚维护'))!;
    expect(got).toContain('社群管理员通知');
    expect(got).toContain('退订提醒');
    await say(admin, '/bc_status');
    expect(lastText(ADMIN.id)).toContain('共 1 条');
    expect(lastText(ADMIN.id)).not.toMatch(/#\d+ 已取消/);
  });

  it('3 — 查看附件 on the review card forwards the reporter\'s screenshot by its file_id (sendPhoto); the outbox keeps no reference once sent', async () => {
    setup();
    const admin = new Chatter(h.clock, ADMIN);
    const rep = new Chatter(h.clock, reporter);
    for (const m of ['/report', '无良发卡网', '付款后不发卡', '100元']) await say(rep, m);
    await h.tg.bot.handleUpdate(rep.photo('AgACPAYSHOT'));
    await say(rep, '好了');
    await h.tg.bot.handleUpdate(rep.press('bl:rs'));
    await say(admin, '/review');
    const card = h.sent(ADMIN.id).at(-1)!;
    const view = buttons(card).find((b) => b.text === '查看附件');
    expect(view?.callback_data).toBe('bl:fl:1');
    await h.tg.bot.handleUpdate(admin.press(view!.callback_data!));
    expect(lastText(ADMIN.id)).toContain('举报 #1 的附件（1 份）');
    const photos = h.calls.filter((c) => c.method === 'sendPhoto');
    expect(photos.map((c) => [String(c.payload.chat_id), c.payload.photo])).toEqual([[String(ADMIN.id), 'AgACPAYSHOT']]);
    expect(h.app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE payload LIKE '%AgACPAYSHOT%'`).get()).toEqual({ n: 0 });
  });

  it('8 — added to a group (my_chat_member), the bot welcomes the members: /check because of privacy mode, what it does there, the private chat for the rest; once', async () => {
    setup();
    const added = (id: number, from: string, to: string, by = member) => ({
      update_id: id,
      my_chat_member: {
        chat: group,
        from: { ...by, is_bot: false },
        date: Math.floor(h.clock.now.getTime() / 1000),
        old_chat_member: { status: from, user: { id: 1, is_bot: true, first_name: 'Bot' } },
        new_chat_member: { status: to, user: { id: 1, is_bot: true, first_name: 'Bot' } },
      },
    }) as never;
    await h.tg.bot.handleUpdate(added(910001, 'left', 'member'));
    const welcome = h.sent(group.id);
    expect(welcome).toHaveLength(1);
    const said = visible(welcome[0].payload.text);
    for (const w of ['/check', '查商家', '私聊', '订阅黑名单']) expect(said, w).toContain(w);
    expect(buttons(welcome[0])).toEqual([{ text: expect.any(String), url: 'https://t.me/refund_coach_bot?start=bl' }]);
    // Promoted to administrator, or the same update again: no second welcome.
    await h.tg.bot.handleUpdate(added(910002, 'member', 'administrator'));
    await h.tg.bot.handleUpdate(added(910001, 'left', 'member'));
    expect(h.sent(group.id)).toHaveLength(1);
    // Removed and added again: welcomed again; the chat is reachable again.
    await h.tg.bot.handleUpdate(added(910003, 'member', 'left'));
    await h.tg.bot.handleUpdate(added(910004, 'left', 'administrator'));
    expect(h.sent(group.id)).toHaveLength(2);
    expect(h.app.outbox.isUnreachable('telegram', String(group.id))).toBe(false);
  });

  it('merchant page — closed-case outcomes appear in the group and in private only from the 5th closed case (k-anonymity)', async () => {
    setup();
    const admin = new Chatter(h.clock, ADMIN);
    await say(admin, '/bl_add 小年卡盟 | 跑路');
    await h.tg.bot.handleUpdate(admin.press('bl:bc:1:no'));
    // Each case paid 100元 unless told; 全额退款 closes at once with what was paid; 部分退款 asks the
    // amount, offers to pursue the rest, and closes on 不追了.
    const close = (id: string, outcome: string, opts: { paid?: string; refunded?: string } = {}) => {
      const u = new Driver(h.app, id, 'telegram');
      u.press('s:not_received');
      answerIntake(u, { merchant: { text: '小年卡盟' }, amount: { text: opts.paid ?? '100元' } });
      u.say('结案');
      u.press(`x:${outcome}`);
      // 未退款 / 放弃 end the case for good: asked once more.
      if (outcome === 'none' || outcome === 'abandoned') u.press(`x:${outcome}:ok`);
      if (opts.refunded) {
        u.say(opts.refunded);
        expect(u.last().text).toContain('要在当前这一步继续追剩下的');
        u.press(u.choice('x:partial')); // the 不追了，结案 button
      }
      expect(u.last().text).toContain('已结案');
      expect(u.activeCase()).toBeUndefined();
    };
    close('5001', 'full');
    close('5002', 'partial', { refunded: '30元' });
    close('5003', 'none');
    close('5004', 'none');
    const inGroup = new Chatter(h.clock, member, group);
    await say(inGroup, '/check@refund_coach_bot 小年卡盟');
    expect(lastText(group.id)).toContain('已列入黑名单');
    expect(lastText(group.id)).not.toContain('全额退款');
    await say(new Chatter(h.clock, member), '/check 小年卡盟');
    expect(lastText(member.id)).toContain('不足 5 个');
    expect(lastText(member.id)).not.toContain('全额退款');
    close('5005', 'full', { paid: '50元' });
    await say(inGroup, '/check@refund_coach_bot 小年卡盟');
    expect(lastText(group.id)).toContain('全额退款 2 个，部分退款 1 个，未退款 2 个；合计追回 180元');
    await say(new Chatter(h.clock, member), '/check 小年卡盟');
    expect(lastText(member.id)).toContain('已结案的维权（匿名统计，共 5 个）');
  });
});

