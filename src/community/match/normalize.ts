// Merchant identifiers → comparable keys. Names are folded (NFKC full-width → half-width,
// traditional → simplified, case, "www.", punctuation, spaces) and also spelled in toneless
// pinyin, so 小年卡盟, "xiaonian 卡盟" and www.XiaoNian.com meet on the same key.
import { pinyin } from 'pinyin-pro';
import { fold as foldText, stripPunctuation } from '../../text/fold.js';

export type IdentifierKind = 'name' | 'alias' | 'domain' | 'qq' | 'wechat' | 'shop';

/** Words that say what kind of shop it is, not which one ("小年卡盟" and "小年商城" are one brand). */
const GENERIC_HAN = ['自动发卡网', '自动发卡', '发卡网', '发卡平台', '卡盟平台', '卡盟', '卡密', '发卡', '商城', '官方网站', '官网', '网站', '平台', '旗舰店', '专卖店', '小店', '店铺', '网店', '点卡', '寄售', '货源', '社区', '商行', '网', '店'];
const GENERIC_LATIN = ['kameng', 'faka', 'shop', 'store', 'mall', 'official', 'km'];
/** Second-level labels under which the registrable name sits one level lower (xiaonian.com.cn). */
const SLD = new Set(['com', 'net', 'org', 'gov', 'edu', 'co']);

/** The one folding pipeline (src/text/fold.ts): full-width → half-width, traditional → simplified, lower case; nothing removed yet. */
export function fold(s: string): string {
  return foldText(s, { trim: true });
}

/** Letters, digits and CJK only. */
export function compact(s: string): string {
  return stripPunctuation(s);
}

const HAN = /\p{Script=Han}/u;

/** Toneless pinyin for the Han characters, other letters and digits kept: "xiaonian卡盟" → "xiaoniankameng". */
export function spell(s: string): string {
  if (!HAN.test(s)) return s;
  return pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/[^a-z0-9]/g, '');
}

