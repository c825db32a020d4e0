import { describe, expect, it } from 'vitest';
import { matchOption, matchOptions, typedNumber, type OptionSpec } from '../../src/dialogue/options.js';
import { allSynonyms, choiceOptions, optionSpecs, questionOptions, synonymsForLabel, synonymsOf } from '../../src/dialogue/synonyms.js';
import { has, t } from '../../src/i18n/index.js';
import { FLOWS } from '../../flows/index.js';
import { SCENARIOS } from '../../src/types.js';

const sellerContact = questionOptions('not_received', 'sellerContact', ['no_reply', 'stalling', 'refused', 'not_yet']);
const promisedTime = questionOptions('not_received', 'promisedTime', ['instant', 'hours', 'day', 'none']);
const goodsState = questionOptions('not_received', 'goodsState', ['nothing', 'partial', 'used']);
const redeemedBefore = questionOptions('card_used', 'redeemedBefore', ['never', 'me_success', 'shared', 'unsure']);
const orderExists = questionOptions('payment_failed', 'orderExists', ['yes_unpaid', 'yes_failed', 'none']);
const othersAffected = questionOptions('merchant_vanished', 'othersAffected', ['yes', 'no', 'unknown']);
const usedAlready = questionOptions('not_as_described', 'usedAlready', ['no', 'tried', 'used_fully']);
const siteState = questionOptions('merchant_vanished', 'siteState', ['down', 'up_no_service', 'blocked_me', 'unknown']);
const channels = questionOptions('double_charge', 'channels', ['same', 'different']);
const evidence = optionSpecs([
  { id: 'order_shot', labelKey: 'ev.order_shot', label: t('ev.order_shot.short') },
  { id: 'payment_record', labelKey: 'ev.payment_record', label: t('ev.payment_record.short') },
  { id: 'chat_log', labelKey: 'ev.chat_log', label: t('ev.chat_log.short') },
  { id: 'no_credit_proof', labelKey: 'ev.no_credit_proof', label: t('ev.no_credit_proof.short') },
  { id: 'promise_shot', labelKey: 'ev.promise_shot', label: t('ev.promise_shot.short') },
  { id: 'done', labelKey: 'choice.evidence_done' },
]);
const ladder = optionSpecs([
  { id: 'sent', labelKey: 'choice.sent' },
  { id: 'next', labelKey: 'choice.next_rung' },
  { id: 'evidence', labelKey: 'choice.evidence' },
  { id: 'close', labelKey: 'choice.close' },
]);
const scenarios = optionSpecs(SCENARIOS.map((s) => ({ id: s, labelKey: `scenario.${s}` })));

