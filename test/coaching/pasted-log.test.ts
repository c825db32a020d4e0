// A chat log with the seller pasted in one message on a rung (exploratory testing, explore3 F20):
// only the other side's lines are read, their last position coached with the line it was read
// from, the user's own lines never read or recorded, card keys never echoed or stored.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import { splitChatLog } from '../../src/coaching/chat-log.js';
import type { ScenarioId } from '../../src/types.js';

let app: ReturnType<typeof makeApp> | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

/** A fresh case of `scenario` on its first rung (the seller), its text marked 已发送. */
function sentOnSeller(scenario: ScenarioId = 'card_used'): Driver {
  app = makeApp();
  const d = new Driver(app);
  d.press(`s:${scenario}`);
  answerIntake(d);
  d.press('e:done');
  expect(d.activeCase()!.state.stage).toBe('ladder');
  d.press(d.choice('r:sent'));
  return d;
}

const allText = (r: { text: string; document?: { body: string } }[]) => r.map((x) => `${x.text}\n${x.document?.body ?? ''}`).join('\n');
const replies = (d: Driver) => d.activeCase()!.state.replies ?? [];

const F20 =
  '[2026-11-29 22:05] 我：你好 卡密 HK7Q-M2XP-9RZT-4WBA 兑换提示已被使用 [2026-11-29 22:10] 客服小美：亲 我们这边查一下 [2026-11-29 23:40] 客服小美：亲 系统显示卡密是正常发出的哦 [2026-11-30 09:12] 我：那请给我兑换记录 [2026-11-30 09:30] 客服小美：亲 这个我们没有权限查的呢 可以给您换一张 但是要补差价20元';

