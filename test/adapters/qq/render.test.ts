import { describe, expect, it } from 'vitest';
import { h } from '@koishijs/core';
import { planBundles, renderMessages, renderReply } from '../../../adapters/qq/render.js';
import { elementsOf } from '../../../adapters/qq/send.js';
import { splitText } from '../../../src/delivery/split.js';
import { readElements } from '../../../adapters/qq/decode.js';
import type { Delivery, Reply } from '../../../src/types.js';

const ladder: Reply = {
  text: '第一步：先找商家。',
  document: { title: '发给商家的消息', body: '你好，我在贵店购买的订单 202611201530123456 卡密无效……' },
  choices: [
    { id: 'r:sent', label: '已发送，开始计时' },
    { id: 'r:next', label: '没用，看下一步' },
  ],
};
const delivery = (i: number, reply: Reply): Delivery => ({ outboxId: i, platform: 'qqofficial', chatId: 'private:1', reply });

describe('renderReply', () => {
  it('private: text with the title, the body alone (to copy), numbered choices last', () => {
    const out = renderReply(ladder, { chatKind: 'private', privateHow: 'onebot', selfId: '123' });
    expect(out).toHaveLength(3);
    expect(out[0]).toContain('第一步：先找商家。');
    expect(out[0]).toContain('发给商家的消息');
    expect(out[1]).toBe(ladder.document!.body);
    expect(out[2]).toBe('1. 已发送，开始计时\n2. 没用，看下一步\n回复序号或选项文字即可。');
  });

  it('compact: everything in one message, body intact', () => {
    const [one, ...rest] = renderReply(ladder, { chatKind: 'private', privateHow: 'official', compact: true });
    expect(rest).toEqual([]);
    expect(one).toContain(ladder.document!.body);
    expect(one.indexOf('第一步')).toBeLessThan(one.indexOf(ladder.document!.body));
    expect(one.indexOf(ladder.document!.body)).toBeLessThan(one.indexOf('1. 已发送'));
  });

  it('groups never show a document; open-private names the QQ number on OneBot and the profile on the official bot', () => {
    const r: Reply = { ...ladder, openPrivate: { payload: 'new', label: '私聊开始维权' } };
    const onebot = renderReply(r, { chatKind: 'group', privateHow: 'onebot', selfId: '3889000001' }).join('\n');
    expect(onebot).not.toContain('202611201530123456');
    expect(onebot).toContain('3889000001');
    expect(onebot).toContain('/start new');
    const official = renderReply(r, { chatKind: 'group', privateHow: 'official' }).join('\n');
    expect(official).toContain('发消息');
    expect(official).not.toContain('QQ 号');
  });

  it('long texts split at line breaks under the limit', () => {
    const text = Array.from({ length: 50 }, (_, i) => `第${i}行 ${'字'.repeat(30)}`).join('\n');
    const parts = splitText(text, 400);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(400);
    expect(parts.join('\n')).toBe(text);
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('planBundles', () => {
  const opts = { chatKind: 'private' as const, privateHow: 'official' as const };
  it('within the limit: one bundle per delivery, full rendering', () => {
    const b = planBundles([delivery(1, { text: 'a' }), delivery(2, ladder)], opts, 5);
    expect(b.map((x) => x.deliveries.map((d) => d.outboxId))).toEqual([[1], [2]]);
    expect(b[1].messages).toHaveLength(3);
  });
  it('over the limit: compact first, then the oldest merged into one', () => {
    const ds = [1, 2, 3, 4, 5, 6].map((i) => delivery(i, { text: `提醒${i}` }));
    const b = planBundles([...ds, delivery(7, ladder)], opts, 5);
    expect(b.reduce((n, x) => n + x.messages.length, 0)).toBe(5);
    expect(b[0].deliveries.map((d) => d.outboxId)).toEqual([1, 2, 3]);
    expect(b[0].messages[0]).toMatch(/提醒1[\s\S]*提醒2[\s\S]*提醒3/);
    expect(b[4].deliveries.map((d) => d.outboxId)).toEqual([7]);
    expect(b[4].messages[0]).toContain(ladder.document!.body);
  });
});

describe('planBundles with files (official bot, 5 replies)', () => {
  const opts = { chatKind: 'private' as const, privateHow: 'official' as const };
  const withFiles: Reply = { text: '举报 #1 的附件（2 份）：', files: [{ kind: 'photo', ref: 'https://m/a' }, { kind: 'document', ref: '/abc' }] };
  it('sends the files when the compacted texts leave room for them', () => {
    // Full rendering: 3 (ladder) + 1 + 2 files = 6 > 5; compacted: 1 + 1 + 2 files = 4.
    const b = planBundles([delivery(1, ladder), delivery(2, withFiles)], opts, 5);
    const messages = b.flatMap((x) => x.messages);
    expect(messages.length).toBeLessThanOrEqual(5);
    expect(messages.filter((m) => typeof m !== 'string')).toEqual([{ file: withFiles.files![0] }, { file: withFiles.files![1] }]);
    expect(messages.filter((m): m is string => typeof m === 'string').join('\n')).not.toContain('没能和其他消息一起发出');
  });
  it('never in a group, folded or not', () => {
    const group = { chatKind: 'group' as const, privateHow: 'official' as const };
    const b = planBundles([delivery(1, ladder), delivery(2, ladder), delivery(3, withFiles)], group, 5);
    const messages = b.flatMap((x) => x.messages);
    expect(messages.length).toBeLessThanOrEqual(5);
    expect(messages.every((m) => typeof m === 'string')).toBe(true);
    expect(messages.join('\n')).not.toContain('附件 2 份');
  });
  it('counts them (and says how to get them) only when even the compacted texts fill the limit', () => {
    const ds = [1, 2, 3, 4].map((i) => delivery(i, { text: `提醒${i}` }));
    const b = planBundles([...ds, delivery(5, withFiles)], opts, 5);
    const messages = b.flatMap((x) => x.messages);
    expect(messages).toHaveLength(5);
    expect(messages.every((m) => typeof m === 'string')).toBe(true);
    expect(messages.join('\n')).toContain('附件 2 份没能和其他消息一起发出');
  });
});

describe('readElements', () => {
  it('keeps the words, drops mentions and emoji pictures, lists pictures and files as attachments', () => {
    const els = [
      h('at', { id: '3889000001' }),
      h.text(' 我的订单 '),
      h('face', { id: '14' }, [h.image('https://qface/14.png')]),
      h('img', { src: 'https://multimedia.nt.qq.com.cn/a', file: 'A.jpg' }),
      h('file', { src: 'https://f/x', file: '聊天记录.zip', 'file_id': '/abc' }),
      h.text('123'),
    ];
    const r = readElements(els);
    expect(r.text).toBe('我的订单 123');
    expect(r.attachments).toEqual([
      { kind: 'photo', ref: 'https://multimedia.nt.qq.com.cn/a' },
      { kind: 'document', ref: '/abc', name: '聊天记录.zip' },
    ]);
  });
});

describe('files', () => {
  const reply: Reply = { text: '举报 #1 的附件（2 份）：', files: [{ kind: 'photo', ref: 'https://multimedia.nt.qq.com.cn/a' }, { kind: 'document', ref: '/abc' }] };
  it('follow the text in private chats as an image segment by url and a file segment by id; never in groups', () => {
    const out = renderMessages(reply, { chatKind: 'private', privateHow: 'onebot', selfId: '1' });
    expect(out).toEqual(['举报 #1 的附件（2 份）：', { file: reply.files![0] }, { file: reply.files![1] }]);
    expect(elementsOf(out[1]).map((e) => [e.type, e.attrs.src])).toEqual([['img', 'https://multimedia.nt.qq.com.cn/a']]);
    expect(elementsOf(out[2]).map((e) => [e.type, e.attrs.src])).toEqual([['file', '/abc']]);
    expect(elementsOf(out[0]).map((e) => e.type)).toEqual(['text']);
    expect(renderMessages(reply, { chatKind: 'group', privateHow: 'onebot', selfId: '1' })).toEqual(['举报 #1 的附件（2 份）：']);
  });
  it('are counted in a compact reply instead of sent', () => {
    const [one, ...rest] = renderMessages(reply, { chatKind: 'private', privateHow: 'official', compact: true });
    expect(rest).toEqual([]);
    expect(one).toContain('附件 2 份');
  });
});

