// Issue 16 on QQ through the Koishi mock harness (a real Koishi Context): a merchant stored by its
// URL is found by its domain and QQ number in a group, and help in private and in groups says what
// the community desk does.
import { afterEach, describe, expect, it } from 'vitest';
import { mockQQ, type Harness } from '../adapters/qq/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('community desk on QQ (Koishi mock)', () => {
  it('2 — merchants stored by URL or QQ number are found by domain and number', async () => {
    h = await mockQQ();
    const now = h.app.now();
    for (const [name, reason] of [['https://www.kuaifa-ka.com/', '跑路'], ['QQ 99887766', '收款拉黑']]) {
      const m = h.app.blacklist.addMerchant(name, 'reported', null, now);
      h.app.blacklist.store.updateMerchant(m.id, { status: 'blacklisted', reason }, now);
    }
    const inGroup = h.member('40001', '98001');
    expect((await inGroup.receive('查商家 kuaifa-ka.com'))[0]).toContain('原因：跑路');
    expect((await inGroup.receive('查商家 www.kuaifa-ka.com'))[0]).toContain('原因：跑路');
    expect((await inGroup.receive('查商家 99887766'))[0]).toContain('原因：收款拉黑');
  });

  it('11 — 帮助 in private and /help in a group mention 查商家, 举报, 订阅提醒 and 集体投诉', async () => {
    h = await mockQQ();
    const help = (await h.user('40002').receive('帮助')).join('\n');
    for (const w of ['查商家', '举报', '订阅提醒', '集体投诉']) expect(help, w).toContain(w);
    const group = (await h.member('40002', '98002').receive('/help')).join('\n');
    expect(group).toContain('查商家');
    expect(group).toContain('私聊');
  });
});
