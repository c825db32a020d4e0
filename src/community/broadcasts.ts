// 群发 / 群发状态 and the preview's 确认发送 / 取消: an admin's broadcast to subscribed groups and
// opted-in users. A merchant's warning (or correction) is bound to the merchant's state when it is
// previewed: confirming after any change — removed, renamed, reason edited, another broadcast
// about it — or after BROADCAST_DRAFT_MINUTES is refused with the reason and a fresh preview.
// Sending itself (lanes, pacing, tallies) is src/broadcast.
import type { Config } from '../config.js';
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import type { Outbox } from '../store/outbox.js';
import type { Choice, Platform } from '../types.js';
import { summary, type Broadcaster } from '../broadcast/broadcaster.js';
import type { BroadcastKind, BroadcastRow } from '../broadcast/store.js';
import { only } from './commands.js';
import { bl, Desk, type DeskPort } from './desk.js';
import type { BlacklistStore, MerchantRow } from './store/merchants.js';

export const MAX_BROADCAST_CHARS = 1000;
const STATUS_PAGE = 10;

export interface BroadcastsDeps extends DeskPort {
  config: Pick<Config, 'BOT_TIMEZONE' | 'TELEGRAM_BROADCAST_PER_SECOND' | 'TELEGRAM_GROUP_PER_MINUTE' | 'BROADCAST_DRAFT_MINUTES'>;
  outbox: Outbox;
  broadcaster: Pick<Broadcaster, 'store' | 'kick' | 'tally'>;
  merchants: Pick<BlacklistStore, 'merchant'>;
}

export function registerBroadcasts(router: Router, deps: BroadcastsDeps): void {
  const opts = { order: ORDER.FEATURE };
  router.command(
    only('broadcast', 'status'),
    (ctx, cmd) => {
      const d = new Desk(deps, ctx);
      if (cmd.name === 'broadcast') return draftBroadcast(d, deps, cmd.arg.trim() ? t('bc.custom', { text: cmd.arg.trim() }) : '', null);
      const m = /^(\d{1,4})?\s*(全部|all)?$/i.exec(cmd.arg.trim());
      return status(d, deps, Math.max(1, Number(m?.[1] ?? 1)), Boolean(m?.[2]));
    },
    opts,
  );
  router.choice(
    'blacklist',
    (ctx, c) => {
      if (c.op === 'bc') return (c.go ? go : cancel)(new Desk(deps, ctx), deps, c.id ?? 0);
      if (c.op === 'sp') return status(new Desk(deps, ctx), deps, c.id ?? 1, false);
      return false;
    },
    opts,
  );
}

/** What a merchant broadcast is bound to: the fields a warning or correction shows. */
export function merchantState(m: MerchantRow): string {
  return JSON.stringify({ status: m.status, name: m.name, reason: m.reason });
}

/** The warning for a listed merchant, previewed. */
export function draftWarning(d: Desk, deps: Pick<BroadcastsDeps, 'broadcaster' | 'config'>, m: MerchantRow): true {
  return draftBroadcast(d, deps, t('bl.warning', { name: m.name, reason: m.reason ?? '' }), m.id, 'warning', merchantState(m));
}

/** The correction for a removed merchant, to exactly those its warnings reached, previewed. */
export function draftCorrection(d: Desk, deps: Pick<BroadcastsDeps, 'broadcaster' | 'config'>, m: MerchantRow, why: string): true {
  return draftBroadcast(d, deps, t('bl.correction', { name: m.name, why: why || t('bl.correction.no_reason') }), m.id, 'correction', merchantState(m));
}

/** Saves a draft and shows the preview (recipients by kind and platform) with confirm / cancel. */
export function draftBroadcast(
  d: Desk,
  deps: Pick<BroadcastsDeps, 'broadcaster' | 'config'>,
  text: string,
  merchantId: number | null,
  kind: BroadcastKind = merchantId === null ? 'custom' : 'warning',
  bound: string | null = null,
): true {
  if (!text.trim()) return d.say(t('bc.usage'));
  if ([...text].length > MAX_BROADCAST_CHARS) return d.say(t('bc.too_long', { max: MAX_BROADCAST_CHARS }));
  const bs = deps.broadcaster.store;
  const p = bs.preview({ kind, merchantId });
  const b = bs.createDraft(d.userId, merchantId, text.trim(), d.now, { kind, bound });
  d.audit('broadcast_drafted', `broadcast:${b.id}`, { merchant: merchantId, kind });
  const platforms = Object.entries(p.byPlatform)
    .map(([platform, n]) => t('bc.preview.platform', { platform: t(`platform.${platform as Platform}`), n }))
    .join('，');
  const head = t('bc.preview', { id: b.id, text: b.text, groups: p.groups, users: p.users, platforms: platforms || '—', unreachable: p.unreachable });
  const cancelButton = { id: bl({ kind: 'blacklist', op: 'bc', id: b.id, go: false }), label: t('bc.cancel') };
  // Nobody to send to: nothing to confirm (the draft can only be cancelled, or it expires).
  if (p.groups + p.users === 0) return d.say(head + t(kind === 'correction' ? 'bc.preview.nobody_warned' : 'bc.preview.nobody'), [cancelButton]);
  const who = kind === 'correction' ? t('bc.preview.correction') : '';
  return d.say(head + who + t('bc.preview.confirm', { minutes: deps.config.BROADCAST_DRAFT_MINUTES }), [
    { id: bl({ kind: 'blacklist', op: 'bc', id: b.id, go: true }), label: t('bc.confirm') },
    cancelButton,
  ]);
}

