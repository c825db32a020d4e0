// Telegram adapter overhead: the same scripted case workload pushed through the real grammY Bot
// (decode → engine → render → Bot API call answered by a transformer, no network) versus
// straight into the engine, on a real database file; plus rendering of long replies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { createBot, renderReply } from '../adapters/telegram/index.js';

const USERS = 1_000;
const STEPS: Array<{ text: string } | { data: string }> = [
  { text: '/start' },
  { data: 'm:new' },
  { data: 's:not_received' },
  { text: '小年卡盟' },
  { text: '星辰点卡店 <QQ 123456>' },
  { text: '王者点券' },
  { text: '202611201530123456' },
  { text: '100元' },
  { data: 'a:alipay' },
  { text: '昨天下午3点' },
  { data: 'a:instant' },
  { data: 'a:nothing' },
  { data: 'a:no_reply' },
  { data: 'e:order_shot' },
  { data: 'e:done' },
  { data: 'r:sent' },
];
const BOT: UserFromGetMe = {
  id: 1, is_bot: true, first_name: 'bench', username: 'bench_bot', can_join_groups: true, can_read_all_group_messages: false,
  supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false,
  allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false,
};
const date = Math.floor(Date.parse('2026-11-20T08:00:00Z') / 1000);

function update(id: number, user: number, step: (typeof STEPS)[number]): Update {
  const from = { id: user, is_bot: false, first_name: 'u' };
  const chat = { id: user, type: 'private', first_name: 'u' };
  if ('text' in step) return { update_id: id, message: { message_id: id, date, chat, from, text: step.text } } as unknown as Update;
  return { update_id: id, callback_query: { id: String(id), from, chat_instance: 'c', data: step.data, message: { message_id: 1, date, chat } } } as unknown as Update;
}

const percentile = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function run(mode: 'bot' | 'engine'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tg-bench-'));
  const app = createApp(testConfig({ DATABASE_PATH: join(dir, 'bench.db'), SQLITE_SYNCHRONOUS: 'NORMAL', TELEGRAM_BOT_TOKEN: '1:bench' }), {
    now: () => new Date('2026-11-20T08:00:00Z'),
    log: pino({ level: 'silent' }),
  });
  let calls = 0;
  const fake = (async (_prev: unknown, method: string, payload: { chat_id?: number }) => {
    calls++;
    return method === 'sendMessage' ? { ok: true, result: { message_id: 1, date, chat: { id: payload.chat_id, type: 'private' } } } : { ok: true, result: true };
  }) as unknown as Transformer;
  const { bot } = createBot(app, { botInfo: BOT, transformers: [fake] });
  const latencies: number[] = [];
  let id = 0;
  const t0 = performance.now();
  for (const step of STEPS) {
    for (let u = 1; u <= USERS; u++) {
      const upd = update(++id, u, step);
      const s = performance.now();
      if (mode === 'bot') await bot.handleUpdate(upd);
      else {
        const m = upd.message;
        const q = upd.callback_query;
        app.engine.handle({
          platform: 'telegram', updateId: String(upd.update_id), userId: String(u), chatId: String(u), chatKind: 'private', at: new Date(date * 1000),
          ...(m ? { text: m.text } : { choice: q!.data }),
        });
      }
      latencies.push(performance.now() - s);
    }
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `${mode.padEnd(6)} ${id} updates in ${secs.toFixed(2)} s = ${Math.round(id / secs)} updates/s; ` +
      `p50 ${percentile(latencies, 0.5).toFixed(3)} ms, p99 ${percentile(latencies, 0.99).toFixed(3)} ms; Bot API calls ${calls}`,
  );
  app.close();
  rmSync(dir, { recursive: true, force: true });
}

function renderBench(): void {
  const text = Array.from({ length: 40 }, (_, i) => `第${i + 1}段 <商家> & 订单：` + '说明文字'.repeat(60)).join('\n\n'); // ~10k chars
  const n = 2_000;
  const t0 = performance.now();
  let parts = 0;
  for (let i = 0; i < n; i++) parts += renderReply({ text, document: { title: '投诉书', body: text } }, { botUsername: 'bench_bot' }).length;
  const ms = performance.now() - t0;
  console.log(`render ${n} replies of ${text.length}+${text.length} chars (split into ${parts / n} messages each): ${(ms / n).toFixed(3)} ms per reply`);
}

await run('engine');
await run('bot');
renderBench();
