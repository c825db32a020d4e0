// Names in a first message (exploratory test 3, F36): "在小年卡盟买的点券没到账 100 支付宝" names the
// platform; "王者荣耀点券", "qb", "steam充值卡" name the item. Only what clearly is one is taken (it is
// shown in "我理解为：…" and can be corrected there); anything else is asked as before. A card key never.
import { checkName } from './values.js';
import { findCardKeys, withoutCardKeys } from './cardkey.js';
import { fold } from './fold.js';

/** A platform's own name ends in what it is (小年卡盟, 小鹿发卡网, XX商城), or is a web address. */
const PLATFORM_SHAPE = /^(?:[\p{Script=Han}a-z0-9]{1,10}(?:卡盟|发卡网|商城|平台|网站)|(?:www\.)?[a-z0-9][a-z0-9-]{1,30}(?:\.[a-z0-9-]{1,20})*\.(?:com|cn|net|top|xyz|vip|shop|store|cc|me|org|io|co|club|site|online|fun|ink|pro|wang|ltd|com\.cn))$/iu;
/** Words that make "X卡盟" a pointer, not a name: 一个卡盟, 那个平台. */
const NOT_A_NAME = /^(?:一个|那个|这个|某个?|一家|那家|这家|个|的|在|从|去|就是?)|^(?:卡盟|平台|网站|商城|发卡网)$/;

/** The platform the NLU found in a story, when it clearly is a platform's name. */
export function storyPlatform(found: string | undefined, text: string): string | undefined {
  if (!found) return undefined;
  const v = found.trim();
  if (!PLATFORM_SHAPE.test(v) || NOT_A_NAME.test(v)) return undefined;
  if (findCardKeys(v).length || !fold(text).includes(fold(v))) return undefined;
  const n = checkName(v, { name: true });
  return n.ok && n.value === v ? v : undefined;
}

const GAME: ReadonlyArray<readonly [RegExp, string]> = [
  [/王者荣耀|王者/, '王者荣耀'],
  [/和平精英|吃鸡/, '和平精英'],
  [/原神/, '原神'],
  [/英雄联盟|lol/i, '英雄联盟'],
];
const GAME_ITEM = /(王者荣耀|王者|和平精英|吃鸡|原神|英雄联盟|lol)\s*(?:的)?\s*(点券|钻石|原石|创世结晶|皮肤)(?:\s*(\d{2,6})(?![\d.]|\s*(?:块|元|rmb|¥)))?/i;
const OTHER_GAME_ITEM = /(?<![a-z])(dnf|cf|qq飞车|地下城与勇士|地下城|穿越火线|梦幻西游|逆水寒|蛋仔派对|第五人格|火影忍者|星穹铁道|永劫无间|三角洲行动|[a-z]{2,5})\s*(?:的)?\s*(点券|钻石|金币|元宝|点卡|仙玉)/i;
const GAME_ACCOUNT = /(王者荣耀|王者|和平精英|吃鸡|原神|英雄联盟|lol)\s*(?:的)?\s*(?:账号|帐号|号)(?![主码])/i;
const QB = /(?<![a-z])(?:q\s*币|qb)(?![a-z])/i;
const STEAM = /steam\s*(?:钱包)?\s*(?:充值卡|礼品卡|卡)/i;
const VIDEO = /(腾讯视频|爱奇艺|优酷|芒果tv|b站大会员|网易云音乐|qq音乐)\s*(vip|svip|黄金会员|白金会员|钻石会员|星钻会员|黄金|白金|星钻)?\s*(年卡|月卡|季卡|会员)/i;

/** The item a story names in a clear, known form ("王者荣耀点券600", "Q币", "Steam充值卡", "腾讯视频年卡"). */
export function storyItem(text: string): string | undefined {
  const s = fold(withoutCardKeys(text), { lowerCase: false });
  const g = GAME_ITEM.exec(s);
  if (g) {
    const game = GAME.find(([re]) => re.test(g[1]))![1];
    return `${game}${g[2]}${g[3] ?? ''}`;
  }
  // "DNF点券", "CF点券", "梦幻西游点卡": another game's currency, named as the story names it.
  const other = OTHER_GAME_ITEM.exec(s);
  if (other) return `${/^[a-z]+$/i.test(other[1]) ? other[1].toUpperCase() : other[1]}${other[2]}`;
  // "买了个原神号", "王者账号": a game account.
  const acc = GAME_ACCOUNT.exec(s);
  if (acc) return `${GAME.find(([re]) => re.test(acc[1]))![1]}账号`;
  const v = VIDEO.exec(s);
  if (v) return `${v[1]}${v[2] ? (/^[a-z]+$/i.test(v[2]) ? v[2].toUpperCase() : v[2]) : ''}${v[3]}`;
  if (STEAM.test(s)) return 'Steam充值卡';
  if (QB.test(s)) return 'Q币';
  return undefined;
}
