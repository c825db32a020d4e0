// Whole cases through the real grammY Bot and the real engine: the test reads each reply
// the way a user would (its text and buttons) and answers it, rather than replaying a fixed script.
import { afterEach, describe, expect, it } from 'vitest';
import { buttons, Chatter, harness, visible, type ApiCall, type Harness } from './harness.js';

let h: Harness;
afterEach(() => h?.close());

const MERCHANT = '<b>星辰&点卡</b> <script>x</script>';

/** Typed answers to free-text questions, found by what the question asks. */
const TYPED: [RegExp, string][] = [
  [/哪个平台/, '小年卡盟 www.xn-km.example'],
  [/卖家|商家）叫什么/, MERCHANT],
  [/买的是什么/, '王者荣耀点券 600'],
  [/订单号/, '202611201530123456'],
  [/付了多少钱/, '100元'],
  [/什么时候付/, '昨天下午3点'],
  [/扣了几次/, '2次'],
  [/多扣了多少/, '100元'],
];

/** Which button to press when a question offers these ids (else the first real option). */
const PREFERRED = ['a:instant', 'a:nothing', 'a:no_reply', 'a:one', 'a:same'];

/** Only our own markup may appear; everything else must be escaped. */
function expectSafeHtml(html: string): void {
  const stripped = html.replace(/<\/?(b|i|pre)>/g, '');
  expect(stripped).not.toMatch(/[<>]/);
  expect(stripped.replace(/&(lt|gt|amp);/g, '')).not.toContain('&');
}

interface Transcript {
  presses: string[];
  photos: string[];
  documents: ApiCall[];
}

async function runCase(pm: Chatter, scenario: string): Promise<Transcript> {
  const chatId = pm.user.id;
  const bot = h.tg.bot;
  const t: Transcript = { presses: [], photos: [], documents: [] };
  const press = async (id: string) => {
    t.presses.push(id);
    await bot.handleUpdate(pm.press(id));
  };

  await bot.handleUpdate(pm.text('/start'));
  expect(buttons(h.sent(chatId).at(-1)).map((b) => b.callback_data)).toContain('m:new');
  await press('m:new');
  await press(`s:${scenario}`);

  let seen = h.sent(chatId).length;
  let evidenceStep = 0;
  for (let turn = 0; turn < 40; turn++) {
    const all = h.sent(chatId);
    const fresh = all.slice(seen);
    seen = all.length;
    t.documents.push(...fresh.filter((c) => c.payload.text.includes('<pre>')));
    const last = all.at(-1)!;
    const text = visible(last.payload.text);
    const ids = buttons(last).map((b) => b.callback_data ?? '');

    if (ids.some((id) => id.startsWith('r:'))) {
      // The ladder: one document per rung. Two rungs are enough to show it works.
      if (t.documents.length >= 2) return t;
      await press(ids.find((id) => id.startsWith('r:next')) ?? ids.find((id) => id.startsWith('r:'))!);
      continue;
    }
    if (ids.some((id) => id.startsWith('e:'))) {
      // The evidence checklist: tick one item, send a screenshot, then go on.
      evidenceStep++;
      if (evidenceStep === 1) await press(ids.find((id) => id.startsWith('e:') && id !== 'e:done')!);
      else if (evidenceStep === 2) {
        const fileId = `AgACAgUAAxkBAAI-${scenario}`;
        t.photos.push(fileId);
        await bot.handleUpdate(pm.photo(fileId, '付款记录截图'));
      } else await press('e:done');
      continue;
    }
    if (ids.includes('a:alipay')) {
      // Typed instead of pressed: the engine maps it onto the offered choice.
      await bot.handleUpdate(pm.text('支付宝'));
      continue;
    }
    if (ids.some((id) => id.startsWith('a:'))) {
      await press(PREFERRED.find((p) => ids.includes(p)) ?? ids.find((id) => id.startsWith('a:'))!);
      continue;
    }
    const typed = TYPED.find(([re]) => re.test(text));
    if (!typed) throw new Error(`no answer for: ${text}\nbuttons: ${ids.join(', ')}`);
    await bot.handleUpdate(pm.text(typed[1]));
  }
  throw new Error('case did not reach the ladder');
}

