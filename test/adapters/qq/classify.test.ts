import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../adapters/qq/send.js';

describe('classifyError', () => {
  it('a bot removed from a group or a user who is no longer a friend makes the chat unreachable', () => {
    for (const m of ['ERR: 不是好友', '发送失败：机器人不在该群', 'group not found', 'Bot was kicked from group']) {
      const e = classifyError(Object.assign(new Error(m), { code: 1200 }));
      expect(e.opts.unreachable, m).toBe(true);
    }
  });

  it('other refusals are final, and what may pass is retried', () => {
    const refused = classifyError(Object.assign(new Error('消息内容违规'), { code: 1200 }));
    expect(refused.opts).toEqual({});
    const later = classifyError(new Error('ETIMEDOUT'));
    expect(later.opts.retryAfterMs).toBeGreaterThan(0);
    expect(later.opts.unreachable).toBeUndefined();
  });
});