describe('F20: a pasted chat log on a rung', () => {
  it('the replay: the seller\'s last line is coached (a swap for a fee), its line named; the delivery claim and "can\'t look it up" noted', () => {
    const d = sentOnSeller();
    const r = d.say(F20);
    const all = allText(r);
    expect(all).not.toContain('没看懂');
    // Which line it was read from.
    expect(r[0].text).toContain('客服小美：亲 这个我们没有权限查的呢 可以给您换一张 但是要补差价20元');
    // Coached as a swap for a fee: don't pay.
    expect(all).toContain('补差价');
    expect(all).toContain('不同意另付差价');
    // The earlier claim of delivery, and the record they can't show.
    expect(all).toContain('系统显示卡密是正常发出的哦');
    expect(all).toContain('说已发货');
    expect(all).toContain('拿不出记录');
    // Never the already-sent rung's 已发送 again; the case stays on this rung.
    expect(d.last().choices?.map((c) => c.id) ?? []).not.toContain('r:sent');
    const c = d.activeCase()!;
    expect(c.state.rung).toBe(0);
    expect(replies(d)).toHaveLength(1);
    expect(replies(d)[0]).toMatchObject({ kind: 'paid_swap', rung: 'seller' });
  });

  it('the user\'s own lines are neither recorded nor echoed, and no card key is shown or stored', () => {
    const d = sentOnSeller();
    const r = d.say(F20);
    const said = replies(d)[0].said ?? '';
    expect(said).toContain('补差价20元');
    expect(said).not.toContain('兑换提示已被使用');
    expect(said).not.toContain('兑换记录');
    expect(said).not.toMatch(/HK7Q|4WBA|M2XP|9RZT/);
    expect(allText(r)).not.toMatch(/HK7Q|4WBA|M2XP|9RZT/);
    expect(allText(r)).not.toContain('那请给我兑换记录');
  });

  it('a card key inside the seller\'s own line is taken out of what is shown and recorded', () => {
    const d = sentOnSeller();
    const r = d.say('[22:05] 我：卡密用不了\n[22:10] 客服：亲 卡密 HK7Q-M2XP-9RZT-4WBA 是正常发出的 请查收');
    const all = allText(r);
    expect(all).not.toContain('没看懂');
    expect(all).toContain('正常发出');
    expect(all).not.toMatch(/HK7Q|4WBA|M2XP|9RZT/);
    expect(replies(d).at(-1)).toMatchObject({ kind: 'already_delivered' });
    expect(replies(d).at(-1)!.said).not.toMatch(/HK7Q|4WBA|M2XP|9RZT/);
  });

  it('a log pasted with newlines, each line a turn: the last line of the other side is coached', () => {
    const d = sentOnSeller('not_received');
    const r = d.say('我：钱付了点券一直没到账\n客服：亲 我们查一下\n我：查到了吗 我要退款\n客服：亲 我们只能退到余额哦 不能原路退');
    const all = allText(r);
    expect(all).not.toContain('没看懂');
    expect(r[0].text).toContain('客服：亲 我们只能退到余额哦 不能原路退');
    expect(all).toContain('原路退回');
    expect(replies(d).at(-1)).toMatchObject({ kind: 'balance_only', said: '客服：亲 我们只能退到余额哦 不能原路退' });
  });

  it('the user\'s lines unlabelled: they are the user\'s, never read as the seller\'s (their "已经退款" is not a refund claim)', () => {
    const d = sentOnSeller('not_received');
    const r = d.say('你们昨天不是说已经退款了吗 我没收到\n星辰点卡店：亲 这边核实一下\n我要原路退回\n星辰点卡店：亲 我们只能退到余额哦');
    const all = allText(r);
    expect(all).not.toContain('没看懂');
    expect(all).not.toContain('退回了多少钱');
    expect(replies(d).at(-1)).toMatchObject({ kind: 'balance_only' });
    expect(replies(d).at(-1)!.said).not.toContain('已经退款');
    expect(d.activeCase()!.state.awaitingRefundAmount).toBeFalsy();
  });

  it('nothing of theirs recognised: their last line shown and what it means asked — nothing recorded, the user\'s "拒绝" not read', () => {
    const d = sentOnSeller('not_received');
    const before = replies(d).length;
    const r = d.say('[10:01] 我：你们拒绝退款是吧\n[10:05] 客服：亲 在的');
    expect(allText(r)).not.toContain('没看懂');
    expect(r.at(-1)!.text).toContain('客服：亲 在的');
    expect(r.at(-1)!.choices?.map((c) => c.id)).toContain('k:sr:refused');
    expect(replies(d)).toHaveLength(before);
    expect(d.activeCase()!.state.rung).toBe(0);
  });

  it('an ordinary report ("商家说已经发货了") is read as before, with no log preamble', () => {
    const d = sentOnSeller();
    const r = d.say('商家说已经发货了');
    expect(allText(r)).not.toContain('聊天记录');
    expect(replies(d).at(-1)).toMatchObject({ kind: 'already_delivered' });
  });
});

describe('splitChatLog', () => {
  it('splits one line at timestamps and labels; sides by label', () => {
    const turns = splitChatLog(F20)!;
    expect(turns.map((x) => [x.side, x.label, x.at])).toEqual([
      ['me', '我', '2026-11-29 22:05'],
      ['other', '客服小美', '2026-11-29 22:10'],
      ['other', '客服小美', '2026-11-29 23:40'],
      ['me', '我', '2026-11-30 09:12'],
      ['other', '客服小美', '2026-11-30 09:30'],
    ]);
    expect(turns[4].text).toBe('亲 这个我们没有权限查的呢 可以给您换一张 但是要补差价20元');
  });

  it('inline labels without timestamps; a sentence with a colon is no label', () => {
    expect(splitChatLog('我：卡密用不了 客服：亲 已经发货了')!.map((x) => x.side)).toEqual(['me', 'other']);
    expect(splitChatLog('我问客服：怎么回事 他说已经发货了')).toBeUndefined();
    expect(splitChatLog('商家说：已经发货了')).toBeUndefined();
  });

  it('an exported log (a header line "name time", then the words); other names when the user is 我', () => {
    const turns = splitChatLog('客服小美 2026-11-29 22:10:05\n亲 我们这边查一下\n我 2026-11-29 22:11:00\n好的')!;
    expect(turns.map((x) => [x.side, x.text])).toEqual([
      ['other', '亲 我们这边查一下'],
      ['me', '好的'],
    ]);
    expect(splitChatLog('我：在吗\n小美：亲 在的')!.map((x) => x.side)).toEqual(['me', 'other']);
  });
});
