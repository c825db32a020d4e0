// The one place where the step's message descriptors (src/flow/message.ts) become text: the
// engine renders each reply effect here before it is queued, so adapters keep receiving Reply.
import { has, t, type Params } from '../i18n/index.js';
import { formatAmount, formatDateTime, formatDeadline, formatDate } from '../flow/format.js';
import type { Param, ReplyMsg, Text } from '../flow/message.js';
import type { Reply } from '../types.js';
import { encodeChoice } from './choices.js';

/** Params objects are shared between nested descriptors (document templates): each renders once. */
type Cache = Map<object, Params>;

function renderParams(p: Readonly<Record<string, Param>> | undefined, cache: Cache): Params {
  if (!p) return {};
  const hit = cache.get(p);
  if (hit) return hit;
  const out: Params = {};
  for (const [k, v] of Object.entries(p)) out[k] = v === null || v === undefined || typeof v === 'number' || typeof v === 'string' ? v : text(v, cache);
  cache.set(p, out);
  return out;
}

function text(m: Text, cache: Cache): string {
  if (typeof m === 'string') return m;
  if ('key' in m) {
    const keys = typeof m.key === 'string' ? [m.key] : m.key;
    const key = keys.find(has) ?? (m.else !== undefined ? undefined : keys[keys.length - 1]);
    return key === undefined ? (m.else ?? '') : t(key, renderParams(m.params, cache));
  }
  if ('join' in m) return m.join.map((x) => text(x, cache)).join(m.sep);
  if (m.fmt === 'amount') return formatAmount(m.n);
  const now = m.now === undefined ? undefined : new Date(m.now);
  const at = /^\d{4}-\d{2}-\d{2}$/.test(m.at) ? m.at : new Date(m.at);
  if (m.fmt === 'deadline') return formatDeadline(new Date(m.at), m.zone, now);
  return m.fmt === 'date' ? formatDate(at, m.zone, now) : formatDateTime(at, m.zone, now);
}

/** A descriptor as the user reads it. */
export function renderText(m: Text): string {
  return text(m, new Map());
}

/** A reply descriptor as adapters receive it (choices encoded with the codec). */
export function renderReply(r: ReplyMsg): Reply {
  const cache: Cache = new Map();
  const out: Reply = { text: text(r.text, cache) };
  if (r.choices) out.choices = r.choices.map((c) => ({ id: encodeChoice(c.value), label: text(c.label, cache) }));
  if (r.document) out.document = { title: text(r.document.title, cache), body: text(r.document.body, cache) };
  return out;
}
