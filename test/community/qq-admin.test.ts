// Issue 16 on QQ through the real OneBot adapter (startQQ against the fake OneBot peer on
// 127.0.0.1; numbered choices typed as numbers): a preview made stale by another admin is refused
// when its number is typed, and an admin's 驳回 prompt takes a reason starting with 查商家.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { startQQ, type QQHandle } from '../../adapters/qq/index.js';
import { FakeOneBot, type SentMessage } from '../adapters/qq/fake-onebot.js';
import { numberOf } from '../adapters/qq/harness.js';

const SELF = 3889000003;
const ADMIN_A = 10011;
const ADMIN_B = 10012;
let app: App | undefined;
let qq: QQHandle | undefined;
let peer: FakeOneBot | undefined;

afterEach(async () => {
  await qq?.stop();
  await peer?.close();
  await app?.broadcaster.stop();
  app?.close();
  qq = peer = app = undefined;
});

async function until(what: string, check: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(peer?.sent.map((s) => s.text).slice(-5))}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function say(user: number, text: string, expectContains: string): Promise<string[]> {
  const before = peer!.sent.length;
  peer!.privateMessage(user, text);
  const mine = (s: SentMessage) => s.userId === user;
  await until(`reply to ${text}`, () => peer!.sent.slice(before).some((s) => mine(s) && s.text.includes(expectContains)));
  await new Promise((r) => setTimeout(r, 30));
  return peer!.sent.slice(before).filter(mine).map((s) => s.text);
}