async function checkCommon(pm: Chatter, t: Transcript, scenario: string): Promise<string> {
  const chatId = pm.user.id;
  const sent = h.sent(chatId);
  const transcript = sent.map((c) => visible(c.payload.text)).join('\n---\n');

  // Every press was answered, and nothing went anywhere else.
  const answered = h.calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.callback_query_id);
  expect(answered).toHaveLength(t.presses.length);
  expect(h.calls.filter((c) => c.method === 'sendMessage').length).toBe(sent.length);

  // Assessment, evidence checklist, ladder documents.
  expect(transcript).toContain('初步判断');
  expect(transcript).toContain('证据清单');
  expect(t.documents.length).toBeGreaterThanOrEqual(2);

  // The photo is recorded as evidence of this case, by file_id, with its time.
  const rows = h.app.db
    .prepare(`SELECT e.kind, e.file_ref, e.at FROM evidence e JOIN cases c ON c.id = e.case_id WHERE c.scenario = ?`)
    .all(scenario) as { kind: string; file_ref: string | null; at: number }[];
  expect(rows).toContainEqual({ kind: 'photo', file_ref: t.photos[0], at: h.clock.now.getTime() });
  expect(rows.some((r) => r.file_ref?.endsWith('-small'))).toBe(false);

  // HTML parse mode everywhere, and the merchant's name never leaks markup.
  for (const c of sent) {
    expect(c.payload.parse_mode).toBe('HTML');
    expectSafeHtml(c.payload.text);
    expect(visible(c.payload.text).length).toBeLessThanOrEqual(4096);
    for (const b of buttons(c)) if (b.callback_data) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  }
  const withMerchant = sent.filter((c) => visible(c.payload.text).includes(MERCHANT));
  expect(withMerchant.length).toBeGreaterThan(0);
  for (const c of withMerchant) expect(c.payload.text).toContain('&lt;b&gt;星辰&amp;点卡&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;');

  // Everything the engine wrote went out.
  expect(h.app.outbox.counts()).toEqual({ sent: expect.any(Number) });
  return transcript;
}

describe('whole cases in a private chat', () => {
  it('未到账: intake by buttons and typing, a photo as evidence, assessment and ladder documents', async () => {
    h = harness();
    const pm = new Chatter(h.clock, { id: 2001, first_name: '小明' });
    const t = await runCase(pm, 'not_received');
    const transcript = await checkCommon(pm, t, 'not_received');
    expect(t.presses).toEqual(expect.arrayContaining(['s:not_received', 'a:instant', 'a:nothing', 'a:no_reply', 'e:done']));
    expect(transcript).toMatch(/未到账|发货/);
    // The seller message names the order.
    expect(t.documents.map((d) => visible(d.payload.text)).join('\n')).toContain('202611201530123456');
  });

  it('重复扣款: counts and amounts typed, a photo as evidence, assessment and ladder documents', async () => {
    h = harness();
    const pm = new Chatter(h.clock, { id: 2002, first_name: '小红' });
    const t = await runCase(pm, 'double_charge');
    const transcript = await checkCommon(pm, t, 'double_charge');
    expect(t.presses).toEqual(expect.arrayContaining(['s:double_charge', 'e:done']));
    expect(transcript).toContain('扣了几次');
    expect(transcript).toContain('多扣了多少');
    const facts = h.app.db.prepare(`SELECT facts FROM cases WHERE scenario = 'double_charge'`).get() as { facts: string };
    expect(JSON.parse(facts.facts)).toMatchObject({ chargeCount: 2, extraAmount: 100, paymentMethod: 'alipay' });
  });

  it('a follow-up fired later reaches the chat through the drainer, and its buttons answer it', async () => {
    h = harness();
    const pm = new Chatter(h.clock, { id: 2003, first_name: '小刚' });
    await runCase(pm, 'not_received');
    const ladder = h.sent(pm.user.id).at(-1)!;
    const sent = buttons(ladder).find((b) => b.callback_data === 'r:sent');
    expect(sent).toBeDefined();
    await h.tg.bot.handleUpdate(pm.press('r:sent'));
    const before = h.sent(pm.user.id).length;

    // Ten days later, in the afternoon in Shanghai (outside quiet hours).
    h.clock.now = new Date('2026-11-30T06:00:00Z');
    const fired = h.app.scheduler.fireDue();
    expect(fired.fired).toBeGreaterThan(0);
    expect(await h.tg.drainer.drainOnce()).toBe(fired.fired);
    const followUps = h.sent(pm.user.id).slice(before);
    expect(followUps.length).toBeGreaterThan(0);
    const ids = buttons(followUps.at(-1)).map((b) => b.callback_data!);
    expect(ids.length).toBeGreaterThan(0);

    await h.tg.bot.handleUpdate(pm.press(ids[0]));
    expect(h.sent(pm.user.id).length).toBeGreaterThan(before + followUps.length);
    expect(h.app.outbox.counts()).toEqual({ sent: expect.any(Number) });
  });
});