type Row = [string, string, OptionSpec[]];
const MATCHES: Row[] = [
  // the examples from issue 11
  ['已读不回', 'no_reply', sellerContact],
  ['即时', 'instant', promisedTime],
  ['没到账', 'nothing', goodsState],
  ['聊天记录', 'chat_log', evidence],
  ['看下一步', 'done', evidence],
  ['沒有，第一次兌換就報錯', 'never', redeemedBefore],
  // full labels, traditional, full-width, spacing
  ['不回复/已读不回', 'no_reply', sellerContact],
  ['不回覆／已讀不回', 'no_reply', sellerContact],
  ['即時/幾分鐘內', 'instant', promisedTime],
  ['没有，第一次兑换就报错', 'never', redeemedBefore],
  ['没有 第一次兑换就报错', 'never', redeemedBefore],
  ['证据先这样，看下一步', 'done', evidence],
  ['證據先這樣', 'done', evidence],
  ['收到了，也用了', 'used', goodsState],
  ['收到了也用了', 'used', goodsState],
  // numbers as shown
  ['1', 'no_reply', sellerContact],
  ['２', 'stalling', sellerContact],
  ['第3个', 'refused', sellerContact],
  ['第三个', 'refused', sellerContact],
  ['选4', 'not_yet', sellerContact],
  ['4.', 'not_yet', sellerContact],
  ['6', 'done', evidence],
  // parts and synonyms
  ['不回', 'no_reply', sellerContact],
  ['不回复', 'no_reply', sellerContact],
  ['没回', 'no_reply', sellerContact],
  ['商家一直不回', 'no_reply', sellerContact],
  ['联系不上', 'no_reply', sellerContact],
  ['說在處理', 'stalling', sellerContact],
  ['一直说在处理中', 'stalling', sellerContact],
  ['让我等', 'stalling', sellerContact],
  ['不给退', 'refused', sellerContact],
  ['他说不退', 'refused', sellerContact],
  ['拒绝', 'refused', sellerContact],
  ['还没联系', 'not_yet', sellerContact],
  ['没联系过', 'not_yet', sellerContact],
  ['不是拒绝退款，是一直说在处理', 'stalling', sellerContact],
  ['几分钟内', 'instant', promisedTime],
  ['秒发', 'instant', promisedTime],
  ['说是自动发货', 'instant', promisedTime],
  ['几小时', 'hours', promisedTime],
  ['24小时', 'day', promisedTime],
  ['一天内', 'day', promisedTime],
  ['没写', 'none', promisedTime],
  ['没说', 'none', promisedTime],
  ['没收到', 'nothing', goodsState],
  ['还没收到啊', 'nothing', goodsState],
  ['卡密也没给', 'nothing', goodsState],
  ['完全没到账', 'nothing', goodsState],
  ['只到了一部分', 'partial', goodsState],
  ['到了一半', 'partial', goodsState],
  ['没用过', 'never', redeemedBefore],
  ['第一次用就报错', 'never', redeemedBefore],
  ['我自己兑换成功过', 'me_success', redeemedBefore],
  ['发给过别人', 'shared', redeemedBefore],
  ['截图外传过', 'shared', redeemedBefore],
  ['不确定', 'unsure', redeemedBefore],
  ['不记得了', 'unsure', redeemedBefore],
  ['待支付', 'yes_unpaid', orderExists],
  ['显示失败', 'yes_failed', orderExists],
  ['有 显示异常', 'yes_failed', orderExists],
  ['没有订单', 'none', orderExists],
  ['没有', 'none', orderExists],
  ['有', 'yes', othersAffected],
  ['有的', 'yes', othersAffected],
  ['好多人都被骗了', 'yes', othersAffected],
  ['没有', 'no', othersAffected],
  ['就我一个', 'no', othersAffected],
  ['不知道', 'unknown', othersAffected],
  ['不知道有没有', 'unknown', othersAffected],
  ['没用', 'no', usedAlready],
  ['没有用过', 'no', usedAlready],
  ['试了一下', 'tried', usedAlready],
  ['已经用完了', 'used_fully', usedAlready],
  ['用完了', 'used_fully', usedAlready],
  ['同一个', 'same', channels],
  ['都一样', 'same', channels],
  ['不是同一个', 'different', channels],
  ['不一样', 'different', channels],
  ['聊天截图', 'chat_log', evidence],
  ['账单', 'payment_record', evidence],
  ['订单截图', 'order_shot', evidence],
  ['先这样', 'done', evidence],
  ['已发送', 'sent', ladder],
  ['發了', 'sent', ladder],
  ['没用，看下一步', 'next', ladder],
  ['沒用 看下一步', 'next', ladder],
  ['没用', 'next', ladder],
  ['结案', 'close', ladder],
  ['付款后未到账', 'not_received', scenarios],
  ['重复扣款', 'double_charge', scenarios],
  ['卡密被用了', 'card_used', scenarios],
  ['商家跑路了', 'merchant_vanished', scenarios],
  ['货不对板', 'not_as_described', scenarios],
  // typos (edit distance)
  ['已度不回', 'no_reply', sellerContact],
  ['一直说再处理', 'stalling', sellerContact],
  ['不是不回，是一直说在处理', 'stalling', sellerContact],
  ['他把我拉黑了', 'blocked_me', siteState],
  ['网站打不開了', 'down', siteState],
  ['客服不回 网站还能打开', 'up_no_service', siteState],
  ['拒决退款', 'refused', sellerContact],
  ['只到了一部份', 'partial', goodsState],
  ['我自己兑换成工过', 'me_success', redeemedBefore],
];

describe('matchOption', () => {
  it.each(MATCHES)('%j → %s', (text, id, options) => {
    const m = matchOption(text, options);
    expect(m).toMatchObject({ kind: 'match', id });
  });

  it.each<[string, string[], OptionSpec[]]>([
    ['一会说在处理一会说不退', ['stalling', 'refused'], sellerContact],
    ['有', ['yes_unpaid', 'yes_failed'], orderExists],
    ['显示', ['yes_unpaid', 'yes_failed'], orderExists],
  ])('%j is ambiguous between %j', (text, ids, options) => expect(matchOption(text, options)).toEqual({ kind: 'ambiguous', ids }));

  it.each<[string, OptionSpec[]]>([
    ['不', sellerContact],
    ['没', sellerContact],
    ['啊', sellerContact],
    ['', sellerContact],
    ['😡', sellerContact],
    ['5', sellerContact],
    ['0', sellerContact],
    ['今天天气不错', sellerContact],
    ['100元', promisedTime],
    ['卡密 K7PX9M2QW4ZR2345', redeemedBefore],
    ['2', []],
  ])('%j matches nothing (%#)', (text, options) => expect(matchOption(text, options)).toEqual({ kind: 'none' }));

  it('a number picks by the number shown, not by position', () => {
    const shown: OptionSpec[] = [
      { id: 'a', label: '订单截图', number: 1 },
      { id: 'c', label: '聊天记录', number: 3 },
      { id: 'd', label: '未到账证明', number: 4 },
    ];
    expect(matchOption('3', shown)).toMatchObject({ kind: 'match', id: 'c' });
    expect(matchOption('2', shown)).toEqual({ kind: 'none' });
  });

  it('a bare number with unnumbered options is not a label', () => {
    expect(matchOption('2', [{ id: 'a', label: '2次' }])).toEqual({ kind: 'none' });
  });
});

