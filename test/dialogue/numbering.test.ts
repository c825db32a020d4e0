import { describe, expect, it } from 'vitest';
import { caseRef, checklistLines, checklistOptions, pickCase, stableChecklist } from '../../src/dialogue/numbering.js';
import { matchOption, matchOptions } from '../../src/dialogue/options.js';

const ITEMS = [
  { id: 'order_shot', label: '订单截图' },
  { id: 'payment_record', label: '支付记录' },
  { id: 'chat_log', label: '聊天记录' },
  { id: 'no_credit_proof', label: '未到账证明' },
  { id: 'promise_shot', label: '发货承诺截图' },
  { id: 'balance_shot', label: '余额截图' },
];
const DONE = { id: 'done', label: '证据先这样，看下一步', labelKey: 'choice.evidence_done' };

describe('stable checklist', () => {
  it('numbers never shift when items are ticked; ticked items stay, marked ✅', () => {
    const before = stableChecklist(ITEMS, []);
    const after = stableChecklist(ITEMS, ['payment_record', 'no_credit_proof']);
    expect(after.map((e) => e.number)).toEqual(before.map((e) => e.number));
    expect(after.map((e) => e.id)).toEqual(ITEMS.map((i) => i.id));
    expect(checklistLines(after)).toEqual(['1. 订单截图', '2. ✅ 支付记录', '3. 聊天记录', '4. ✅ 未到账证明', '5. 发货承诺截图', '6. 余额截图']);
  });

  it('typing 4 then 6 ticks items 4 and 6 whatever was ticked between', () => {
    let ticked: string[] = [];
    for (const typed of ['4', '6']) {
      const opts = checklistOptions(stableChecklist(ITEMS, ticked), [DONE]);
      ticked = [...ticked, ...matchOptions(typed, opts)];
    }
    expect(ticked).toEqual(['no_credit_proof', 'balance_shot']);
  });

  it('the move-on entry follows the items', () => {
    const opts = checklistOptions(stableChecklist(ITEMS, ['chat_log']), [DONE]);
    expect(matchOption('7', opts)).toMatchObject({ kind: 'match', id: 'done' });
    expect(matchOption('看下一步', opts)).toMatchObject({ kind: 'match', id: 'done' });
    expect(matchOption('聊天截图', opts)).toMatchObject({ kind: 'match', id: 'chat_log' });
    expect(matchOptions('1 3 5', opts)).toEqual(['order_shot', 'chat_log', 'promise_shot']);
  });
});

describe('case references by id', () => {
  it.each<[string, number | undefined]>([
    ['#4', 4], ['# 4', 4], ['4', 4], ['４', 4], ['案件4', 4], ['案件 4', 4], ['案件#4', 4], ['案件 #4', 4], ['4号案件', 4], ['4号', 4], ['案件4号', 4],
    ['案件四', 4], ['四号案件', 4], ['切换到案件4', 4], ['案子12', 12], ['case 4', 4], ['#12。', 12],
    ['案件', undefined], ['随便', undefined], ['第4个', undefined], ['4个', undefined], ['#0', undefined], ['100元', undefined],
  ])('%j → %s', (s, n) => expect(caseRef(s)).toBe(n));

  it('a number is the case id, not a position in the list', () => {
    const ids = [1, 4, 5];
    expect(pickCase('5', ids)).toEqual({ kind: 'match', id: 5 });
    expect(pickCase('#4', ids)).toEqual({ kind: 'match', id: 4 });
    expect(pickCase('案件2', ids)).toEqual({ kind: 'none', named: 2 });
    expect(pickCase('好的', ids)).toEqual({ kind: 'none' });
  });
});
