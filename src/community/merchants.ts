// Merchant admin: 拉黑 (list, with a warning broadcast preview; a name that matches a record is
// offered as "是同一家吗？"), 编辑商家 and 移出黑名单 (by number, name or any identifier; removing
// offers a correction to exactly those the warnings reached), 黑名单列表 (paged, filtered, searched).
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import type { Choice } from '../types.js';
import type { Blacklist } from './blacklist.js';
import { draftCorrection, draftWarning, pager, type BroadcastsDeps } from './broadcasts.js';
import { only } from './commands.js';
import { bl, Desk } from './desk.js';
import { classifyIdentifier, compact, fold, hostOf, type IdentifierKind } from './match/normalize.js';
import type { MerchantRow, MerchantStatus } from './store/merchants.js';

const PAGE = 20;

export interface MerchantsDeps extends Pick<BroadcastsDeps, 'admins' | 'cases' | 'broadcaster' | 'config'> {
  blacklist: Blacklist;
}

export function registerMerchants(router: Router, deps: MerchantsDeps): void {
  const opts = { order: ORDER.FEATURE };
  router.command(
    only('add', 'edit', 'remove', 'list'),
    (ctx, cmd) => {
      const d = new Desk(deps, ctx);
      if (cmd.name === 'add') return add(d, deps, cmd.arg);
      if (cmd.name === 'edit') return edit(d, deps, cmd.arg);
      if (cmd.name === 'remove') return removeCommand(d, deps, cmd.arg);
      return list(d, deps, cmd.arg);
    },
    opts,
  );
  router.choice(
    'blacklist',
    (ctx, c) => {
      const d = new Desk(deps, ctx);
      if (c.op === 'lp') return list(d, deps, String(c.id ?? 1));
      if (c.op === 'cr') {
        const m = deps.blacklist.store.merchant(c.id ?? 0);
        return m ? remove(d, deps, m, t('bl.remove.undo_reason')) : notFound(d, String(c.id));
      }
      if (c.op !== 'sm' && c.op !== 'nm') return false;
      const s = d.state();
      if (s?.step !== 'add_same' || !s.add) return d.say(t('bl.add.stale'));
      d.setState(undefined);
      const m = c.op === 'sm' ? deps.blacklist.store.merchant(c.id ?? 0) : createMerchant(d, deps, s.add.name);
      return m ? listMerchant(d, deps, m, s.add.reason) : d.say(t('bl.add.stale'));
    },
    opts,
  );
}

export function snapshot(m: MerchantRow): Record<string, unknown> {
  return { name: m.name, status: m.status, reason: m.reason, listedAt: m.listedAt };
}

const KIND_LABEL: Record<IdentifierKind, string> = { name: 'bl.kind.name', alias: 'bl.kind.alias', domain: 'bl.kind.domain', qq: 'bl.kind.qq', wechat: 'bl.kind.wechat', shop: 'bl.kind.shop' };

/** Identifiers as shown to admins, in Chinese kinds ("网址:kuaifa.net"), the form 删标识 accepts. */
export function shownIds(deps: Pick<MerchantsDeps, 'blacklist'>, id: number): string[] {
  return deps.blacklist.store.identifiers(id).map((i) => `${t(KIND_LABEL[i.kind])}:${i.value}`);
}

/** Lists a merchant (audited) and shows the warning broadcast for confirmation. */
export function listMerchant(d: Desk, deps: MerchantsDeps, m: MerchantRow, reason: string): true {
  const before = snapshot(m);
  const after = deps.blacklist.store.updateMerchant(m.id, { status: 'blacklisted', reason }, d.now)!;
  d.audit('merchant_listed', `merchant:${m.id}`, { before, after: snapshot(after) });
  d.say(t('bl.add.done', { name: after.name, id: after.id, reason }), [{ id: bl({ kind: 'blacklist', op: 'cr', id: after.id }), label: t('bl.add.undo') }]);
  return draftWarning(d, deps, after);
}

function createMerchant(d: Desk, deps: MerchantsDeps, name: string): MerchantRow {
  const m = deps.blacklist.addMerchant(name.slice(0, 100), 'reported', null, d.now);
  d.audit('merchant_created', `merchant:${m.id}`, { after: snapshot(m) });
  return m;
}

function notFound(d: Desk, ref: string): true {
  const n = /^#?(\d{1,7})$/.exec(ref);
  return d.say(n ? t('bl.edit.not_found', { id: n[1] }) : t('bl.edit.not_found_ref', { ref: ref.slice(0, 50) }));
}

/** A merchant name must name something: two characters at least, not a bare short number. */
export function badName(name: string): boolean {
  const c = compact(fold(name));
  return [...c].length < 2 || /^\d{1,4}$/.test(c);
}

