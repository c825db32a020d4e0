// A Bot API transformer (grammY's shape, written without importing grammY) that tells the
// broadcast limiter about every send the bot makes — replies count against the same ~30/s —
// and about every 429, whose retry_after then holds the whole lane. Install it closest to the
// network (createBot's `transformers` option), below auto-retry, so it sees each raw 429.
import type { RateLimiter } from './limiter.js';

type ApiResult = { ok: boolean; error_code?: number; parameters?: { retry_after?: number } };
type Call = (method: string, payload: unknown, signal?: AbortSignal) => Promise<unknown>;

const SENDS = /^(send|copy|forward)[A-Z]/;

export function rateTap(limiter: RateLimiter, ownChats: { has(chatId: string): boolean }) {
  return async (prev: Call, method: string, payload: unknown, signal?: AbortSignal): Promise<unknown> => {
    const chat = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    if (SENDS.test(method) && chat !== undefined && !ownChats.has(String(chat))) limiter.record(String(chat));
    const res = (await prev(method, payload, signal)) as ApiResult;
    if (res && res.ok === false && res.error_code === 429) limiter.pause((res.parameters?.retry_after ?? 1) * 1000);
    return res;
  };
}
