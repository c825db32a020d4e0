// What users type on a rung in their own words (exploratory testing, explore3: F2, F3, F6, F13,
// F17, F19, F24, F27): the other side's words told in the user's phrasing, the user's own
// questions and hypotheticals (never the other side's answer), a swap offered for a fee, a part
// refund received, a complaint closed without the money, an appeal refused for lack of evidence,
// and the word 报警.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { ScenarioId } from '../../src/types.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

/** A fresh case of `scenario` on its first rung (the seller), its text marked 已发送. */
function sentOnSeller(scenario: ScenarioId = 'not_received', sent = true): Driver {
  app?.close();
  app = makeApp();
  const d = new Driver(app);
  d.press(`s:${scenario}`);
  answerIntake(d);
  d.press('e:done');
  expect(d.activeCase()!.state.stage).toBe('ladder');
  if (sent) d.press(d.choice('r:sent'));
  return d;
}

const ids = (d: Driver) => d.last().choices?.map((c) => c.id) ?? [];
const allText = (r: { text: string; document?: { body: string } }[]) => r.map((x) => `${x.text}\n${x.document?.body ?? ''}`).join('\n');

describe('F2/F13: the other side\'s words in the user\'s phrasing', () => {
  it('商家回复了 → "他说系统维护让我等三天": a promise of later, not 我没看懂', () => {
    const d = sentOnSeller();
    d.say('商家回复了');
    expect(d.last().text).toContain('怎么回复');
    d.say('他说系统维护让我等三天');
    expect(d.last().text).not.toContain('没看懂');
    expect(d.activeCase()!.state.replies?.at(-1)).toMatchObject({ kind: 'promised_later' });
  });

  it('typed whole: "商家回我了 说系统维护 让我等三天", "商家说系统维护，让我等三天", "阿杰说今晚一定到 让我别急"', () => {
    for (const text of ['商家回我了 说系统维护 让我等三天', '商家说系统维护，让我等三天', '阿杰说今晚一定到 让我别急']) {
      const d = sentOnSeller();
      d.say(text);
      expect(d.last().text, text).not.toContain('没看懂');
      expect(d.activeCase()!.state.replies?.at(-1), text).toMatchObject({ kind: 'promised_later' });
    }
  });

  it('after 商家回复了, words not understood keep the question open (its buttons), never 已发送 again', () => {
    const d = sentOnSeller();
    d.say('商家回复了');
    d.say('嗯嗯 他就那样呗');
    expect(ids(d).some((id) => id.startsWith('k:sr:')), JSON.stringify(d.last())).toBe(true);
    expect(ids(d)).not.toContain('r:sent');
    expect(d.last().text).not.toContain('已发送');
    expect(d.activeCase()!.state.replies ?? []).toHaveLength(0);
  });

  it('a rung already sent never offers 已发送 again when a message is not understood', () => {
    const d = sentOnSeller();
    d.say('嗯嗯 就那样呗');
    expect(ids(d)).not.toContain('r:sent');
    expect(d.last().text).not.toContain('已发送');
  });
});

describe('F17: the user\'s questions and hypotheticals are never the other side\'s answer', () => {
  it('"这样发了 商家一定会退吗？你保证？": a plain "cannot promise", nothing recorded, the case stays', () => {
    const d = sentOnSeller();
    const rung = d.activeCase()!.state.rung;
    const r = d.say('这样发了 商家一定会退吗？你保证？');
    const text = allText(r);
    expect(text).toContain('不能保证');
    expect(text).not.toContain('记在案件里');
    const c = d.activeCase()!;
    expect(c.state.replies ?? []).toHaveLength(0);
    expect(c.state.rung).toBe(rung);
  });

  it('"要是商家还是不退 我能不能直接去法院告他": the court is the last step (小额诉讼, online), nothing recorded, the case stays', () => {
    const d = sentOnSeller();
    const rung = d.activeCase()!.state.rung;
    const r = d.say('要是商家还是不退 我能不能直接去法院告他');
    const text = allText(r);
    expect(text).toContain('小额诉讼');
    expect(text).toContain('最后一步');
    expect(text).toContain('网上立案');
    expect(text).not.toContain('明确拒绝');
    const c = d.activeCase()!;
    expect(c.state.replies ?? []).toHaveLength(0);
    expect(c.state.rung).toBe(rung);
    // The cost, asked next, comes from the law table (受理费 50元 up to 1万元).
    const cost = allText(d.say('这要花多少钱 我还是学生'));
    expect(cost).toContain('50元');
    expect(d.activeCase()!.state.replies ?? []).toHaveLength(0);
  });

  it('other if-clauses ("如果商家说无此订单怎么办") record nothing', () => {
    const d = sentOnSeller();
    d.say('如果商家说无此订单怎么办');
    expect(d.activeCase()!.state.replies ?? []).toHaveLength(0);
  });
});

