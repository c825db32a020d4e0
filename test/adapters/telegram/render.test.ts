import { describe, expect, it } from 'vitest';
import { deepLink, renderReply } from '../../../adapters/telegram/render.js';
import { escapeHtml } from '../../../adapters/telegram/html.js';

const opts = { botUsername: 'refund_coach_bot', copyHint: '点按即可复制' };

describe('escapeHtml', () => {
  it('escapes the three characters HTML parse mode cares about', () => {
    expect(escapeHtml('<b>A&B</b> "q"')).toBe('&lt;b&gt;A&amp;B&lt;/b&gt; "q"');
  });
});

describe('renderReply', () => {
  it('renders choices as an inline keyboard whose callback data is the choice id', () => {
    const [m, ...rest] = renderReply(
      { text: '选择场景', choices: [{ id: 's:not_received', label: '未到账' }, { id: 's:double_charge', label: '重复扣款' }] },
      opts,
    );
    expect(rest).toHaveLength(0);
    expect(m.text).toBe('选择场景');
    expect(m.reply_markup?.inline_keyboard).toEqual([
      [{ text: '未到账', callback_data: 's:not_received' }],
      [{ text: '重复扣款', callback_data: 's:double_charge' }],
    ]);
  });

  it('escapes user-supplied text and document bodies', () => {
    const msgs = renderReply(
      { text: '商家：<script>&amp;', document: { title: '给<商家>的消息', body: '订单 <b>123</b> & 退款' } },
      opts,
    );
    expect(msgs).toHaveLength(2);
    expect(msgs[0].text).toBe('商家：&lt;script&gt;&amp;amp;');
    expect(msgs[1].text).toBe('<b>给&lt;商家&gt;的消息</b>\n<i>点按即可复制</i>\n<pre>订单 &lt;b&gt;123&lt;/b&gt; &amp; 退款</pre>');
  });

  it('puts the keyboard on the last message when the text is split', () => {
    const text = ['甲'.repeat(3000), '乙'.repeat(3000)].join('\n\n');
    const msgs = renderReply({ text, choices: [{ id: 'm:new', label: '新建' }] }, opts);
    expect(msgs.map((m) => m.text)).toEqual(['甲'.repeat(3000), '乙'.repeat(3000)]);
    expect(msgs[0].reply_markup).toBeUndefined();
    expect(msgs[1].reply_markup?.inline_keyboard[0][0]).toMatchObject({ callback_data: 'm:new' });
  });

  it('renders openPrivate as a deep-link URL button', () => {
    const [m] = renderReply({ text: '请私聊我', openPrivate: { payload: 'new', label: '私聊继续' } }, opts);
    expect(m.reply_markup?.inline_keyboard).toEqual([[{ text: '私聊继续', url: 'https://t.me/refund_coach_bot?start=new' }]]);
  });

  it('lists choices as numbered lines when an id cannot be callback data', () => {
    const long = 'x'.repeat(65);
    const [m] = renderReply({ text: '选', choices: [{ id: long, label: '甲' }, { id: 'b', label: '乙' }] }, opts);
    expect(m.reply_markup).toBeUndefined();
    expect(m.text).toBe('选\n\n1. 甲\n2. 乙');
  });

  it('splits a long document body into <pre> blocks that each fit', () => {
    const body = Array.from({ length: 6 }, () => '丙'.repeat(1500)).join('\n\n');
    const msgs = renderReply({ text: '文书如下', document: { title: '投诉书', body } }, { ...opts, maxLength: 4096 });
    expect(msgs.length).toBeGreaterThanOrEqual(3);
    for (const m of msgs.slice(1)) {
      expect(m.text).toMatch(/<pre>[丙\n]+<\/pre>$/);
      const visible = m.text.replace(/<[^>]+>/g, '');
      expect(visible.length).toBeLessThanOrEqual(4096);
    }
  });

  it('refuses unsafe deep-link payloads', () => {
    expect(deepLink('bot', 'new')).toBe('https://t.me/bot?start=new');
    expect(deepLink('bot', 'a b&c')).toBe('https://t.me/bot');
  });
});

describe('renderReply with files', () => {
  it('sends each file as a message of its own after the text, by reference, with the keyboard on the last', () => {
    const out = renderReply(
      { text: '举报 #1 的附件（2 份）：', files: [{ kind: 'photo', ref: 'AgAC1' }, { kind: 'document', ref: 'BQAC2', name: '订单<1>.pdf' }], choices: [{ id: 'bl:sk:1', label: '下一条' }] },
      opts,
    );
    expect(out.map((m) => [m.text, m.file?.ref])).toEqual([
      ['举报 #1 的附件（2 份）：', undefined],
      ['', 'AgAC1'],
      ['订单&lt;1&gt;.pdf', 'BQAC2'],
    ]);
    expect(out[2].reply_markup?.inline_keyboard).toEqual([[{ text: '下一条', callback_data: 'bl:sk:1' }]]);
  });
});

