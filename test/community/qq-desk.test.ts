// Issue 16 on QQ through the Koishi mock harness (a real Koishi Context): a merchant stored by its
// URL is found by its domain and QQ number in a group, and help in private and in groups says what
// the community desk does.
import { afterEach, describe, expect, it } from 'vitest';
import { h as h_ } from '@koishijs/core';
import { mockQQ, numberOf, type Harness } from '../adapters/qq/harness.js';
import { answerIntake, Driver } from '../helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('community desk on QQ (Koishi mock)', () => {
  it('2 — merchants stored by URL or QQ number are found by domain and number', async () => {
    h = await mockQQ();
    const now = h.app.now();
    for (const [name, reason] of [['https://www.kuaifa-ka.com/', '跑路'], ['QQ 99887766', '收款拉黑']]) {
      const m = h.app.blacklist.addMerchant(name, 'reported', null, now);
      h.app.blacklist.store.updateMerchant(m.id, { status: 'blacklisted', reason }, now);
    }
    const inGroup = h.member('40001', '98001');
    expect((await inGroup.receive('查商家 kuaifa-ka.com'))[0]).toContain('原因：跑路');
    expect((await inGroup.receive('查商家 www.kuaifa-ka.com'))[0]).toContain('原因：跑路');
    expect((await inGroup.receive('查商家 99887766'))[0]).toContain('原因：收款拉黑');
  });

  it('11 — 帮助 in private and /help in a group mention 查商家, 举报, 订阅提醒 and 集体投诉', async () => {
    h = await mockQQ();
    const help = (await h.user('40002').receive('帮助')).join('\n');
    for (const w of ['查商家', '举报', '订阅提醒', '集体投诉']) expect(help, w).toContain(w);
    const group = (await h.member('40002', '98002').receive('/help')).join('\n');
    expect(group).toContain('查商家');
    expect(group).toContain('私聊');
  });

  it('admin flows through the real Koishi Context: 拉黑 previews, a preview made stale is refused when its number is typed, review approves and rejects', async () => {
    h = await mockQQ({ config: { ADMIN_IDS: 'qq:40100,qq:40104' } });
    const admin = h.user('40100');
    await h.user('40101').receive('订阅提醒');
    const preview = await admin.receive('拉黑 小年卡盟 | 收款不发卡');
    expect(preview.join('\n')).toContain('群发预览');
    expect(preview.join('\n')).toContain('已将“小年卡盟”（#1）列入黑名单');
    // Another admin removes it; the first admin then types the old preview's number.
    expect((await h.user('40104').receive('移出黑名单 小年卡盟 误报')).join('\n')).toContain('移出黑名单');
    const refused = (await admin.receive(String(numberOf(preview, '确认发送')))).join('\n');
    expect(refused).toContain('预览之后，这家商家已经移出黑名单');
    expect(h.app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'broadcast'`).get()).toEqual({ n: 0 });

    for (const [u, merchant] of [['40102', '无良发卡网'], ['40103', '黑心卡盟']] as const) {
      const r = h.user(u);
      for (const m of ['举报', merchant, '付款后不发卡', '100元']) await r.receive(m);
      const summary = await r.receive('2');
      expect((await r.receive(String(numberOf(summary, '提交举报')))).join('\n')).toContain('已提交举报');
    }
    const card = await admin.receive('审核');
    expect(card.join('\n')).toContain('举报 #1');
    const next = await admin.receive(String(numberOf(card, /^通过（/)));
    expect(next.join('\n')).toContain('举报 #1 已通过');
    expect(next.join('\n')).toContain('举报 #2');
    await admin.receive(String(numberOf(next, '驳回')));
    expect((await admin.receive('查商家时没有找到付款记录')).join('\n')).toContain('举报 #2 已驳回');
    expect(h.app.db.prepare(`SELECT id, status, decision_reason AS r FROM merchant_reports ORDER BY id`).all()).toEqual([
      { id: 1, status: 'approved', r: null },
      { id: 2, status: 'rejected', r: '查商家时没有找到付款记录' },
    ]);
    // The same commands from a member are refused.
    expect(await h.user('40101').receive('审核')).toEqual(['这个命令仅限管理员使用。']);
  });

  it('3 — 查看附件 sends the reporter\'s picture back as an image segment by its url', async () => {
    h = await mockQQ({ config: { ADMIN_IDS: 'qq:40200' } });
    const r = h.user('40201');
    for (const m of ['举报', '无良发卡网', '付款后不发卡', '100元']) await r.receive(m);
    expect((await r.receive('<img src="https://multimedia.nt.qq.com.cn/download?id=PAY1"/>')).join('\n')).toContain('共 1 份');
    const summary = await r.receive('好了');
    await r.receive(String(numberOf(summary, '提交举报')));
    const admin = h.user('40200');
    const card = await admin.receive('审核');
    expect(card.join('\n')).toContain('证据：1 份');
    const shown = await admin.receive(String(numberOf(card, '查看附件')));
    expect(shown[0]).toContain('举报 #1 的附件（1 份）');
    expect(shown[1]).toBe('<img src="https://multimedia.nt.qq.com.cn/download?id=PAY1"/>');
  });

  it('8 — added to a group (guild-added, as OneBot reports group_increase for the bot itself), the bot welcomes the members once', async () => {
    h = await mockQQ();
    // The mock bot delivers only to a waiting client; an event has none, so its sends are recorded here.
    const sent: { channelId: string; content: string }[] = [];
    const bot = h.ctx.bots[0];
    bot.sendMessage = async (channelId, fragment) => {
      sent.push({ channelId, content: h_.normalize(fragment).join('') });
      return ['1'];
    };
    const added = (ts: number) => h!.ctx.mock.receive({ type: 'guild-added', timestamp: ts, guild: { id: '98010' }, channel: { id: '98010', type: 0 }, user: { id: '514' }, operator: { id: '40010' } });
    added(1_790_000_000_000);
    await until(() => sent.length > 0);
    expect(sent).toHaveLength(1);
    expect(sent[0].channelId).toBe('98010');
    for (const w of ['/check', '查商家', '私聊', '订阅黑名单']) expect(sent[0].content, w).toContain(w);
    added(1_790_000_000_000); // the same event again
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toHaveLength(1);
    // A member joining is not the bot being added.
    h.ctx.mock.receive({ type: 'guild-member-added', guild: { id: '98010' }, channel: { id: '98010', type: 0 }, user: { id: '40011' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toHaveLength(1);
  });

  it('merchant page — closed-case outcomes appear in the group and in private only from the 5th closed case (k-anonymity)', async () => {
    h = await mockQQ({ config: { ADMIN_IDS: 'qq:40300' } });
    expect((await h.user('40300').receive('拉黑 小年卡盟 | 跑路')).join('\n')).toContain('列入黑名单');
    // Each case paid 100元 unless told; 全额退款 closes at once with what was paid; 部分退款 asks the
    // amount, offers to pursue the rest, and closes on 不追了.
    const close = (id: string, outcome: string, opts: { paid?: string; refunded?: string } = {}) => {
      const u = new Driver(h!.app, id, 'qq', 'private', `private:${id}`);
      u.press('s:not_received');
      answerIntake(u, { merchant: { text: '小年卡盟' }, amount: { text: opts.paid ?? '100元' } });
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
    };
    close('40301', 'full');
    close('40302', 'partial', { refunded: '30元' });
    close('40303', 'none');
    close('40304', 'none');
    const inGroup = h.member('40310', '98030');
    let page = (await inGroup.receive('查商家 小年卡盟')).join('\n');
    expect(page).toContain('已列入黑名单');
    expect(page).not.toContain('全额退款');
    page = (await h.user('40310').receive('查商家 小年卡盟')).join('\n');
    expect(page).toContain('不足 5 个');
    expect(page).not.toContain('全额退款');
    close('40305', 'full', { paid: '50元' });
    expect((await inGroup.receive('查商家 小年卡盟')).join('\n')).toContain('全额退款 2 个，部分退款 1 个，未退款 2 个；合计追回 180元');
    expect((await h.user('40310').receive('查商家 小年卡盟')).join('\n')).toContain('已结案的维权（匿名统计，共 5 个）');
  });
});

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
