// Text normalisation shared by every extractor. The folding itself (NFKC, traditional →
// simplified, dashes, case) is the shared pipeline in src/text/fold.ts.
import { fold, toSimplified } from '../text/fold.js';

/**
 * Normalises user text for matching. Positions are NOT preserved exactly
 * (NFKC may merge characters), so matched spans must be taken from the result.
 */
export function normalize(text: string): string {
  return fold(text);
}

/** Like normalize() but keeps Latin case (for names the user typed). */
export function normalizeKeepCase(text: string): string {
  return fold(text, { lowerCase: false });
}

/** Converts traditional characters only (keeps width and case) — for rewriting user drafts. */
export function simplifiedOnly(text: string): string {
  return toSimplified(text);
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 俩: 2, 三: 3, 叁: 3, 仨: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters that may form a Chinese numeral. */
export const CN_NUM_CHARS = '零〇一壹二贰两俩三叁仨四肆五伍六陆七柒八捌九玖十拾百佰千仟万';

/**
 * Parses a Chinese numeral such as 三百五十, 两千五 (=2500), 一万二 (=12000),
 * 十五, 一〇〇. Returns undefined when the string is not a well-formed numeral.
 */
export function parseChineseNumber(s: string): number | undefined {
  if (s.length === 0) return undefined;
  // Pure digit sequence: 一〇〇 → 100 (only when no unit characters appear).
  if ([...s].every((c) => c in CN_DIGIT)) {
    if (s.length === 1) return CN_DIGIT[s];
    // 三五 is "three or five", not 35; digit-by-digit reading needs a zero or 3+ digits.
    if (s.length === 2 && !/[零〇]/.test(s)) return undefined;
    return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  }
  const wan = s.indexOf('万');
  if (wan >= 0) {
    const high = wan === 0 ? 1 : parseBelowWan(s.slice(0, wan));
    if (high === undefined) return undefined;
    const restStr = s.slice(wan + 1);
    if (restStr === '') return high * 10000;
    // 一万二 → 12000 (abbreviated thousands)
    if (restStr.length === 1 && restStr in CN_DIGIT) return high * 10000 + CN_DIGIT[restStr] * 1000;
    const rest = parseBelowWan(restStr.replace(/^零/, ''));
    return rest === undefined ? undefined : high * 10000 + rest;
  }
  return parseBelowWan(s);
}

function parseBelowWan(s: string): number | undefined {
  if (s === '') return 0;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10000;
  for (const c of s) {
    if (c in CN_DIGIT) {
      if (digit !== undefined && CN_DIGIT[c] !== 0 && digit !== 0) return undefined; // 三五 is not a numeral here
      digit = CN_DIGIT[c];
    } else if (c in CN_UNIT) {
      const unit = CN_UNIT[c];
      if (unit >= lastUnit) return undefined;
      total += (digit === undefined ? (unit === 10 && total === 0 ? 1 : undefined) ?? NaN : digit) * unit;
      if (Number.isNaN(total)) return undefined;
      digit = undefined;
      lastUnit = unit;
    } else {
      return undefined;
    }
  }
  if (digit !== undefined) {
    // Trailing digit after a unit abbreviates the next unit down: 两千五 = 2500, 三百五 = 350.
    if (lastUnit >= 100 && lastUnit <= 1000 && !s.includes('零')) total += digit * (lastUnit / 10);
    else total += digit;
  }
  return total;
}