function add(d: Desk, deps: MerchantsDeps, arg: string): true {
  const [name, reason] = arg.split(/\s*[|｜]\s*/, 2).map((s) => s?.trim());
  if (!name || !reason) return d.say(t('bl.add.usage'));
  if (badName(name)) return d.say(t('bl.add.bad_name', { name }));
  const found = deps.blacklist.matches(name, 3);
  // The same name (or the same site / number) is the same record; anything else alike is asked about.
  const same = found.find((f) => f.match.distance === 0 && deps.blacklist.store.identifiers(f.merchant.id).some((i) => sameValue(i.kind, i.value, name)));
  if (same) return listMerchant(d, deps, same.merchant, reason.slice(0, 300));
  if (found.length) {
    d.setState({ step: 'add_same', add: { name: name.slice(0, 100), reason: reason.slice(0, 300) } });
    const choices: Choice[] = found.map((f) => ({ id: bl({ kind: 'blacklist', op: 'sm', id: f.merchant.id }), label: t('bl.add.same.yes', { id: f.merchant.id, name: f.merchant.name }) }));
    choices.push({ id: bl({ kind: 'blacklist', op: 'nm' }), label: t('bl.add.same.no', { name: name.slice(0, 30) }) });
    const lines = found.map((f) => t('bl.add.same.line', { id: f.merchant.id, name: f.merchant.name, status: t(`bl.status.${f.merchant.status}`), ids: shownIds(deps, f.merchant.id).join('，') }));
    return d.say([t('bl.add.same', { name }), ...lines].join('\n'), choices);
  }
  return listMerchant(d, deps, createMerchant(d, deps, name), reason.slice(0, 300));
}

/** Whether an identifier and a typed text are the same (sites by host, the rest folded). */
function sameValue(kind: IdentifierKind, stored: string, typed: string): boolean {
  const norm = (v: string) => (kind === 'domain' ? (hostOf(v) ?? compact(fold(v))) : compact(fold(v)).replace(/^(qq|微信|wechat|wx|vx|店铺号?|shop)/, ''));
  if (norm(stored) === norm(typed)) return true;
  const host = hostOf(typed);
  return host !== undefined && (hostOf(stored) ?? '') === host;
}

const TAGS: [RegExp, IdentifierKind][] = [
  [/^(名称|name)$/i, 'name'],
  [/^(别名|alias)$/i, 'alias'],
  [/^(网址|域名|domain|site)$/i, 'domain'],
  [/^(qq|q)$/i, 'qq'],
  [/^(微信|wechat|wx|vx)$/i, 'wechat'],
  [/^(店铺号|店铺|shop)$/i, 'shop'],
];

/** "QQ:123", "qq:123", "网址 x.com", or a bare value (any kind). */
function parseShown(raw: string): { kind?: IdentifierKind; value: string } {
  const m = /^([^\s:：]+)\s*[:：]\s*(.+)$/.exec(raw.trim()) ?? /^(\S+)\s+(.+)$/.exec(raw.trim());
  const tag = m && TAGS.find(([re]) => re.test(m[1]));
  return tag ? { kind: tag[1], value: m![2].trim() } : { value: raw.trim() };
}

/** "<编号|名称|标识> <verb> <value>": the words before the verb name the merchant (by number or any identifier). */
function editTarget(deps: MerchantsDeps, arg: string): { m?: MerchantRow; ref: string; verb?: string; rest: string } {
  const words = arg.trim().split(/\s+/);
  const i = words.findIndex((w, k) => k > 0 && /^(名称|原因|标识|删标识|name|reason|ids|unid)$/i.test(w));
  if (i < 0) return { ref: words[0] ?? '', rest: '' };
  const ref = words.slice(0, i).join(' ');
  return { m: deps.blacklist.find(ref), ref, verb: words[i], rest: words.slice(i + 1).join(' ') };
}

/** "<编号|名称|标识> [原因]": the shortest leading words that name a merchant. */
function removeTarget(deps: MerchantsDeps, arg: string): { m?: MerchantRow; ref: string; rest: string } {
  const words = arg.trim().split(/\s+/);
  for (let i = 1; i <= words.length; i++) {
    const m = deps.blacklist.find(words.slice(0, i).join(' '));
    if (m) return { m, ref: words.slice(0, i).join(' '), rest: words.slice(i).join(' ') };
  }
  return { ref: words[0] ?? '', rest: words.slice(1).join(' ') };
}

