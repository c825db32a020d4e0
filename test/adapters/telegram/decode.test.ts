import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { addressedText, decodeUpdate } from '../../../adapters/telegram/decode.js';

const now = new Date('2025-03-01T08:00:00Z');
const opts = { botUsername: 'refund_coach_bot', now: () => now };
const user = { id: 42, is_bot: false, first_name: '小明', last_name: '王' };
const privateChat = { id: 42, type: 'private' as const, first_name: '小明' };
const group = { id: -100123, type: 'supergroup' as const, title: '维权群' };

function message(extra: Record<string, unknown>, chat: object = privateChat): Update {
  return { update_id: 7, message: { message_id: 1, date: 1_740_816_000, chat, from: user, ...extra } } as unknown as Update;
}

describe('decodeUpdate', () => {
  it('decodes a private text message', () => {
    expect(decodeUpdate(message({ text: '我付了钱没到账' }), opts)).toEqual({
      platform: 'telegram',
      updateId: '7',
      userId: '42',
      displayName: '小明 王',
      chatId: '42',
      chatKind: 'private',
      text: '我付了钱没到账',
      at: new Date(1_740_816_000 * 1000),
    });
  });

  it('keeps the largest photo size and the caption', () => {
    const inbound = decodeUpdate(
      message({ caption: '付款截图', photo: [{ file_id: 'small', file_unique_id: 's', width: 90, height: 90 }, { file_id: 'big', file_unique_id: 'b', width: 1280, height: 960 }] }),
      opts,
    );
    expect(inbound?.text).toBe('付款截图');
    expect(inbound?.attachments).toEqual([{ kind: 'photo', ref: 'big' }]);
  });

  it('records documents with their names', () => {
    const inbound = decodeUpdate(message({ document: { file_id: 'doc1', file_unique_id: 'd', file_name: '账单.pdf', mime_type: 'application/pdf' } }), opts);
    expect(inbound?.attachments).toEqual([{ kind: 'document', ref: 'doc1', name: '账单.pdf' }]);
    expect(inbound?.text).toBeUndefined();
  });

  it('decodes a button press with its callback data as the choice', () => {
    const update = {
      update_id: 9,
      callback_query: { id: 'cb1', from: user, chat_instance: 'x', data: 's:not_received', message: { message_id: 5, date: 1, chat: privateChat } },
    } as unknown as Update;
    expect(decodeUpdate(update, opts)).toMatchObject({ updateId: '9', chatId: '42', chatKind: 'private', choice: 's:not_received', at: now });
  });

  it('treats supergroups as groups and strips the bot mention from commands', () => {
    const inbound = decodeUpdate(message({ text: '/start@Refund_Coach_Bot' }, group), opts);
    expect(inbound).toMatchObject({ chatKind: 'group', chatId: '-100123', text: '/start' });
  });

  it('ignores commands for other bots, edits, channel posts and empty messages', () => {
    expect(decodeUpdate(message({ text: '/start@other_bot' }, group), opts)).toBeUndefined();
    expect(decodeUpdate({ update_id: 1, edited_message: { message_id: 1, date: 1, chat: privateChat, text: 'x' } } as unknown as Update, opts)).toBeUndefined();
    expect(decodeUpdate(message({ text: 'hi' }, { id: -1, type: 'channel', title: 'c' }), opts)).toBeUndefined();
    expect(decodeUpdate(message({ sticker: { file_id: 'st' } }), opts)).toBeUndefined();
  });
});

describe('addressedText', () => {
  it('normalises mentions and command suffixes', () => {
    expect(addressedText('/start@refund_coach_bot new', 'refund_coach_bot')).toBe('/start new');
    expect(addressedText('@refund_coach_bot 退款', 'refund_coach_bot')).toBe('退款');
    expect(addressedText('@refund_coach_bot退款', 'refund_coach_bot')).toBe('退款');
    expect(addressedText('@refund_coach_botx 退款', 'refund_coach_bot')).toBe('@refund_coach_botx 退款');
    expect(addressedText('/help@someone_else', 'refund_coach_bot')).toBeUndefined();
  });
});

describe('the bot added to a group (my_chat_member)', () => {
  const upd = (chat: Record<string, unknown>, from: string, to: string, extra: Record<string, unknown> = {}) =>
    ({
      update_id: 77,
      my_chat_member: {
        chat,
        from: { id: 9, is_bot: false, first_name: 'Ann' },
        date: 1_790_000_000,
        old_chat_member: { status: from, user: { id: 1, is_bot: true, first_name: 'B' } },
        new_chat_member: { status: to, user: { id: 1, is_bot: true, first_name: 'B' }, ...extra },
      },
    }) as never;
  const grp = { id: -1005, type: 'supergroup', title: 'g' };
  const o = { botUsername: 'refund_coach_bot', now: () => new Date(0) };
  it('is a joined_group event by whoever added it, only when the bot was not a member before', () => {
    expect(decodeUpdate(upd(grp, 'left', 'member'), o)).toEqual({
      platform: 'telegram', updateId: '77', userId: '9', displayName: 'Ann', chatId: '-1005', chatKind: 'group', event: 'joined_group', at: new Date(1_790_000_000_000),
    });
    expect(decodeUpdate(upd(grp, 'kicked', 'administrator'), o)?.event).toBe('joined_group');
    expect(decodeUpdate(upd(grp, 'member', 'administrator'), o)).toBeUndefined();
    expect(decodeUpdate(upd(grp, 'member', 'left'), o)).toBeUndefined();
    expect(decodeUpdate(upd({ id: 9, type: 'private', first_name: 'Ann' }, 'kicked', 'member'), o)).toBeUndefined();
    expect(decodeUpdate(upd({ id: -1007, type: 'channel', title: 'c' }, 'left', 'administrator'), o)).toBeUndefined();
  });
});

