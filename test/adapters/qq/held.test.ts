// The official QQ bot API allows no unprompted messages: what the engine wants to send on its
// own (reminders, broadcasts) waits as pending outbox rows and goes out with the reply to the
// user's next message — within the 5-replies-per-message limit, nothing dropped.
import { afterEach, describe, expect, it } from 'vitest';
import { mockQQ, numberedChoices, outboxRows, type Harness } from './harness.js';

let h: Harness;
afterEach(() => h?.stop());

/** What the scheduler does when a follow-up falls due: a pending outbox row. */
function remind(text: string, chatId: string, choices?: { id: string; label: string }[]): number {
  return h.app.outbox.enqueue({ platform: 'qqofficial', chatId, kind: 'followup', reply: { text, choices } }, h.app.now()).outboxId;
}

describe('no-proactive platform (official QQ bot)', () => {
  it('the plugin tells the engine that qqofficial cannot send unprompted', async () => {
    h = await mockQQ({ platform: 'qqofficial' });
    expect(h.app.engine.canSendProactively('qqofficial')).toBe(false);
  });

  it('held messages go out first, with the reply to the next message, and are marked sent', async () => {
    h = await mockQQ({ platform: 'qqofficial' });
    const client = h.user('40001');
    await client.receive('开始');
    h.app.clock.t = new Date(h.app.clock.t.getTime() + 3 * 86_400_000);
    const id = remind('⏰ 提醒：商家答复的期限已到。', 'private:40001');
    expect(outboxRows(h.app, 'qqofficial', 'private:40001').find((r) => r.id === id)?.status).toBe('pending');

    const replies = await client.receive('进度');
    expect(replies[0]).toContain('提醒：商家答复的期限已到');
    expect(replies.length).toBeGreaterThan(1);
    expect(outboxRows(h.app, 'qqofficial', 'private:40001').every((r) => r.status === 'sent')).toBe(true);

    // Delivered once: the next message brings no second copy.
    const again = await client.receive('帮助');
    expect(again.join('\n')).not.toContain('期限已到');
  });

  it('a held message for one user is not shown to another', async () => {
    h = await mockQQ({ platform: 'qqofficial' });
    remind('给 A 的提醒', 'private:40002');
    const b = await h.user('40003').receive('开始');
    expect(b.join('\n')).not.toContain('给 A 的提醒');
    const a = await h.user('40002').receive('开始');
    expect(a[0]).toBe('给 A 的提醒');
  });

  it('more held messages than the reply limit are merged, none dropped, the reply still last', async () => {
    h = await mockQQ({ platform: 'qqofficial', passiveReplyLimit: 5 });
    const client = h.user('40004');
    await client.receive('开始');
    for (let i = 1; i <= 7; i++) remind(`提醒${i}`, 'private:40004');

    const replies = await client.receive('开始');
    expect(replies.length).toBeLessThanOrEqual(5);
    const all = replies.join('\n');
    for (let i = 1; i <= 7; i++) expect(all).toContain(`提醒${i}`);
    expect(all.indexOf('提醒7')).toBeLessThan(all.indexOf('退款维权助手'));
    // The menu is in the last message, its numbers intact.
    expect(numberedChoices([replies[replies.length - 1]]).map((o) => o.label)).toContain('新案件');
    expect(outboxRows(h.app, 'qqofficial', 'private:40004').filter((r) => r.status !== 'sent')).toEqual([]);
  });

  it('on a proactive platform nothing is held: pending rows are left to the drainer', async () => {
    h = await mockQQ({ platform: 'qq' });
    const id = h.app.outbox.enqueue({ platform: 'qq', chatId: 'private:40005', kind: 'followup', reply: { text: '主动提醒' } }, h.app.now()).outboxId;
    const replies = await h.user('40005').receive('开始');
    expect(replies.join('\n')).not.toContain('主动提醒');
    expect(outboxRows(h.app, 'qq', 'private:40005').find((r) => r.id === id)?.status).toBe('pending');
  });
});