describe('typedNumber', () => {
  it.each<[string, number | undefined]>([
    ['3', 3], [' 3 ', 3], ['３', 3], ['③', 3], ['第3个', 3], ['第三个', 3], ['选2', 2], ['2号', 2], ['#2', 2], ['2、', 2], ['12', 12],
    ['三', undefined], ['2个', undefined], ['3次', undefined], ['100元', undefined], ['abc', undefined],
  ])('%j → %s', (s, n) => expect(typedNumber(s)).toBe(n));
});

describe('matchOptions (checklist)', () => {
  it.each<[string, string[]]>([
    ['4 5', ['no_credit_proof', 'promise_shot']],
    ['4，5', ['no_credit_proof', 'promise_shot']],
    ['1、3、5', ['order_shot', 'chat_log', 'promise_shot']],
    ['2和4', ['payment_record', 'no_credit_proof']],
    ['3', ['chat_log']],
    ['9', []],
    ['聊天记录和支付记录', ['payment_record', 'chat_log']],
    ['聊天记录', ['chat_log']],
    ['随便', []],
  ])('%j → %j', (s, ids) => expect(matchOptions(s, evidence)).toEqual(ids));
});

describe('synonyms in the locale files', () => {
  it('every synonym key belongs to a label that exists', () => {
    for (const key of Object.keys(allSynonyms())) {
      const rest = key.slice(4);
      expect(has(`opt.${rest}`) || has(rest), key).toBe(true);
    }
  });

  it('every option of every flow question has synonyms, and each synonym and label picks its own option', () => {
    for (const flow of Object.values(FLOWS)) {
      for (const q of flow.questions) {
        if (q.kind !== 'choice' || !q.options) continue;
        const opts = questionOptions(flow.id, q.id, q.options);
        for (const o of opts) {
          expect(o.synonyms?.length, `${flow.id}.${q.id}.${o.id}`).toBeGreaterThan(0);
          for (const text of [o.label, ...(o.synonyms ?? [])]) {
            expect(matchOption(text, opts), `${flow.id}.${q.id}: ${text}`).toMatchObject({ kind: 'match', id: o.id });
          }
        }
      }
    }
  });

  it('buttons known only by { id, label } get the synonyms of their label', () => {
    expect(synonymsForLabel(t('choice.next_rung'))).toContain('没用');
    expect(synonymsForLabel(t('ev.chat_log.short'))).toContain('聊天截图');
    expect(synonymsForLabel('没有的标签')).toEqual([]);
    const shown = choiceOptions([
      { id: 'r:sent', label: t('choice.sent') },
      { id: 'r:next', label: t('choice.next_rung') },
    ]);
    expect(matchOption('发了', shown)).toMatchObject({ kind: 'match', id: 'r:sent' });
    expect(matchOption('没用 看下一步', shown)).toMatchObject({ kind: 'match', id: 'r:next' });
    expect(matchOption('2', shown)).toMatchObject({ kind: 'match', id: 'r:next' });
  });

  it('the generic skip button loses a tie to the question\'s own option', () => {
    const shown = choiceOptions([
      { id: 'a:never', label: t('opt.redeemedBefore.never') },
      { id: 'a:unsure', label: t('opt.redeemedBefore.unsure') },
      { id: 'q:skip', label: t('choice.skip') },
    ]);
    expect(matchOption('不清楚', shown)).toMatchObject({ kind: 'match', id: 'a:unsure' });
    expect(matchOption('跳过', shown)).toMatchObject({ kind: 'match', id: 'q:skip' });
    expect(matchOption('3', shown)).toMatchObject({ kind: 'match', id: 'q:skip' });
    const onlySkip = choiceOptions([{ id: 'q:skip', label: t('choice.skip') }]);
    expect(matchOption('不清楚', onlySkip)).toMatchObject({ kind: 'match', id: 'q:skip' });
  });

  it('evidence items bring their short label', () => {
    expect(synonymsOf('ev.chat_log')).toContain('聊天记录');
  });
});
