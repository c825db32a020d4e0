// Forged, garbled and stale callback data through the real grammY Bot: every press is answered
// (answerCallbackQuery and a message), nothing is logged as an error.
import { afterEach, describe, expect, it } from 'vitest';
import { Chatter, harness, visible, type Harness } from './harness.js';
import { GARBLED, VALID } from '../../engine/choice-ids.js';

let h: Harness;
afterEach(() => h?.close());

const alice = { id: 1001, first_name: 'Alice' };

describe('callback data the bot cannot use', () => {
  it('is answered like unexpected input, for every kind of id', async () => {
    h = harness();
    const pm = new Chatter(h.clock, alice);
    await h.tg.bot.handleUpdate(pm.text('/new'));
    await h.tg.bot.handleUpdate(pm.press('s:not_received'));
    // Telegram sends callback_data of 1–64 bytes; longer or empty data cannot arrive.
    const ids = [...GARBLED, ...VALID.map((v) => `${v}9`), 'f:424242:refunded', 'c:424242', 'bl:rw:424242'].filter((id) => id.length > 0 && Buffer.byteLength(id) <= 64);
    for (const id of ids) {
      const sentBefore = h.sent(alice.id).length;
      const press = pm.press(id);
      await h.tg.bot.handleUpdate(press);
      const answered = h.calls.filter((c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === press.callback_query!.id);
      expect(answered, id).toHaveLength(1);
      const sent = h.sent(alice.id).slice(sentBefore);
      expect(sent.length, id).toBeGreaterThan(0);
      expect(visible(sent.at(-1)!.payload.text).trim().length, id).toBeGreaterThan(0);
    }
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
    // The case is still open; ids of a valid shape but unknown value ("e:order_shot9") count as
    // unclear answers, which after two re-asks mark the question unknown — as typed nonsense does.
    const c = h.app.db.prepare(`SELECT status FROM cases`).all();
    expect(c).toEqual([{ status: 'open' }]);
  });
});
