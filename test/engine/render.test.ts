// The one renderer: descriptors → the text and buttons adapters receive.
import { describe, expect, it } from 'vitest';
import { renderReply, renderText } from '../../src/engine/render.js';
import { amount, datetime, join, msg } from '../../src/flow/message.js';
import { t } from '../../src/i18n/index.js';

describe('renderText', () => {
  it('fills a key with params, nested descriptors rendered first', () => {
    expect(renderText(msg('evidence.have', { item: msg('ev.chat_log.short') }))).toBe(t('evidence.have', { item: t('ev.chat_log.short') }));
  });

  it('takes the first key present; else, or the last key missing throws as t() does', () => {
    expect(renderText(msg(['q.nowhere.platform', 'q.platform']))).toBe(t('q.platform'));
    expect(renderText({ key: ['ex.nowhere', 'ex.kind.nowhere'], else: '' })).toBe('');
    expect(() => renderText(msg(['a.missing', 'b.missing']))).toThrow('missing locale key: b.missing');
  });

  it('joins parts, formats amounts and moments in the zone', () => {
    expect(renderText(join(['a', msg('law.disclaimer'), 'b'], '|'))).toBe(`a|${t('law.disclaimer')}|b`);
    expect(renderText(amount(12.5))).toBe(t('fmt.amount', { n: '12.50' }));
    const now = new Date('2026-11-18T06:00:00Z');
    expect(renderText(datetime(new Date('2026-11-20T09:00:00Z'), 'Asia/Shanghai', now))).toBe('11月20日 17:00');
    expect(renderText(datetime('2025-12-31', 'Asia/Shanghai', now))).toBe('2025年12月31日');
  });
});

describe('renderReply', () => {
  it('encodes choices with the codec and renders the document', () => {
    const r = renderReply({
      text: 'x',
      choices: [{ value: { kind: 'rung', op: 'sent' }, label: msg('choice.sent') }],
      document: { title: msg('doc.seller.title'), body: 'body' },
    });
    expect(r).toEqual({ text: 'x', choices: [{ id: 'r:sent', label: t('choice.sent') }], document: { title: t('doc.seller.title'), body: 'body' } });
    expect(renderReply({ text: 'y' })).toStrictEqual({ text: 'y' });
  });
});
