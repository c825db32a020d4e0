// Merchant admin: 拉黑 (list, with a warning broadcast preview), 编辑商家, 移出黑名单, 黑名单列表.
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import type { Blacklist } from './blacklist.js';
import { draftBroadcast, type BroadcastsDeps } from './broadcasts.js';
import { only } from './commands.js';
import { Desk, type DeskPort } from './desk.js';
import { classifyIdentifier } from './match/normalize.js';
import type { MerchantRow } from './store/merchants.js';

export interface MerchantsDeps extends DeskPort, Pick<BroadcastsDeps, 'broadcaster'> {
  blacklist: Blacklist;
}

export function registerMerchants(router: Router, deps: MerchantsDeps): void {
  router.command(
    only('add', 'edit', 'remove', 'list'),
    (ctx, cmd) => {
      const d = new Desk(deps, ctx);
      switch (cmd.name) {
        case 'add':
          return add(d, deps, cmd.arg);
        case 'edit':
          return edit(d, deps, cmd.arg);
        case 'remove':
          return remove(d, deps, cmd.arg);
        default:
          return list(d, deps);
      }
    },
    { order: ORDER.FEATURE },
  );
}

export function snapshot(m: MerchantRow): Record<string, unknown> {
  return { name: m.name, status: m.status, reason: m.reason, listedAt: m.listedAt };
}

/** Lists a merchant (audited) and shows the warning broadcast for confirmation. */
export function listMerchant(d: Desk, deps: MerchantsDeps, m: MerchantRow, reason: string): true {
  const before = snapshot(m);
  const after = deps.blacklist.store.updateMerchant(m.id, { status: 'blacklisted', reason }, d.now)!;
  d.audit('merchant_listed', `merchant:${m.id}`, { before, after: snapshot(after) });
  d.say(t('bl.add.done', { name: after.name, id: after.id, reason }));
  return draftBroadcast(d, deps, t('bl.warning', { name: after.name, reason }), after.id);
}

function add(d: Desk, deps: MerchantsDeps, arg: string): true {
  const [name, reason] = arg.split(/\s*[|｜]\s*/, 2).map((s) => s?.trim());
  if (!name || !reason) return d.say(t('bl.add.usage'));
  const exact = deps.blacklist.matches(name, 1).find((f) => f.match.distance === 0 && f.match.score >= 100);
  let m = exact?.merchant;
  if (!m) {
    m = deps.blacklist.addMerchant(name.slice(0, 100), 'reported', null, d.now);
    d.audit('merchant_created', `merchant:${m.id}`, { after: snapshot(m) });
  }
  return listMerchant(d, deps, m, reason.slice(0, 300));
}

function edit(d: Desk, deps: MerchantsDeps, arg: string): true {
  const store = deps.blacklist.store;
  const m = /^#?(\d+)\s+(名称|原因|标识|删标识|name|reason|ids|unid)\s+([\s\S]+)$/i.exec(arg);
  if (!m) return d.say(t('bl.edit.usage'));
  const id = Number(m[1]);
  const cur = store.merchant(id);
  if (!cur) return d.say(t('bl.edit.not_found', { id }));
  const what = m[2].toLowerCase();
  const value = m[3].trim();
  const before = { ...snapshot(cur), ids: store.identifiers(id).map((i) => `${i.kind}:${i.value}`) };
  if (what === '名称' || what === 'name') store.updateMerchant(id, { name: value.slice(0, 100) }, d.now);
  else if (what === '原因' || what === 'reason') store.updateMerchant(id, { reason: value.slice(0, 300) }, d.now);
  else if (what === '标识' || what === 'ids') {
    for (const part of value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean)) {
      const c = classifyIdentifier(part);
      store.addIdentifier(id, c.kind, c.value.slice(0, 200));
    }
    store.updateMerchant(id, {}, d.now);
  } else {
    store.removeIdentifier(id, value);
    store.updateMerchant(id, {}, d.now);
  }
  deps.blacklist.reindex(id);
  const after = store.merchant(id)!;
  const ids = store.identifiers(id).map((i) => `${i.kind}:${i.value}`);
  d.audit('merchant_edited', `merchant:${id}`, { before, after: { ...snapshot(after), ids } });
  return d.say(t('bl.edit.done', { id, name: after.name, ids: ids.join('，') }));
}

function remove(d: Desk, deps: MerchantsDeps, arg: string): true {
  const m = /^#?(\d+)\s*([\s\S]*)$/.exec(arg.trim());
  if (!m) return d.say(t('bl.remove.usage'));
  const id = Number(m[1]);
  const store = deps.blacklist.store;
  const cur = store.merchant(id);
  if (!cur) return d.say(t('bl.edit.not_found', { id }));
  const after = store.updateMerchant(id, { status: 'removed' }, d.now)!;
  d.audit('merchant_removed', `merchant:${id}`, { before: snapshot(cur), after: snapshot(after), reason: m[2].trim() || null });
  return d.say(t('bl.remove.done', { id, name: cur.name }));
}

function list(d: Desk, deps: MerchantsDeps): true {
  const store = deps.blacklist.store;
  const n = store.listedCount();
  if (!n) return d.say(t('bl.list.empty'));
  const rows = store.listed(30);
  d.audit('blacklist_listed', null);
  return d.say([t('bl.list.header', { n, shown: rows.length }), ...rows.map((r) => t('bl.list.line', { id: r.id, name: r.name, reason: r.reason ?? '', since: d.date(r.listedAt) }))].join('\n'));
}