/** Why a draft may no longer be sent, or undefined when it may. */
function outdated(d: Desk, deps: BroadcastsDeps, b: BroadcastRow): { why: string; merchant?: MerchantRow } | undefined {
  const m = b.merchantId !== null ? deps.merchants.merchant(b.merchantId) : undefined;
  if (b.merchantId !== null && b.bound) {
    if (!m) return { why: t('bc.refused.gone') };
    const was = JSON.parse(b.bound) as { status: string; name: string; reason: string | null };
    if (m.status !== was.status) return { why: t(m.status === 'removed' ? 'bc.refused.removed' : 'bc.refused.status', { status: t(`bl.status.${m.status}`) }), merchant: m };
    if (m.name !== was.name) return { why: t('bc.refused.renamed', { was: was.name, now: m.name }), merchant: m };
    if (m.reason !== was.reason) return { why: t('bc.refused.reason'), merchant: m };
    const other = deps.broadcaster.store.startedAfter(b.merchantId, b.id);
    if (other) return { why: t('bc.refused.other', { id: other.id }), merchant: m };
  }
  if (d.now.getTime() - b.createdAt > deps.config.BROADCAST_DRAFT_MINUTES * 60_000) return { why: t('bc.refused.expired', { minutes: deps.config.BROADCAST_DRAFT_MINUTES }), merchant: m };
  return undefined;
}

function go(d: Desk, deps: BroadcastsDeps, id: number): true {
  const bs = deps.broadcaster.store;
  const draft = bs.get(id);
  if (!draft || draft.status !== 'draft') return d.say(t('bc.stale'));
  const old = outdated(d, deps, draft);
  if (old) {
    bs.cancel(id);
    d.audit('broadcast_refused', `broadcast:${id}`, { why: old.why });
    d.say(t('bc.refused', { id, why: old.why }));
    return fresh(d, deps, draft, old.merchant);
  }
  const telegram = (bs.preview(draft).byPlatform.telegram ?? 0) > 0;
  const b = bs.start(id, deps.outbox, d.now);
  if (!b) return d.say(t('bc.stale'));
  d.audit('broadcast_started', `broadcast:${id}`, { before: { status: 'draft' }, after: { status: 'sending', total: b.total, skipped: b.skipped } });
  deps.broadcaster.kick();
  const pacing = telegram ? t('bc.started.telegram', { rate: deps.config.TELEGRAM_BROADCAST_PER_SECOND, group: deps.config.TELEGRAM_GROUP_PER_MINUTE }) : '';
  return d.say(t('bc.started', { id, total: b.total, skipped: b.skipped, pacing }));
}

/** After a refusal: a new preview of what would be right now, when there is one. */
function fresh(d: Desk, deps: BroadcastsDeps, b: BroadcastRow, m: MerchantRow | undefined): true {
  if (b.kind === 'custom') return draftBroadcast(d, deps, b.text, null, 'custom');
  if (!m) return true;
  if (b.kind === 'warning' && m.status === 'blacklisted') return draftWarning(d, deps, m);
  if (b.kind === 'correction' && m.status === 'removed') return draftCorrection(d, deps, m, '');
  return true;
}

function cancel(d: Desk, deps: BroadcastsDeps, id: number): true {
  if (!deps.broadcaster.store.cancel(id)) return d.say(t('bc.stale'));
  d.audit('broadcast_cancelled', `broadcast:${id}`, { before: { status: 'draft' }, after: { status: 'cancelled' } });
  return d.say(t('bc.cancelled', { id }));
}

function status(d: Desk, deps: BroadcastsDeps, page: number, all: boolean): true {
  const { rows, total } = deps.broadcaster.store.page(STATUS_PAGE, (page - 1) * STATUS_PAGE, all);
  if (!total) return d.say(t('bc.status.none'));
  if (!rows.length) return d.say(t('list.past_end', { pages: Math.ceil(total / STATUS_PAGE) }));
  const pages = Math.ceil(total / STATUS_PAGE);
  const lines = rows.map((b) => t('bc.status.line', { id: b.id, status: t(`bc.status.${b.status}`), at: d.date(b.startedAt ?? b.createdAt), ...summary(deps.broadcaster.tally(b)) }));
  return d.say([t('bc.status.header', { total, page, pages }), ...lines].join('\n'), pager('sp', page, pages));
}

/** 上一页 / 下一页 buttons for a paged list. */
export function pager(op: 'sp' | 'lp', page: number, pages: number): Choice[] {
  const out: Choice[] = [];
  if (page > 1) out.push({ id: bl({ kind: 'blacklist', op, id: page - 1 }), label: t('list.prev') });
  if (page < pages) out.push({ id: bl({ kind: 'blacklist', op, id: page + 1 }), label: t('list.next') });
  return out;
}