function edit(d: Desk, deps: MerchantsDeps, arg: string): true {
  const store = deps.blacklist.store;
  const tg = editTarget(deps, arg);
  if (!tg.verb || !tg.rest.trim()) return d.say(t('bl.edit.usage'));
  const cur = tg.m;
  if (!cur) return notFound(d, tg.ref);
  const id = cur.id;
  const what = tg.verb.toLowerCase();
  const value = tg.rest.trim();
  const before = { ...snapshot(cur), ids: shownIds(deps, id) };
  if (what === '名称' || what === 'name') {
    if (badName(value)) return d.say(t('bl.add.bad_name', { name: value }));
    store.updateMerchant(id, { name: value.slice(0, 100) }, d.now);
  } else if (what === '原因' || what === 'reason') store.updateMerchant(id, { reason: value.slice(0, 300) }, d.now);
  else if (what === '标识' || what === 'ids') {
    for (const part of value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean)) {
      const c = classifyIdentifier(part);
      store.addIdentifier(id, c.kind, c.value.slice(0, 200));
    }
    store.updateMerchant(id, {}, d.now);
  } else {
    const want = parseShown(value);
    const hit = store.identifiers(id).find((i) => i.kind !== 'name' && (!want.kind || want.kind === i.kind) && sameValue(i.kind, i.value, want.value));
    if (!hit) return d.say(t('bl.edit.no_such_id', { id, value, ids: shownIds(deps, id).join('，') }));
    store.removeIdentifierExactly(id, hit.kind, hit.value);
    store.updateMerchant(id, {}, d.now);
  }
  deps.blacklist.reindex(id);
  const after = store.merchant(id)!;
  const ids = shownIds(deps, id);
  d.audit('merchant_edited', `merchant:${id}`, { before, after: { ...snapshot(after), ids } });
  return d.say(t('bl.edit.done', { id, name: after.name, ids: ids.join('，') }));
}

function removeCommand(d: Desk, deps: MerchantsDeps, arg: string): true {
  if (!arg.trim()) return d.say(t('bl.remove.usage'));
  const tg = removeTarget(deps, arg);
  if (!tg.m) return notFound(d, tg.ref);
  return remove(d, deps, tg.m, tg.rest.trim());
}

/** Removes a listed merchant; when warnings about it went out, previews the correction to exactly their recipients. */
export function remove(d: Desk, deps: MerchantsDeps, cur: MerchantRow, reason: string): true {
  if (cur.status === 'removed') return d.say(t('bl.remove.already', { id: cur.id, name: cur.name, at: d.date(cur.removedAt) }));
  if (cur.status !== 'blacklisted') return d.say(t('bl.remove.not_listed', { id: cur.id, name: cur.name }));
  const after = deps.blacklist.store.updateMerchant(cur.id, { status: 'removed', removedReason: reason || null }, d.now)!;
  d.audit('merchant_removed', `merchant:${cur.id}`, { before: snapshot(cur), after: snapshot(after), reason: reason || null });
  d.say(t('bl.remove.done', { id: cur.id, name: cur.name }));
  if (!deps.broadcaster.store.warnedAbout(cur.id).length) return true;
  return draftCorrection(d, deps, after, reason);
}

const STATUS_WORDS: Record<string, MerchantStatus | 'all'> = { 已拉黑: 'blacklisted', 黑名单: 'blacklisted', 已移出: 'removed', 移出: 'removed', 未拉黑: 'reported', 仅举报: 'reported', 全部: 'all' };

function list(d: Desk, deps: MerchantsDeps, arg: string): true {
  const store = deps.blacklist.store;
  let page = 1;
  let status: MerchantStatus | 'all' = 'blacklisted';
  let filtered = false;
  const search: string[] = [];
  for (const w of arg.trim().split(/\s+/).filter(Boolean)) {
    if (/^\d{1,4}$/.test(w)) page = Math.max(1, Number(w));
    else if (STATUS_WORDS[w]) [status, filtered] = [STATUS_WORDS[w], true];
    else search.push(w);
  }
  d.audit('blacklist_listed', null);
  const line = (r: MerchantRow) =>
    t(r.status === 'blacklisted' ? 'bl.list.line' : 'bl.list.line_other', { id: r.id, name: r.name, reason: r.reason ?? '', since: d.date(r.listedAt ?? r.updatedAt), status: t(`bl.status.${r.status}`) });
  if (search.length) {
    const q = search.join(' ');
    const rows = deps.blacklist.matches(q, PAGE).map((f) => f.merchant).filter((m) => !filtered || status === 'all' || m.status === status);
    if (!rows.length) return d.say(t('bl.list.search_none', { q }));
    return d.say([t('bl.list.search', { q, n: rows.length }), ...rows.map(line)].join('\n'));
  }
  const n = store.listedCount(status);
  if (!n) return d.say(t(status === 'blacklisted' ? 'bl.list.empty' : 'bl.list.empty_status'));
  const pages = Math.ceil(n / PAGE);
  if (page > pages) return d.say(t('list.past_end', { pages }));
  const rows = store.listed(PAGE, (page - 1) * PAGE, status);
  const head = t('bl.list.header', { n, shown: rows.length }) + (pages > 1 ? t('bl.list.page', { page, pages }) : '');
  return d.say([head, ...rows.map(line)].join('\n'), status === 'blacklisted' ? pager('lp', page, pages) : []);
}

