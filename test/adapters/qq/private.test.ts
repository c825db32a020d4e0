// Whole cases in a QQ private chat, through the real Koishi Context and plugin-mock: the user
// only sees rendered text and answers by typing numbers or option words.
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageClient } from '@koishijs/plugin-mock';
import { Driver, GOOD } from '../../helpers.js';
import { mockQQ, numberedChoices, numberOf, outboxRows, type Harness } from './harness.js';
import type { Reply } from '../../../src/types.js';

let h: Harness;
afterEach(() => h?.stop());

/** Sends and returns the bot's messages, failing if there are none. */
async function say(client: MessageClient, text: string): Promise<string[]> {
  const replies = await client.receive(text);
  expect(replies.length, `no reply to ${JSON.stringify(text)}`).toBeGreaterThan(0);
  return replies;
}

/** The Reply the engine last wrote for the chat (to know which label an answer id has). */
function lastReply(userId: string): Reply {
  return h.lastReply(`private:${userId}`);
}

/**
 * Answers intake questions until the case leaves intake. Free-text answers come from the
 * shared GOOD table; choice answers are found in the rendered numbered list by their label
 * and sent alternately as the number and as the words.
 */
async function answerIntake(client: MessageClient, userId: string, last: string[]): Promise<{ asked: string[]; last: string[] }> {
  const d = new Driver(h.app, userId, 'qq');
  const asked: string[] = [];
  let byNumber = true;
  for (let i = 0; i < 40; i++) {
    const c = d.activeCase();
    if (!c || c.state.stage !== 'intake' || !c.state.q) return { asked, last };
    const q = c.state.q;
    asked.push(q);
    const a = GOOD[q];
    if (!a) throw new Error(`no answer for ${q}`);
    if (a.text) {
      expect(numberedChoices(last).every((o) => !o.label.startsWith('已有'))).toBe(true);
      last = await say(client, a.text);
    } else {
      const label = lastReply(userId).choices?.find((x) => x.id === a.choice)?.label;
      expect(label, `choice ${a.choice} offered for ${q}`).toBeTruthy();
      const n = numberOf(last, label!);
      last = await say(client, byNumber ? String(n) : label!);
      byNumber = !byNumber;
    }
  }
  throw new Error('intake did not finish');
}

/** Walks the ladder: each rung's document arrives as a message of its own. Returns the documents. */
async function walkLadder(client: MessageClient, userId: string, last: string[]): Promise<{ title: string; body: string }[]> {
  const docs: { title: string; body: string }[] = [];
  for (let i = 0; i < 10; i++) {
    const doc = lastReply(userId).document;
    expect(doc, 'each rung carries a document').toBeTruthy();
    // text + head, the body alone (one long-press copies it), the numbered choices.
    expect(last[0]).toContain(doc!.title);
    expect(last).toContain(doc!.body.trim());
    docs.push(doc!);
    const options = numberedChoices(last);
    const sent = options.find((o) => o.label === '已发送，开始计时');
    if (sent) last = await say(client, String(sent.n));
    const next = numberedChoices(last).find((o) => o.label === '没用，看下一步');
    if (!next) return docs;
    last = await say(client, next.label);
  }
  throw new Error('ladder did not end');
}

