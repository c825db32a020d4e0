// Coaching on QQ (issue 12), through the real Koishi Context and plugin-mock: a scam message as the
// very first message is warned about before anything else; an answer from the other side typed at a
// rung is recognised, coached in the rung's words and recorded on the case.
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageClient } from '@koishijs/plugin-mock';
import { Driver, GOOD } from '../../helpers.js';
import { mockQQ, numberedChoices, numberOf, type Harness } from './harness.js';

let h: Harness;
afterEach(() => h?.stop());

async function say(client: MessageClient, text: string): Promise<string[]> {
  const replies = await client.receive(text);
  expect(replies.length, `no reply to ${JSON.stringify(text)}`).toBeGreaterThan(0);
  return replies;
}

/** Answers the intake by typing: free text from GOOD, choices by the number shown beside their label. */
async function answerIntake(client: MessageClient, userId: string, last: string[]): Promise<string[]> {
  const d = new Driver(h.app, userId, 'qq');
  for (let i = 0; i < 40; i++) {
    const c = d.activeCase();
    if (!c || c.state.stage !== 'intake' || !c.state.q) return last;
    const a = GOOD[c.state.q];
    if (!a) throw new Error(`no answer for ${c.state.q}`);
    if (a.text) last = await say(client, a.text);
    else {
      const label = h.lastReply(`private:${userId}`).choices?.find((x) => x.id === a.choice)?.label;
      expect(label).toBeTruthy();
      last = await say(client, String(numberOf(last, label!)));
    }
  }
  throw new Error('intake did not finish');
}

describe('QQ coaching', () => {
  it('a fake-customer-service message as the first message gets the scam warning first, with where to report', async () => {
    h = await mockQQ();
    const client = h.user('20001');
    const last = await say(client, '客服发了个链接让我点进去退款，要我输入银行卡号和验证码，是真的吗');
    const text = last.join('\n');
    expect(last[0]).toContain('先停一下');
    expect(text).toContain('验证码');
    expect(text).toContain('96110');
    // Not the scenario menu in its place.
    expect(text).not.toContain('回复序号或选项文字即可\n1. 新案件');
    expect(new Driver(h.app, '20001', 'qq').activeCase()).toBeUndefined();
  });

  it('a seller reply typed at the seller rung, then the platform’s at the platform rung: each coached and recorded', async () => {
    h = await mockQQ();
    const client = h.user('20002');
    let last = await say(client, '新案件');
    last = await say(client, String(numberOf(last, '付款后未到账/未发货')));
    last = await answerIntake(client, '20002', last);
    last = await say(client, '证据先这样，看下一步');
    expect(h.lastReply('private:20002').document?.title).toBeTruthy();

    last = await say(client, '商家说订单显示已完成，卡密早就发了');
    let text = last.join('\n');
    expect(text).toContain('商家说“已经发货/卡密已发”');
    expect(text).toContain('发货记录');
    expect(text).toContain('已把对方的回复记在案件里');

    last = await say(client, String(numberOf(last, '没用，看下一步')));
    expect(last.join('\n')).toContain('平台申诉');
    last = await say(client, '平台客服说这事跟他们没关系，让我去找商家');
    text = last.join('\n');
    expect(text).toContain('平台让你去找商家');
    expect(text).toContain('请平台介入处理');
    expect(text).not.toContain('商家让你去找上游');

    const c = new Driver(h.app, '20002', 'qq').activeCase()!;
    expect(c.state.replies?.map((r) => [r.rung, r.kind])).toEqual([
      ['seller', 'already_delivered'],
      ['platform', 'blame_upstream'],
    ]);
  });
});
