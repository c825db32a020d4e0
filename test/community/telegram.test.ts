// Blacklist end to end on Telegram: the real grammY Bot (createBot) fed updates with handleUpdate,
// the Bot API answered by the harness's transformer, broadcasts leaving through the paced lane.
import { afterEach, describe, expect, it } from 'vitest';
import { buttons, Chatter, harness, visible, type Harness } from '../adapters/telegram/harness.js';

let h: Harness;
afterEach(async () => {
  await h?.app.broadcaster.stop();
  h?.close();
});

const ADMIN = { id: 42, first_name: 'Admin' };
const reporter = { id: 2001, first_name: 'Rita' };
const subscriber = { id: 2002, first_name: 'Sam' };
const member = { id: 2003, first_name: 'Mia' };
const group = { id: -100777, type: 'supergroup' as const, title: '卡盟维权互助群' };

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

const lastText = (chatId: number) => visible(h.sent(chatId).at(-1)?.payload.text ?? '');

describe('blacklist on Telegram', () => {
  it('lookups in group and private: miss, then hit after report → review → approve → broadcast to subscribers', async () => {
    setup();
    const tg = h.tg.bot;
    const adminPm = new Chatter(h.clock, ADMIN);
    const adminInGroup = new Chatter(h.clock, ADMIN, group);
    const memberInGroup = new Chatter(h.clock, member, group);
    const rep = new Chatter(h.clock, reporter);
    const sub = new Chatter(h.clock, subscriber);

    await tg.handleUpdate(memberInGroup.text('/check@refund_coach_bot 小年卡盟'));
    expect(lastText(group.id)).toContain('暂无关于“小年卡盟”的记录');
    await tg.handleUpdate(adminPm.text('/start'));
    await tg.handleUpdate(adminInGroup.text('/bl_sub@refund_coach_bot'));
    expect(lastText(group.id)).toContain('本群已订阅黑名单预警');
    await tg.handleUpdate(sub.text('/alerts_on'));
    expect(lastText(subscriber.id)).toContain('已开启商家预警');

    for (const m of ['/report', '小年卡盟', '付款后不发卡，客服失联', '100元', '2']) await tg.handleUpdate(rep.text(m));
    expect(buttons(h.sent(reporter.id).at(-1)).map((b) => b.callback_data)).toEqual(['bl:rs', 'bl:rx']);
    await tg.handleUpdate(rep.press('bl:rs'));
    expect(lastText(reporter.id)).toContain('已提交举报 #1');
    // Not public before review.
    await tg.handleUpdate(memberInGroup.text('/check@refund_coach_bot 小年卡盟'));
    expect(lastText(group.id)).toContain('暂无关于');

    // A member is no admin, in the group or in private.
    await tg.handleUpdate(memberInGroup.text('/bl_add@refund_coach_bot 小年卡盟 | 跑路'));
    expect(lastText(group.id)).toBe('这个命令仅限管理员使用。');
    await tg.handleUpdate(new Chatter(h.clock, member).text('/review'));
    expect(lastText(member.id)).toBe('这个命令仅限管理员使用。');
    await tg.handleUpdate(new Chatter(h.clock, member).press('bl:ab:1'));
    expect(lastText(member.id)).toBe('这个命令仅限管理员使用。');

    await tg.handleUpdate(adminPm.text('/review'));
    expect(buttons(h.sent(ADMIN.id).at(-1)).map((b) => b.callback_data)).toEqual(['bl:ap:1', 'bl:ab:1', 'bl:rj:1', 'bl:sk:1']);
    await tg.handleUpdate(adminPm.press('bl:ab:1'));
    await tg.handleUpdate(adminPm.text('收款后不发卡，多人举报'));
    const preview = h.sent(ADMIN.id).at(-1)!;
    expect(visible(preview.payload.text)).toContain('将发送给 1 个群、1 位订阅用户（Telegram 2）');
    expect(buttons(preview).map((b) => b.callback_data)).toEqual(['bl:bc:1:go', 'bl:bc:1:no']);
    await tg.handleUpdate(adminPm.press('bl:bc:1:go'));
    expect(lastText(ADMIN.id)).toContain('群发 #1 已开始：共 2 个接收方');

    await until('warning delivered', () => h.sent(subscriber.id).length === 2 && h.sent(group.id).some((c) => visible(c.payload.text).includes('商家预警')));
    expect(lastText(subscriber.id)).toContain('⚠️ 商家预警：“小年卡盟”已被列入黑名单');
    expect(h.sent(group.id).filter((c) => visible(c.payload.text).includes('商家预警'))).toHaveLength(1);
    const marked = () => (h.app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'broadcast' AND status = 'sent'`).get() as { n: number }).n;
    await until('rows marked', () => marked() === 2);

    // The summary, and the reporter's notice, go out through the ordinary drainer.
    h.app.broadcaster.tick();
    await h.tg.drainer.drainOnce();
    expect(lastText(ADMIN.id)).toBe('群发 #1 完成：已发送 2，失败 0，跳过 0（屏蔽/退群/已删除），等待对方下次发消息时送达 0（共 2）。');
    expect(h.sent(reporter.id).map((c) => visible(c.payload.text)).join('\n')).toContain('举报 #1（小年卡盟）已通过审核');

    for (const q of ['/check@refund_coach_bot xiaonian 卡盟', '/check@refund_coach_bot www.XiaoNian.com']) {
      await tg.handleUpdate(memberInGroup.text(q));
      expect(lastText(group.id)).toContain('“小年卡盟”已列入黑名单');
      expect(lastText(group.id)).not.toContain('Rita');
    }
    await tg.handleUpdate(memberInGroup.text('/check@refund_coach_bot 大年卡盟'));
    expect(lastText(group.id)).toContain('暂无关于');
  });
});