describe('QQ private chat, whole cases', () => {
  it('卡密已被使用: menu → intake → assessment → evidence (a picture and a file) → ladder with documents', async () => {
    h = await mockQQ();
    const client = h.user('10001');

    let last = await say(client, '开始');
    expect(last.join('\n')).toContain('退款维权助手');
    expect(numberedChoices(last).map((o) => o.label)).toEqual(['新案件', '我的案件']);
    expect(last[last.length - 1]).toContain('回复序号或选项文字即可');

    last = await say(client, '新案件'); // by words
    expect(numberedChoices(last)).toHaveLength(6);
    last = await say(client, String(numberOf(last, '卡密已被使用/无效'))); // by number

    const { asked, last: afterIntake } = await answerIntake(client, '10001', last);
    expect(asked).toEqual(expect.arrayContaining(['platform', 'merchant', 'item', 'orderId', 'amount', 'paymentMethod', 'paidAt', 'cardKey', 'errorShown', 'redeemedBefore', 'triedAt']));
    const text = afterIntake.join('\n');
    expect(text).toContain('【初步判断】');
    expect(text).toContain('证据清单');
    expect(numberedChoices(afterIntake).map((o) => o.label)).toContain('已有：兑换报错录屏');

    // Evidence: a screenshot and a screen recording file count as evidence, recorded by reference.
    last = await say(client, '<img src="https://multimedia.nt.qq.com.cn/download?appid=1406&fileid=abc123"/>');
    expect(last.join('\n')).toContain('已记录 1 个文件');
    last = await say(client, '<file src="https://files.qq.example/redeem.mp4" file-id="/f-77" filename="兑换录屏.mp4"/>');
    expect(last.join('\n')).toContain('已记录 1 个文件');
    const evidence = h.app.db.prepare(`SELECT file_ref AS ref, kind, at FROM evidence ORDER BY id`).all() as { ref: string; kind: string; at: number }[];
    expect(evidence.map((e) => e.ref)).toEqual(['https://multimedia.nt.qq.com.cn/download?appid=1406&fileid=abc123', '/f-77']);
    expect(evidence.map((e) => e.kind)).toEqual(['photo', 'document']);
    expect(evidence.every((e) => e.at === h.app.clock.t.getTime())).toBe(true);

    last = await say(client, '证据先这样，看下一步');
    const docs = await walkLadder(client, '10001', last);
    expect(docs.length).toBeGreaterThanOrEqual(4);
    expect(docs[0].body).toContain('星辰点卡店');
    expect(docs[0].body).toContain('202611201530123456');
    // The card key is never echoed whole.
    for (const d of docs) expect(d.body).not.toContain('ABCD1234EFGH5678WXYZ');

    // Every message the engine wrote for this chat was delivered and marked.
    const rows = outboxRows(h.app, 'qq', 'private:10001');
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
  });

  it('商家跑路: the scenario picked by its words, intake, and a ladder whose documents name the merchant', async () => {
    h = await mockQQ();
    const client = h.user('10002');
    let last = await say(client, '退款');
    last = await say(client, '商家跑路/联系不上');
    expect(new Driver(h.app, '10002', 'qq').activeCase()?.scenario).toBe('merchant_vanished');

    const { asked, last: afterIntake } = await answerIntake(client, '10002', last);
    expect(asked).toEqual(expect.arrayContaining(['unreachableSince', 'siteState', 'balance', 'othersAffected']));
    expect(afterIntake.join('\n')).toContain('【初步判断】');

    last = await say(client, String(numberOf(afterIntake, '证据先这样，看下一步')));
    const docs = await walkLadder(client, '10002', last);
    expect(docs.length).toBeGreaterThanOrEqual(4);
    for (const d of docs) expect(d.body).toContain('星辰点卡店');
    expect(outboxRows(h.app, 'qq', 'private:10002').filter((r) => r.status !== 'sent')).toEqual([]);
  });

  it('a bare number outside the offered range, and unknown words, do not pick anything', async () => {
    h = await mockQQ();
    const client = h.user('10003');
    let last = await say(client, '退款');
    expect(numberedChoices(last)).toHaveLength(6);
    last = await say(client, '9');
    expect(new Driver(h.app, '10003', 'qq').activeCase()).toBeUndefined();
    last = await say(client, '查一下');
    expect(new Driver(h.app, '10003', 'qq').activeCase()).toBeUndefined();
    // Whatever list the bot shows now, its numbers are the ones that count.
    for (let i = 0; i < 3 && !new Driver(h.app, '10003', 'qq').activeCase(); i++) {
      const options = numberedChoices(last);
      const pick = options.find((o) => o.label === '付款后未到账/未发货') ?? options.find((o) => o.label === '新案件');
      expect(pick, `a way on in: ${last.join('\n')}`).toBeDefined();
      last = await say(client, String(pick!.n));
    }
    expect(new Driver(h.app, '10003', 'qq').activeCase()?.scenario).toBe('not_received');
  });

  it('a repeated message (same message id) is answered once', async () => {
    h = await mockQQ();
    const client = h.user('10004');
    const bot = h.ctx.bots[0];
    const event = { ...client.event, message: { id: 'dup-1', content: '开始', elements: [{ type: 'text', attrs: { content: '开始' }, children: [] }] } };
    const first = await new Promise<string[]>((resolve) => {
      const replies: string[] = [];
      client.flush = (buffer?: string) => {
        if (buffer) replies.push(buffer);
      };
      h.ctx.on('middleware', () => resolve(replies));
      (bot as unknown as { receive(e: unknown, c: MessageClient): void }).receive(event, client);
    });
    expect(first.length).toBeGreaterThan(0);
    const rowsBefore = outboxRows(h.app, 'qq', 'private:10004').length;
    await new Promise<void>((resolve) => {
      const dispose = h.ctx.on('middleware', () => (dispose(), resolve()));
      (bot as unknown as { receive(e: unknown, c: MessageClient): void }).receive(event, client);
    });
    expect(outboxRows(h.app, 'qq', 'private:10004').length).toBe(rowsBefore);
  });

  it('when the engine fails on a message the user is told so and can simply send it again', async () => {
    h = await mockQQ();
    const client = h.user('10005');
    const handle = h.app.inbound.handle;
    h.app.inbound.handle = async () => {
      throw new Error('database is locked');
    };
    const replies = await client.receive('开始');
    expect(replies).toEqual(['抱歉，我这边出了点问题，没能处理这条消息。请稍后再发一次。']);
    h.app.inbound.handle = handle;
    expect(numberedChoices(await say(client, '开始')).map((o) => o.label)).toContain('新案件');
  });
});
