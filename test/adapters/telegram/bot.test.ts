import { afterEach, describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { buttons, Chatter, harness, nextUpdateId, visible, type Harness } from './harness.js';

let h: Harness;
afterEach(() => h?.close());

const alice = { id: 1001, first_name: 'Alice' };
const group = { id: -100777, type: 'supergroup' as const, title: '卡盟维权互助群' };

describe('private chat', () => {
  it('answers /start with the menu as an inline keyboard in HTML parse mode', async () => {
    h = harness();
    await h.tg.bot.handleUpdate(new Chatter(h.clock, alice).text('/start'));
    const [menu, ...more] = h.sent(alice.id);
    expect(more).toHaveLength(0);
    expect(menu.payload.parse_mode).toBe('HTML');
    expect(visible(menu.payload.text)).toContain('退款维权助手');
    expect(buttons(menu).map((b) => b.callback_data)).toContain('m:new');
    expect(h.app.outbox.counts()).toEqual({ sent: 1 });
  });

  it('handles the same update_id only once', async () => {
    h = harness();
    const update = new Chatter(h.clock, alice).text('/start');
    await h.tg.bot.handleUpdate(update);
    await h.tg.bot.handleUpdate(structuredClone(update));
    expect(h.sent(alice.id)).toHaveLength(1);
    const n = h.app.db.prepare(`SELECT count(*) AS n FROM processed_updates WHERE platform = 'telegram'`).get() as { n: number };
    expect(n.n).toBe(1);
  });

  it('answers every callback query, including ones it cannot use', async () => {
    h = harness();
    const alicePm = new Chatter(h.clock, alice);
    await h.tg.bot.handleUpdate(alicePm.text('/start'));
    const press = alicePm.press('m:new');
    await h.tg.bot.handleUpdate(press);
    // A press on an inline-mode message has no chat: answered, not handled.
    const orphan = { update_id: nextUpdateId(), callback_query: { id: 'orphan', from: { ...alice, is_bot: false }, chat_instance: 'x', inline_message_id: 'im1', data: 'm:new' } } as unknown as Update;
    await h.tg.bot.handleUpdate(orphan);
    const answers = h.calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(answers.map((a) => a.payload.callback_query_id)).toEqual([press.callback_query!.id, 'orphan']);
    expect(answers[1].payload.text).toBeTruthy();
    // The press opened the scenario menu.
    const last = h.sent(alice.id).at(-1);
    expect(buttons(last).map((b) => b.callback_data)).toContain('s:not_received');
    // The answer came before the reply.
    const iAnswer = h.calls.findIndex((c) => c.method === 'answerCallbackQuery');
    expect(iAnswer).toBeLessThan(h.calls.indexOf(last!));
    // The used keyboard was taken off the pressed message, after the new one was sent.
    const edits = h.calls.filter((c) => c.method === 'editMessageReplyMarkup');
    expect(edits).toHaveLength(1);
    expect(edits[0].payload).toMatchObject({ chat_id: alice.id, message_id: press.callback_query!.message!.message_id, reply_markup: { inline_keyboard: [] } });
    expect(h.calls.indexOf(edits[0])).toBeGreaterThan(h.calls.indexOf(last!));
  });

  it('says which messages it cannot use instead of staying silent', async () => {
    h = harness();
    await h.tg.bot.handleUpdate(new Chatter(h.clock, alice).sticker());
    const [m] = h.sent(alice.id);
    expect(visible(m.payload.text)).toContain('暂不支持');
  });
});

describe('groups', () => {
  it('starts a case from a group with a deep link and continues it privately, never showing case details in the group', async () => {
    h = harness();
    const inGroup = new Chatter(h.clock, alice, group);
    await h.tg.bot.handleUpdate(inGroup.text('/start@refund_coach_bot'));
    await h.tg.bot.handleUpdate(inGroup.text('@refund_coach_bot 维权'));
    await h.tg.bot.handleUpdate(inGroup.text('退款')); // arrives only with privacy mode off
    // Chatter that is not a command, and a photo, get nothing in the group.
    await h.tg.bot.handleUpdate(inGroup.text('我的订单号是202611201530123456'));
    await h.tg.bot.handleUpdate(inGroup.photo('GROUPPHOTO'));
    await h.tg.bot.handleUpdate(inGroup.text('/start@some_other_bot'));

    const inGroupSent = h.sent(group.id);
    expect(inGroupSent).toHaveLength(3);
    for (const m of inGroupSent) {
      expect(buttons(m)).toEqual([{ text: expect.any(String), url: 'https://t.me/refund_coach_bot?start=new' }]);
      expect(m.payload.text).not.toMatch(/\d{6,}/);
    }

    // Tapping the button opens the private chat, and Telegram sends "/start new" there.
    const pm = new Chatter(h.clock, alice);
    await h.tg.bot.handleUpdate(pm.text('/start new'));
    const [scenarios] = h.sent(alice.id);
    expect(buttons(scenarios).map((b) => b.callback_data)).toEqual(expect.arrayContaining(['s:not_received', 's:double_charge']));
    await h.tg.bot.handleUpdate(pm.press('s:not_received'));
    expect(visible(h.sent(alice.id).at(-1)!.payload.text)).toContain('哪个平台');
    expect(h.sent(group.id)).toHaveLength(3);
  });
});

describe('unreachable chats', () => {
  it('marks a chat that blocked the bot unreachable on 403, logs it, and sends it nothing more', async () => {
    let blocked = true;
    h = harness({
      responder: ({ method }) =>
        blocked && method === 'sendMessage' ? { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } : undefined,
    });
    const pm = new Chatter(h.clock, alice);
    await expect(h.tg.bot.handleUpdate(pm.text('/start'))).resolves.toBeUndefined();
    expect(h.app.outbox.isUnreachable('telegram', String(alice.id))).toBe(true);
    expect(h.app.outbox.counts()).toEqual({ failed: 1 });
    const failure = h.logs.find((l) => l.method === 'sendMessage' && l.code === 403);
    expect(failure).toMatchObject({ chatId: String(alice.id) });

    // A follow-up queued for that chat is not even tried.
    h.app.outbox.enqueue({ platform: 'telegram', chatId: String(alice.id), kind: 'followup', reply: { text: '跟进' } }, h.clock.now);
    const before = h.calls.length;
    await h.tg.drainer.drainOnce();
    expect(h.calls.length).toBe(before);
    expect(h.app.outbox.counts()).toEqual({ failed: 2 });

    // The user unblocks and writes again: reachable again.
    blocked = false;
    await h.tg.bot.handleUpdate(pm.text('/start'));
    expect(h.app.outbox.isUnreachable('telegram', String(alice.id))).toBe(false);
    expect(h.app.outbox.counts()).toMatchObject({ sent: 1 });
  });

  it('records a kick from my_chat_member', async () => {
    h = harness();
    const update = {
      update_id: nextUpdateId(),
      my_chat_member: {
        chat: group,
        from: { ...alice, is_bot: false },
        date: 1,
        old_chat_member: { status: 'member', user: { id: 123456, is_bot: true, first_name: 'bot' } },
        new_chat_member: { status: 'kicked', until_date: 0, user: { id: 123456, is_bot: true, first_name: 'bot' } },
      },
    } as unknown as Update;
    await h.tg.bot.handleUpdate(update);
    expect(h.app.outbox.isUnreachable('telegram', String(group.id))).toBe(true);
  });
});

describe('long replies', () => {
  it('splits a 5,000-character reply on paragraph boundaries and keeps the keyboard on the last part', async () => {
    h = harness();
    const paragraphs = Array.from({ length: 10 }, (_, i) => `第${i + 1}段：` + '说明'.repeat(248)); // ~500 chars each
    const text = paragraphs.join('\n\n');
    expect(text.length).toBeGreaterThanOrEqual(5000);
    h.app.outbox.enqueue({ platform: 'telegram', chatId: String(alice.id), kind: 'notice', reply: { text, choices: [{ id: 'm:progress', label: '进度' }] } }, h.clock.now);
    expect(await h.tg.drainer.drainOnce()).toBe(1);
    const parts = h.sent(alice.id);
    expect(parts).toHaveLength(2);
    for (const p of parts) expect(p.payload.text.length).toBeLessThanOrEqual(4096);
    expect(parts.map((p) => p.payload.text).join('\n\n')).toBe(text);
    expect(parts[0].payload.text.endsWith('说明')).toBe(true);
    expect(parts[1].payload.text.startsWith('第')).toBe(true);
    expect(buttons(parts[0])).toEqual([]);
    expect(buttons(parts[1]).map((b) => b.callback_data)).toEqual(['m:progress']);
  });

  it('does not resend the parts of a split reply that went out before a rate limit', async () => {
    let sends = 0;
    h = harness({
      telegram: { autoRetry: { maxDelaySeconds: 5 } },
      responder: ({ method }) =>
        method === 'sendMessage' && ++sends === 2
          ? { ok: false, error_code: 429, description: 'Too Many Requests: retry after 60', parameters: { retry_after: 60 } }
          : undefined,
    });
    const text = ['甲'.repeat(3000), '乙'.repeat(3000)].join('\n\n');
    h.app.outbox.enqueue({ platform: 'telegram', chatId: String(alice.id), kind: 'notice', reply: { text } }, h.clock.now);
    expect(await h.tg.drainer.drainOnce()).toBe(0);
    expect(h.app.outbox.counts()).toEqual({ pending: 1 });
    // Not due before retry_after has passed…
    h.clock.now = new Date(h.clock.now.getTime() + 59_000);
    expect(await h.tg.drainer.drainOnce()).toBe(0);
    // …then only the second part goes out again.
    h.clock.now = new Date(h.clock.now.getTime() + 1_000);
    expect(await h.tg.drainer.drainOnce()).toBe(1);
    expect(h.sent(alice.id).map((c) => c.payload.text[0])).toEqual(['甲', '乙', '乙']);
    expect(h.app.outbox.counts()).toEqual({ sent: 1 });
  });
});
