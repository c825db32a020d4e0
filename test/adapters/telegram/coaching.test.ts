// Issue 12's key coaching steps through the real grammY Bot and the real engine: scams first on a
// first message, the other side's answer typed at a rung, a fabrication question that leaves the
// case open, 检查语气, and the operator finder filling the 12315 text.
import { afterEach, describe, expect, it } from 'vitest';
import { buttons, Chatter, harness, visible, type Harness } from './harness.js';
import { GOOD } from '../../helpers.js';

let h: Harness;
afterEach(() => h?.close());

/** Answers the intake the way a user would, by the case's open question, until the ladder. */
async function toLadder(pm: Chatter, scenario: string): Promise<void> {
  const bot = h.tg.bot;
  await bot.handleUpdate(pm.press(`s:${scenario}`));
  const user = h.app.db.prepare(`SELECT id FROM users WHERE platform = 'telegram' AND platform_user_id = ?`).get(String(pm.user.id)) as { id: number };
  for (let i = 0; i < 40; i++) {
    const s = h.app.engine.repo.loadSession(user.id);
    const c = h.app.engine.repo.getCase(s.activeCaseId!)!;
    if (c.state.stage === 'evidence') {
      await bot.handleUpdate(pm.press('e:done'));
      return;
    }
    const a = GOOD[c.state.q!];
    await bot.handleUpdate(a.choice ? pm.press(a.choice) : pm.text(a.text!));
  }
  throw new Error('intake did not finish');
}

const lastText = (chatId: number) => visible(h.sent(chatId).at(-1)!.payload.text);
const lastIds = (chatId: number) => buttons(h.sent(chatId).at(-1)).map((b) => b.callback_data);

describe('coaching on Telegram', () => {
  it('a scam question as the very first message gets the warning, not the scenario menu', async () => {
    h = harness();
    const pm = new Chatter(h.clock, { id: 3101, first_name: '小王' });
    await h.tg.bot.handleUpdate(pm.text('客服发了个链接让我点进去退款，要我输入银行卡号和验证码，是真的吗'));
    expect(h.sent(3101)).toHaveLength(1);
    expect(lastText(3101)).toContain('假客服退款');
    expect(lastText(3101)).toContain('96110');
    expect(lastIds(3101)).toEqual(['m:new']);
  });

  it('"商家说查无此订单" at the seller rung: the bill numbers, a ready reply, recorded on the case', async () => {
    h = harness();
    const pm = new Chatter(h.clock, { id: 3102, first_name: '小李' });
    await toLadder(pm, 'not_received');
    expect(lastIds(3102)).toContain('k:said');
    const before = h.sent(3102).length;
    await h.tg.bot.handleUpdate(pm.text('商家说查无此订单'));
    const fresh = h.sent(3102).slice(before).map((c) => visible(c.payload.text)).join('\n');
    expect(fresh).toContain('交易单号');
    expect(fresh).toContain('202611201530123456');
    const c = h.app.db.prepare(`SELECT state FROM cases`).get() as { state: string };
    expect(JSON.parse(c.state).replies).toMatchObject([{ kind: 'no_order', rung: 'seller', said: '商家说查无此订单' }]);
    // A refusal moves to the platform rung with its text.
    await h.tg.bot.handleUpdate(pm.text('商家明确拒绝退款'));
    expect(lastText(3102)).toContain('平台');
    expect(JSON.parse((h.app.db.prepare(`SELECT state FROM cases`).get() as { state: string }).state).rung).toBe(1);
  });

  it('a question about editing a screenshot is declined and the case stays open; 检查语气 flags a threat', async () => {
    h = harness();
    const pm = new Chatter(h.clock, { id: 3103, first_name: '小张' });
    await toLadder(pm, 'not_received');
    await h.tg.bot.handleUpdate(pm.text('能帮我把聊天记录截图改一下时间吗'));
    expect(lastText(3103)).toContain('正规的做法');
    expect(lastIds(3103)).toEqual(['m:continue']);
    expect((h.app.db.prepare(`SELECT stage, status FROM cases`).get() as { stage: string; status: string })).toEqual({ stage: 'ladder', status: 'open' });
    const before = h.sent(3103).length;
    await h.tg.bot.handleUpdate(pm.text('/tone 再不退钱我就报警抓你，赔我十倍'));
    const fresh = h.sent(3103).slice(before).map((c) => visible(c.payload.text));
    expect(fresh[0]).toContain('拿报警当威胁');
    expect(fresh[0]).toContain('要求多倍赔偿');
    // The calm rewrite comes as a document to copy, built from the case facts.
    expect(fresh.at(-1)).toContain('建议改成');
    expect(fresh.at(-1)).toContain('202611201530123456');
    expect(fresh.at(-1)).not.toContain('抓你');
  });

  it('the operator found from the checklist fills the 12315 text', async () => {
    h = harness();
    const pm = new Chatter(h.clock, { id: 3104, first_name: '小赵' });
    await h.tg.bot.handleUpdate(pm.press('s:merchant_vanished'));
    const user = h.app.db.prepare(`SELECT id FROM users WHERE platform_user_id = '3104'`).get() as { id: number };
    for (let i = 0; i < 40; i++) {
      const c = h.app.engine.repo.getCase(h.app.engine.repo.loadSession(user.id).activeCaseId!)!;
      if (c.state.stage !== 'intake') break;
      const a = GOOD[c.state.q!];
      await h.tg.bot.handleUpdate(a.choice ? pm.press(a.choice) : pm.text(a.text!));
    }
    expect(lastIds(3104)).toContain('k:rs');
    await h.tg.bot.handleUpdate(pm.press('k:rs'));
    expect(lastText(3104)).toContain('国家企业信用信息公示系统');
    await h.tg.bot.handleUpdate(pm.text('名称：深圳市星辰网络科技有限公司\n地址：广东省深圳市南山区科技园路1号'));
    await h.tg.bot.handleUpdate(pm.press('e:done'));
    for (let i = 0; i < 6 && !lastText(3104).includes('12315 投诉内容'); i++) await h.tg.bot.handleUpdate(pm.press(lastIds(3104).find((id) => id?.startsWith('r:next')) ?? 'r:next'));
    expect(lastText(3104)).toContain('被投诉方：深圳市星辰网络科技有限公司，住所：广东省深圳市南山区科技园路1号');
  });
});
