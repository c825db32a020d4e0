// Forged or inconsistent updates through the real grammY Bot: a press whose private chat is not
// the presser's must not move the user's chat id or send into that chat; unknown choice payloads
// are unexpected input, never an exception.
import { afterEach, describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { Chatter, harness, nextUpdateId, BOT_INFO, START, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const alice = { id: 6001, first_name: 'Alice' };
const bob = { id: 7002, first_name: 'Bob' };

const chatIdOf = (hh: Harness, userId: number) =>
  (hh.app.db.prepare(`SELECT chat_id FROM users WHERE platform = 'telegram' AND platform_user_id = ?`).get(String(userId)) as { chat_id: string } | undefined)?.chat_id;

/** A press by `from` on a message in `chat` (which Telegram would never pair for a private chat). */
function forgedPress(from: { id: number; first_name: string }, chat: { id: number; first_name: string }, data: string): Update {
  return {
    update_id: nextUpdateId(),
    callback_query: {
      id: `cb${nextUpdateId()}`,
      from: { ...from, is_bot: false },
      chat_instance: 'ci-forged',
      data,
      message: { message_id: 1, date: Math.floor(START.getTime() / 1000), chat: { ...chat, type: 'private' }, from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name } },
    },
  } as unknown as Update;
}

describe('forged and inconsistent Telegram updates', () => {
  it('a press whose private chat is another user\'s changes nothing and sends nothing there', async () => {
    h = harness();
    await h.tg.bot.handleUpdate(new Chatter(h.clock, alice).text('/start'));
    await h.tg.bot.handleUpdate(new Chatter(h.clock, bob).text('/start'));
    const toBob = h.sent(bob.id).length;
    expect(chatIdOf(h, alice.id)).toBe(String(alice.id));

    await h.tg.bot.handleUpdate(forgedPress(alice, bob, 'm:cases'));
    await h.tg.bot.handleUpdate(forgedPress(alice, bob, 'm:new'));

    expect(chatIdOf(h, alice.id)).toBe(String(alice.id));
    expect(h.sent(bob.id)).toHaveLength(toBob);
    expect((h.app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE chat_id = ?`).get(String(bob.id)) as { n: number }).n).toBe(toBob);
    // A real press in her own chat still works.
    await h.tg.bot.handleUpdate(new Chatter(h.clock, alice).press('m:cases'));
    expect(h.sent(alice.id).length).toBeGreaterThan(1);
  });

  it('a private message whose chat is not the sender is ignored', async () => {
    h = harness();
    const forged = {
      update_id: nextUpdateId(),
      message: { message_id: 9, date: Math.floor(START.getTime() / 1000), chat: { id: bob.id, type: 'private', first_name: 'Bob' }, from: { ...alice, is_bot: false }, text: '/start' },
    } as unknown as Update;
    await h.tg.bot.handleUpdate(forged);
    expect(h.sent(bob.id)).toHaveLength(0);
    expect(chatIdOf(h, alice.id)).toBeUndefined();
  });

  it('unknown or malformed choice payloads are answered, not thrown', async () => {
    h = harness();
    const a = new Chatter(h.clock, alice);
    await h.tg.bot.handleUpdate(a.text('/start'));
    const payloads = ['zz:unknown', 'f:abc', 'f:1', 'f::', 'c:999999', 'c:NaN', 's:bogus', 'x:', 'm:', 'd:maybe', '', ':', 'q:skip', '\u0000'];
    for (const p of payloads) await h.tg.bot.handleUpdate(a.press(p));
    expect(h.logs.filter((l) => l.msg === 'update handling failed')).toEqual([]);
    expect(h.sent(alice.id).length).toBeGreaterThanOrEqual(1 + payloads.length - 1);
  });
});
