// A Bot API transformer (grammY's shape, written without importing grammY) that tells the
// broadcast limiter about every send the bot makes — when it goes on the wire and when its
// answer arrives (replies count against the same ~30/s) — and about every 429, whose
// retry_after then holds the broadcast lane (replies are not held: they never wait on the
// limiter). Install it closest to the network (createBot's `transformers` option), below
// auto-retry, so it sees each raw request and each raw 429.
import type { RateLimiter } from './limiter.js';

type ApiResult = { ok: boolean; error_code?: number; parameters?: { retry_after?: number } };
type Call = (method: string, payload: unknown, signal?: AbortSignal) => Promise<unknown>;

const SENDS = /^(send|copy|forward)[A-Z]/;

export function rateTap(limiter: RateLimiter) {
  return async (prev: Call, method: string, payload: unknown, signal?: AbortSignal): Promise<unknown> => {
    const chat = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    const mark = SENDS.test(method) && chat !== undefined ? limiter.sending(String(chat)) : undefined;
    try {
      const res = (await prev(method, payload, signal)) as ApiResult;
      if (res && res.ok === false && res.error_code === 429) limiter.pause((res.parameters?.retry_after ?? 1) * 1000);
      return res;
    } finally {
      if (mark) limiter.settled(mark);
    }
  };
}