describe('community desk on QQ (OneBot v11)', () => {
  it('1, 4 — a preview another admin made stale is refused when its number is typed; a 驳回 reason starting with 查商家 is the reason', async () => {
    peer = new FakeOneBot(SELF);
    const url = await peer.listen();
    app = createApp(testConfig({ ONEBOT_SELF_ID: String(SELF), ONEBOT_ENDPOINT: url, QQ_GROUP_SEND_INTERVAL_MS: 50, ADMIN_IDS: `qq:${ADMIN_A},qq:${ADMIN_B}` }));
    qq = await startQQ(app, { drainIdleMs: 30 });
    await until('bot online', () => qq!.ctx.bots.some((b) => b.platform === 'onebot' && b.status === 1));

    await say(20011, '订阅提醒', '已开启商家预警');
    await say(ADMIN_A, '开始', '');
    await say(ADMIN_B, '开始', '');
    const preview = await say(ADMIN_A, '拉黑 小年卡盟 | 收款不发卡', '群发预览');
    await say(ADMIN_B, '移出黑名单 小年卡盟 误报', '移出黑名单');
    const refused = await say(ADMIN_A, String(numberOf(preview, '确认发送')), '没有发送');
    expect(refused.join('\n')).toContain('预览之后，这家商家已经移出黑名单');
    expect(app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'broadcast'`).get()).toEqual({ n: 0 });

    for (const [m, wait] of [['举报', '商家名称'], ['无良发卡网', '发生了什么'], ['付款后不发卡', '金额'], ['100元', '证据']] as const) await say(20012, m, wait);
    const summary = await say(20012, '2', '提交举报');
    await say(20012, String(numberOf(summary, '提交举报')), '已提交举报');
    const card = await say(ADMIN_A, '审核', '举报 #1');
    await say(ADMIN_A, String(numberOf(card, '驳回')), '驳回原因');
    await say(ADMIN_A, '查商家时没有找到付款记录', '已驳回');
    expect(app.db.prepare(`SELECT status, decision_reason AS r FROM merchant_reports WHERE id = 1`).get()).toEqual({ status: 'rejected', r: '查商家时没有找到付款记录' });
  });

  it('3, 8 — 查看附件 sends the screenshot as an image segment by url; notice.group_increase for the bot itself gets the group welcome', async () => {
    peer = new FakeOneBot(SELF);
    const url = await peer.listen();
    app = createApp(testConfig({ ONEBOT_SELF_ID: String(SELF), ONEBOT_ENDPOINT: url, QQ_GROUP_SEND_INTERVAL_MS: 50, ADMIN_IDS: `qq:${ADMIN_A}` }));
    qq = await startQQ(app, { drainIdleMs: 30 });
    await until('bot online', () => qq!.ctx.bots.some((b) => b.platform === 'onebot' && b.status === 1));

    for (const [m, wait] of [['举报', '商家名称'], ['无良发卡网', '发生了什么'], ['付款后不发卡', '金额'], ['100元', '证据']] as const) await say(20013, m, wait);
    const pic = 'https://multimedia.nt.qq.com.cn/download?appid=1407&fileid=PAY1';
    const before = peer.sent.length;
    peer.privateMessage(20013, [{ type: 'image', data: { file: 'PAY1.jpg', url: pic } }]);
    await until('evidence counted', () => peer!.sent.slice(before).some((s) => s.text.includes('共 1 份')));
    const summary = await say(20013, '好了', '提交举报');
    await say(20013, String(numberOf(summary, '提交举报')), '已提交举报');
    const card = await say(ADMIN_A, '审核', '举报 #1');
    const from = peer.sent.length;
    await say(ADMIN_A, String(numberOf(card, '查看附件')), '举报 #1 的附件');
    await until('image sent', () => peer!.sent.slice(from).some((s) => s.segments.some((g) => g.type === 'image')));
    const image = peer.sent.slice(from).flatMap((s) => s.segments).find((g) => g.type === 'image')!;
    expect(image.data.file ?? image.data.url).toBe(pic);

    const group = 70001;
    const n = peer.sent.length;
    peer.push({ post_type: 'notice', notice_type: 'group_increase', sub_type: 'invite', group_id: group, user_id: SELF, operator_id: 20014 });
    await until('welcome', () => peer!.sent.slice(n).some((s) => s.groupId === group));
    const welcome = peer.sent.slice(n).filter((s) => s.groupId === group);
    expect(welcome).toHaveLength(1);
    expect(welcome[0].text).toContain('/check');
    expect(welcome[0].text).toContain(`QQ 号 ${SELF}`);
    // Another member joining is not the bot being added.
    peer.push({ post_type: 'notice', notice_type: 'group_increase', sub_type: 'approve', group_id: group, user_id: 20015, operator_id: 20014 });
    await new Promise((r) => setTimeout(r, 150));
    expect(peer.sent.filter((s) => s.groupId === group)).toHaveLength(1);
  });

  it('9 — the correction after 移出黑名单 reaches exactly the group and subscribers warned earlier, not a later subscriber', async () => {
    peer = new FakeOneBot(SELF);
    const url = await peer.listen();
    app = createApp(testConfig({ ONEBOT_SELF_ID: String(SELF), ONEBOT_ENDPOINT: url, QQ_GROUP_SEND_INTERVAL_MS: 20, ADMIN_IDS: `qq:${ADMIN_A}` }));
    qq = await startQQ(app, { drainIdleMs: 30 });
    await until('bot online', () => qq!.ctx.bots.some((b) => b.platform === 'onebot' && b.status === 1));
    const group = 70009;
    const g0 = peer.sent.length;
    peer.groupMessage(group, ADMIN_A, '订阅黑名单');
    await until('group subscribed', () => peer!.sent.slice(g0).some((s) => s.groupId === group));
    for (const u of [20031, 20032]) await say(u, '订阅提醒', '已开启商家预警');

    const preview = await say(ADMIN_A, '拉黑 小年卡盟 | 收款不发卡', '群发预览');
    await say(ADMIN_A, String(numberOf(preview, '确认发送')), '');
    const warned = (to: (s: SentMessage) => boolean) => peer!.sent.filter((s) => to(s) && s.text.includes('商家预警'));
    await until('warnings', () => [20031, 20032].every((u) => warned((s) => s.userId === u).length > 0) && warned((s) => s.groupId === group).length > 0);
    await say(20033, '订阅提醒', '已开启商家预警'); // after the warning

    const correction = await say(ADMIN_A, '移出黑名单 小年卡盟 商家已退款', '将发送给');
    expect(correction.join('\n')).toContain('将发送给 1 个群、2 位订阅用户');
    await say(ADMIN_A, String(numberOf(correction, '确认发送')), '');
    const corrected = (to: (s: SentMessage) => boolean) => peer!.sent.filter((s) => to(s) && s.text.startsWith('更正'));
    await until('corrections', () => [20031, 20032].every((u) => corrected((s) => s.userId === u).length === 1) && corrected((s) => s.groupId === group).length === 1);
    await new Promise((r) => setTimeout(r, 150));
    expect(peer.sent.filter((s) => s.userId === 20033 && s.text.includes('小年卡盟'))).toEqual([]);
    expect(corrected(() => true)).toHaveLength(3);
  });
});

