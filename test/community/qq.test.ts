// Blacklist end to end on QQ: the real OneBot adapter started by startQQ against the fake OneBot
// implementation on 127.0.0.1 (numbered choices typed as numbers), broadcasts drained paced; and
// refusals through the Koishi mock harness.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { startQQ, type QQHandle } from '../../adapters/qq/index.js';
import { FakeOneBot, type SentMessage } from '../adapters/qq/fake-onebot.js';
import { mockQQ, numberOf, type Harness } from '../adapters/qq/harness.js';

const SELF = 3889000002;
const ADMIN = 10009;
let app: App | undefined;
let qq: QQHandle | undefined;
let peer: FakeOneBot | undefined;
let mock: Harness | undefined;

afterEach(async () => {
  await qq?.stop();
  await peer?.close();
  await app?.broadcaster.stop();
  app?.close();
  await mock?.stop();
  qq = peer = app = mock = undefined;
});

async function until(what: string, check: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(peer?.sent.map((s) => s.text).slice(-5))}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Sends a message and waits for the bot's answer(s) to it; returns their texts. */
async function say(from: { user: number; group?: number }, text: string, expectContains?: string): Promise<string[]> {
  const before = peer!.sent.length;
  if (from.group) peer!.groupMessage(from.group, from.user, text);
  else peer!.privateMessage(from.user, text);
  const mine = (s: SentMessage) => (from.group ? s.groupId === from.group : s.userId === from.user);
  await until(`reply to ${text}`, () => peer!.sent.slice(before).some(mine) && (!expectContains || peer!.sent.slice(before).some((s) => mine(s) && s.text.includes(expectContains))));
  await new Promise((r) => setTimeout(r, 30));
  return peer!.sent.slice(before).filter(mine).map((s) => s.text);
}

describe('blacklist on QQ (OneBot v11)', () => {
  it('lookup miss, report → review → approve and list → paced broadcast to the subscribed group and subscriber; hits after', async () => {
    peer = new FakeOneBot(SELF);
    const url = await peer.listen();
    app = createApp(testConfig({ ONEBOT_SELF_ID: String(SELF), ONEBOT_ENDPOINT: url, QQ_GROUP_SEND_INTERVAL_MS: 100, ADMIN_IDS: `qq:${ADMIN}` }));
    qq = await startQQ(app, { drainIdleMs: 30 });
    await until('bot online', () => qq!.ctx.bots.some((b) => b.platform === 'onebot' && b.status === 1));

    const member = { user: 20001, group: 88001 };
    const adminInGroup = { user: ADMIN, group: 88001 };
    const admin = { user: ADMIN };
    const reporter = { user: 20003 };

    expect((await say(member, '查商家 小年卡盟'))[0]).toContain('暂无关于“小年卡盟”的记录');
    expect((await say(adminInGroup, '订阅黑名单'))[0]).toContain('本群已订阅黑名单预警');
    expect((await say({ user: 20002 }, '订阅提醒'))[0]).toContain('已开启商家预警');
    expect((await say(member, '拉黑 小年卡盟 | 跑路'))[0]).toBe('这个命令仅限管理员使用。');
    expect((await say({ user: 20001 }, '审核'))[0]).toBe('这个命令仅限管理员使用。');

    await say(reporter, '举报', '商家名称');
    await say(reporter, '小年卡盟', '发生了什么');
    await say(reporter, '付款后不发卡，客服失联', '金额');
    await say(reporter, '100元', '证据');
    const summary = await say(reporter, '2', '提交举报');
    expect((await say(reporter, String(numberOf(summary, '提交举报')), '已提交举报 #1'))[0]).toContain('你的身份不会公开');

    await say(admin, '开始');
    const card = await say(admin, '审核', '举报 #1');
    await say(admin, String(numberOf(card, '通过并拉黑')), '拉黑原因');
    const preview = await say(admin, '收款后不发卡，多人举报', '群发预览');
    expect(preview.join('\n')).toContain('将发送给 1 个群、1 位订阅用户（QQ 2）');
    await say(admin, String(numberOf(preview, '确认发送')), '群发 #1 已开始');

    const warnings = () => peer!.sent.filter((s) => s.text.startsWith('⚠️ 商家预警：“小年卡盟”'));
    await until('warnings delivered', () => warnings().length === 2);
    expect(warnings().map((s) => s.groupId ?? s.userId).sort()).toEqual([20002, 88001]);
    // The drainer paces every unprompted QQ send (QQ_GROUP_SEND_INTERVAL_MS).
    const [w1, w2] = warnings();
    expect(Math.abs(w2.at - w1.at)).toBeGreaterThanOrEqual(95);

    await until('rows sent', () => !(app!.db.prepare(`SELECT 1 FROM outbox WHERE kind = 'broadcast' AND status <> 'sent'`).get()));
    app.broadcaster.tick();
    await until('summary', () => peer!.sent.some((s) => s.userId === ADMIN && s.text.startsWith('群发 #1 完成：已发送 2，失败 0，跳过 0')));
    await until('reporter told', () => peer!.sent.some((s) => s.userId === 20003 && s.text.includes('已通过审核')));

    const hit = await say(member, '查商家 xiaonian 卡盟');
    expect(hit[0]).toContain('“小年卡盟”已列入黑名单');
    expect(hit[0]).toContain('收款后不发卡，多人举报');
    expect(hit[0]).not.toContain('20003');
    expect((await say(member, '查商家 大年卡盟'))[0]).toContain('暂无关于');
  });
});

describe('blacklist on QQ (Koishi mock)', () => {
  it('refuses admin commands to members in private and in groups; a member sees no case in the group', async () => {
    mock = await mockQQ();
    const dm = mock.user('30009');
    await dm.receive('退款');
    await dm.receive('1');
    await dm.receive('秘密卡盟');
    await dm.receive('隐私测试店');
    const inGroup = mock.member('30009', '88009');
    for (const c of ['审核', '拉黑 秘密卡盟 | 跑路', '群发 大家好', '群发状态', '黑名单列表', '订阅黑名单', '导出集体投诉 隐私测试店']) {
      expect(await dm.receive(c), c).toEqual(['这个命令仅限管理员使用。']);
      expect(await inGroup.receive(c), `group ${c}`).toEqual(['这个命令仅限管理员使用。']);
    }
    const said = [...(await inGroup.receive('查商家 隐私测试店')), ...(await inGroup.receive('举报'))];
    expect(said.join('\n')).not.toMatch(/秘密卡盟|#\d/);
    expect(said[0]).toContain('暂无关于');
    expect(said[1]).toContain('私聊');
    expect(mock.app.db.prepare(`SELECT count(*) AS n FROM alert_groups`).get()).toEqual({ n: 0 });
  });
});