describe('F19: a swap offered for a fee is not a part refund', () => {
  it('"客服说可以给我换一张 但是要我补20块差价" → free replacement or full refund, never "退20元"', () => {
    const d = sentOnSeller('card_used');
    const r = d.say('客服说可以给我换一张 但是要我补20块差价');
    const text = allText(r);
    expect(text).not.toContain('退20');
    expect(text).not.toContain('只肯退一部分');
    expect(text).toContain('免费更换');
    const c = d.activeCase()!;
    expect(c.facts.offerAmount ?? null).toBeNull();
    expect(c.state.replies?.at(-1)?.kind).not.toBe('partial_offer');
    expect(ids(d)).not.toContain('k:pa');
  });
});

describe('F3: "退了一半 60" is the sum received (here 50 of 100)', () => {
  it('records 50 back, the rest owed; never "商家说已经退款" / "称已经退款，但我没有收到"', () => {
    const d = sentOnSeller('not_received');
    const r = d.say("退了一半 50");
    const text = allText(r);
    expect(text).not.toContain('商家说已经退款');
    expect(text).not.toContain("称已经退款");
    const c = d.activeCase()!;
    expect(c.facts.refundedSoFar).toBe(50);
    expect(c.status).toBe('open');
    expect((c.state.replies ?? []).some((x) => x.kind === 'refunded')).toBe(false);
    expect(text).toContain('还差');
  });
});

describe('F6: a complaint closed without the money is not 已发货', () => {
  it('payment channel: "商家已经处理了，投诉关了，可是我钱根本没收到" → 继续投诉 with proof, no 已发货', () => {
    const d = sentOnSeller('not_received', false);
    d.press('r:next');
    d.press('r:next');
    expect(ids(d)).toContain('k:bc');
    d.press(d.choice('r:sent'));
    const r = d.say('微信那边说商家已经处理了，投诉关了，可是我钱根本没收到啊');
    const text = allText(r);
    expect(text).not.toContain('已发货');
    expect(text).toContain('继续投诉');
    expect(d.activeCase()!.state.replies?.at(-1)?.kind).not.toBe('already_delivered');
  });
});

describe('F24: the platform refused for lack of evidence', () => {
  it('"驳回了 说我证据不足" → the missing checklist items and resubmitting, the case stays on the platform', () => {
    const d = sentOnSeller('not_received', false);
    d.press('r:next');
    d.press(d.choice('r:sent'));
    const rung = d.activeCase()!.state.rung;
    const r = d.say('平台驳回了 说我证据不足');
    const text = allText(r);
    expect(text).toContain('订单截图');
    expect(text).toContain('重新提交');
    expect(d.activeCase()!.state.rung).toBe(rung);
  });
});

describe('F27: 报警 typed on a rung', () => {
  it('is never recorded as the seller saying 找上游/平台', () => {
    for (const text of ['报警', '我要报警']) {
      const d = sentOnSeller();
      const r = d.say(text);
      const all = allText(r);
      expect(all, text).not.toContain('找上游');
      expect(all, text).toContain('受案回执');
      expect(d.activeCase()!.state.replies ?? [], text).toHaveLength(0);
    }
  });

  it('the seller telling the user to go to the police is still the seller\'s answer', () => {
    const d = sentOnSeller();
    d.say('商家说不关他的事 让我去报警');
    expect((d.activeCase()!.state.replies ?? []).length).toBe(1);
  });
});
