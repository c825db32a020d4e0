// What the merchant benches share: one seeded generator (so every run builds the same data) and
// the vocabulary of made-up shop names.
import { mulberry32 } from '../src/learn/random.js';

/** Common characters of shop names; a name is 2–3 of these plus a generic word. */
export const HAN = '星辰月光天海龙凤金银宝福乐美华盛兴隆达通顺安康泰和瑞祥云山水火木林森雪冰雨风雷电花草玉珠晶彩红蓝绿紫青白黑小大中新老东西南北快易速信诚汇聚鑫淘游戏点卡'.split('');
export const GENERIC = ['卡盟', '发卡网', '商城', '点卡店', '小店'];

/** A seeded random source with a pick() over arrays. */
export function seeded(seed: number): { rnd: () => number; pick: <T>(xs: readonly T[]) => T } {
  const rnd = mulberry32(seed);
  return { rnd, pick: (xs) => xs[Math.floor(rnd() * xs.length)] };
}