/** Removes trailing generic words, repeatedly; keeps the original if that would leave too little. */
export function core(compacted: string): string {
  let s = compacted;
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of HAN.test(s) ? GENERIC_HAN : GENERIC_LATIN) {
      if (s.length > w.length && s.endsWith(w)) {
        s = s.slice(0, -w.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/** The host of a URL or bare domain, without "www." and port; undefined if it is not one. */
export function hostOf(raw: string): string | undefined {
  const s = fold(raw).replace(/。/g, '.');
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]*@)?([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?(?:[/?#].*)?$/.exec(s);
  if (!m) return undefined;
  return m[1].replace(/^(www\d?|m|wap)\./, '').replace(/\.$/, '');
}

/** The registrable label of a host: "shop.xiaonian.com.cn" → "xiaonian". */
export function siteLabel(host: string): string {
  const parts = host.split('.');
  if (parts.length >= 3 && SLD.has(parts[parts.length - 2])) return parts[parts.length - 3];
  return parts[parts.length - 2] ?? host;
}

/** One key an identifier is found under. `fuzzy` keys also match with a few typos. */
export interface Key {
  key: string;
  fuzzy: boolean;
  /** How it matched, for the reply: 名称, 拼音, 网址, QQ号… */
  via: 'name' | 'pinyin' | 'domain' | 'number';
}

const MIN_CORE = 2;

/**
 * Keys of a free-text name ("小年卡盟", "xiaonian 卡盟"). Pinyin keys meet homophones; only the
 * core (generic words removed) is fuzzy, and on the query side only when it was typed in
 * letters — Han text typed through an IME has homophones, not typos.
 */
export function nameKeys(raw: string, query = false): Key[] {
  const c = compact(fold(raw));
  if (!c) return [];
  const keys: Key[] = [{ key: `n:${c}`, fuzzy: false, via: 'name' }];
  const k = core(c);
  if (k !== c && [...k].length >= MIN_CORE) keys.push({ key: `n:${k}`, fuzzy: false, via: 'name' });
  const fuzzy = !query || !HAN.test(k);
  const py = spell(c);
  const pyCore = [...k].length >= MIN_CORE ? spell(k) : py;
  if (pyCore === py) {
    if (py.length >= 4) keys.push({ key: `p:${py}`, fuzzy, via: 'pinyin' });
  } else {
    if (py.length >= 4) keys.push({ key: `p:${py}`, fuzzy: false, via: 'pinyin' });
    if (pyCore.length >= 4) keys.push({ key: `p:${pyCore}`, fuzzy, via: 'pinyin' });
  }
  return keys;
}

/** Keys of a site: the host exactly, and its label as a name ("xiaonian" meets 小年卡盟's pinyin core). */
export function domainKeys(raw: string): Key[] {
  const host = hostOf(raw);
  if (!host) return [];
  const label = siteLabel(host);
  const keys: Key[] = [{ key: `d:${host}`, fuzzy: false, via: 'domain' }];
  if (label.length >= 4) keys.push({ key: `p:${label}`, fuzzy: true, via: 'domain' });
  const c = core(label);
  if (c !== label && c.length >= 4) keys.push({ key: `p:${c}`, fuzzy: true, via: 'domain' });
  return keys;
}

/** QQ numbers, WeChat ids, shop ids: exact only (one digit off is someone else). */
export function numberKeys(kind: 'qq' | 'wechat' | 'shop', raw: string): Key[] {
  const c = compact(fold(raw));
  return c ? [{ key: `${kind === 'qq' ? 'q' : kind === 'wechat' ? 'w' : 's'}:${c}`, fuzzy: false, via: 'number' }] : [];
}

export function identifierKeys(kind: IdentifierKind, value: string): Key[] {
  switch (kind) {
    case 'name':
    case 'alias':
      // A name that is a site or a number ("拉黑 https://kuaifa-ka.com/", "拉黑 QQ 99887766") is
      // found by it too, whichever path stored it.
      return [...nameKeys(value), ...impliedKeys(value)];
    case 'domain':
      return domainKeys(value);
    default:
      return numberKeys(kind, value);
  }
}

/** What a free-text name also is: a site ("www.x.com/…") or a tagged or bare number ("QQ 99887766"). */
export function impliedKind(raw: string): { kind: 'domain' | 'qq' | 'wechat' | 'shop'; value: string } | undefined {
  const s = fold(raw);
  const m = /^(qq|q|微信|wechat|wx|vx|店铺|店铺号|shop)?\s*[:：号=]?\s*([\d\s-]{5,20})$/i.exec(s);
  if (m) {
    const tag = m[1] ?? 'qq';
    const kind = /^(微信|wechat|wx|vx)$/i.test(tag) ? 'wechat' : /^(店铺|店铺号|shop)$/i.test(tag) ? 'shop' : 'qq';
    return { kind, value: m[2].replace(/[\s-]/g, '') };
  }
  const host = hostOf(s);
  return host ? { kind: 'domain', value: host } : undefined;
}

function impliedKeys(raw: string): Key[] {
  const k = impliedKind(raw);
  if (!k) return [];
  return k.kind === 'domain' ? domainKeys(k.value) : numberKeys(k.kind, k.value);
}

/** Guesses what an identifier an admin typed is: "QQ:12345", "微信:abc", "店铺:888", a domain, or a name. */
export function classifyIdentifier(raw: string): { kind: IdentifierKind; value: string } {
  const s = fold(raw);
  const tagged = /^(qq|q|微信|wechat|wx|vx|店铺|店铺id|shop|域名|网址|site|别名|alias)\s*[:：=]\s*(.+)$/i.exec(s);
  if (tagged) {
    const tag = tagged[1];
    const value = raw.slice(raw.length - tagged[2].length).trim();
    if (/^(qq|q)$/.test(tag)) return { kind: 'qq', value };
    if (/^(微信|wechat|wx|vx)$/.test(tag)) return { kind: 'wechat', value };
    if (/^(店铺|店铺id|shop)$/.test(tag)) return { kind: 'shop', value };
    if (/^(域名|网址|site)$/.test(tag)) return { kind: 'domain', value };
    return { kind: 'alias', value };
  }
  if (/^\d{5,12}$/.test(compact(s)) && /^[\d\s-]+$/.test(s)) return { kind: 'qq', value: raw.trim() };
  if (hostOf(s)) return { kind: 'domain', value: raw.trim() };
  return { kind: 'alias', value: raw.trim() };
}

/** Keys to look a user's query up under: whatever it could be (name, site, number). */
export function queryKeys(raw: string): Key[] {
  const s = fold(raw);
  const digits = s.replace(/^(qq|q|微信|wx|vx|店铺)\s*[:：号]?\s*/i, '');
  const keys: Key[] = [];
  if (/^[\d\s-]{5,20}$/.test(digits)) {
    keys.push(...numberKeys('qq', digits), ...numberKeys('shop', digits), ...numberKeys('wechat', digits));
  } else if (hostOf(s)) keys.push(...domainKeys(s));
  else {
    keys.push(...nameKeys(s, true));
    if (/^[a-z0-9_-]{4,}$/.test(s)) keys.push(...numberKeys('wechat', s));
  }
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k.key) ? false : (seen.add(k.key), true)));
}

/**
 * The keys under which a text names a record EXACTLY: the whole name as written (folded, not its
 * core), a site's host, a number — never a pinyin or a core key, which two merchants may share.
 */
export function exactKeys(raw: string): string[] {
  const full = `n:${compact(fold(raw))}`;
  return queryKeys(raw)
    .map((k) => k.key)
    .filter((k) => !k.startsWith('p:') && (!k.startsWith('n:') || k === full));
}

/**
 * The one key a merchant text is grouped under (collective complaints, open-case counts, outcome
 * counters): a site by its host, a number by its digits, a name by the pinyin of its core — so
 * 星辰点卡店, 星辰點卡店 and 星辰点卡 meet, and so do homophones.
 */
export function groupKey(raw: string): string | undefined {
  const implied = impliedKind(raw);
  if (implied) return implied.kind === 'domain' ? `d:${implied.value}` : `${implied.kind === 'qq' ? 'q' : implied.kind === 'wechat' ? 'w' : 's'}:${implied.value}`;
  const c = compact(fold(raw));
  if (!c) return undefined;
  const k = core(c);
  const py = spell(k);
  return py ? `p:${py}` : `n:${k}`;
}

/** Group keys of a stored identifier (a site also under its name label: xiaonian.com meets 小年卡盟). */
export function identifierGroupKeys(kind: IdentifierKind, value: string): string[] {
  if (kind === 'name' || kind === 'alias') {
    const k = groupKey(value);
    return k ? [k] : [];
  }
  if (kind === 'domain') {
    const host = hostOf(value);
    if (!host) return [];
    const label = core(siteLabel(host));
    return label.length >= 4 ? [`d:${host}`, `p:${label}`] : [`d:${host}`];
  }
  const c = compact(fold(value));
  return c ? [`${kind === 'qq' ? 'q' : kind === 'wechat' ? 'w' : 's'}:${c}`] : [];
}
