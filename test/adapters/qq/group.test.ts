// Groups (QQ 维权社群): the bot answers its commands only, sends people to a private chat, and
// never shows case details or records evidence there.
import { afterEach, describe, expect, it } from 'vitest';
import { Driver } from '../../helpers.js';
import { mockQQ, numberedChoices, outboxRows, type Harness } from './harness.js';

let h: Harness;
afterEach(() => h?.stop());

describe('QQ groups', () => {
  it('退款 and 维权 get a pointer to the private chat, saying how; the pointer works', async () => {
    h = await mockQQ();
    const member = h.member('30001', '88001');
    for (const word of ['退款', '维权', '/start']) {
      const replies = await member.receive(word);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toContain('私聊');
      expect(replies[0]).toContain('/start new');
      expect(numberedChoices(replies)).toEqual([]);
    }
    expect(outboxRows(h.app, 'qq', 'group:88001').map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);

    // What the pointer tells them to send privately starts a case.
    const replies = await h.user('30001').receive('/start new');
    expect(numberedChoices(replies)).toHaveLength(6);
  });

  it('ordinary group talk, numbers and attachments get no answer and leave nothing behind', async () => {
    h = await mockQQ();
    const member = h.member('30002', '88002');
    await member.shouldNotReply('今天天气不错');
    await member.shouldNotReply('3');
    await member.shouldNotReply('<img src="https://multimedia.nt.qq.com.cn/group-pic"/>');
    expect(outboxRows(h.app, 'qq', 'group:88002')).toEqual([]);
    expect(h.app.db.prepare(`SELECT count(*) AS n FROM evidence`).get()).toEqual({ n: 0 });
  });

  it('a member with an open case sees none of it in the group', async () => {
    h = await mockQQ();
    const dm = h.user('30003');
    await dm.receive('退款');
    await dm.receive('1');
    await dm.receive('秘密卡盟');
    await dm.receive('隐私测试店');
    expect(new Driver(h.app, '30003', 'qq').activeCase()?.facts.merchant).toBe('隐私测试店');

    const member = h.member('30003', '88003');
    const said: string[] = [];
    for (const word of ['进度', '证据', '我的案件', '导出', '继续', '新案件', '退款']) said.push(...(await member.receive(word)));
    const all = said.join('\n');
    expect(all).not.toContain('隐私测试店');
    expect(all).not.toContain('秘密卡盟');
    // The only things said in the group are pointers to the private chat.
    for (const s of said) expect(s).toContain('私聊');
  });
});
