// Logs go through the same card-key detector as stored text: a key in a message, a field or an
// error is masked in the JSON line.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

const KEY = 'H674Ci8Em5UMkaC9';

function capture() {
  const lines: string[] = [];
  const log = createLogger('debug', { write: (s: string) => void lines.push(s) });
  return { log, lines };
}

describe('logger', () => {
  it('masks keys in the message, in string fields, one level down, and in errors', () => {
    const { log, lines } = capture();
    log.info(`user sent 卡密 ${KEY}`);
    log.warn({ text: `订单 ${KEY}`, detail: { note: `…卡是${KEY}` } }, 'odd input');
    log.error({ err: new Error(`Bad Request: message text ${KEY} is too long`) }, 'send failed');
    log.error(new Error(`boom ${KEY}`));
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l).not.toContain(KEY.slice(4, 12));
    expect(lines.join('\n')).toContain('H674****kaC9');
    expect(JSON.parse(lines[2]).err.message).toBe('Bad Request: message text H674****kaC9 is too long');
  });

  it('leaves ordinary fields alone', () => {
    const { log, lines } = capture();
    log.info({ chatId: '-1001234567890', orderId: '202611201530123456', count: 3 }, 'sent');
    expect(JSON.parse(lines[0])).toMatchObject({ chatId: '-1001234567890', orderId: '202611201530123456', count: 3, msg: 'sent' });
  });
});
