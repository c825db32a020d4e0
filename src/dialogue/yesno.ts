// Yes / no in simplified, traditional and English, plus what follows the yes or no
// ("不对，是微信付的" → no, rest "是微信付的") so a correction said in the same breath can be
// understood. Pure and linear in the input.
import { fold } from './fold.js';

export type Polarity = 'yes' | 'no' | 'unknown';

export interface YesNo {
  answer: Polarity;
  /**
   * What the user said besides the yes/no word, folded to simplified and half-width with Latin
   * case kept, trimmed of separators, connectors (不过, 但是…) and closing particles. Empty when
   * nothing else was said (or only filler such as 谢谢 / 开始吧). With answer 'unknown' it is the
   * whole text: "金额是200" is then a correction candidate (see readCorrection).
   */
  rest: string;
}

// Words that may run straight into more text ("不对是微信付的", "好的谢谢"). Longest first.
const YES_WORDS = [
  '对对对', '没问题', '没毛病', '是这样', '就这样', '对的', '对啊', '对呀', '对头', '对对', '是的', '是滴', '是啊', '是呀', '是哒',
  '好的', '好滴', '好啊', '好吧', '好嘞', '好哒', '可以', '行吧', '没错', '不错', '正确', '确认', '确定', '同意', '嗯嗯', '恩恩', '嗯呢', '要的',
  '继续', '嗯呐', '嗯哪', 'duide', 'dui', 'shide', 'haode', 'enen', 'en', 'okay', 'okk', 'ok', 'yes', 'yeah', 'yep', 'yup', 'sure', 'correct', 'right', 'confirm',
];
const NO_WORDS = [
  '不同意', '不是这样', '好像不对', '好像不是', '不太对', '不正确', '不准确', '不对的', '不是的', '搞错了', '弄错了', '说错了', '写错了', '错了', '不对', '不是',
  '不完全对', '不全对', '有问题', '有误', '不行', '不要', '不用', '不需要', '算了', '没有', 'budui', 'bushi', 'nope', 'nah', 'no', 'wrong', 'incorrect',
];
// Single characters that count only when they stand alone (or before a particle): 好像, 对了, 不回复 are not answers.
const YES_CHARS = new Set(['对', '是', '好', '行', '嗯', '恩', '可', 'y', '要']);
const NO_CHARS = new Set(['不', '否', '错', 'n', '没']);
const YES_EMOJI = /^(?:👍|👌|✅|✔|☑|🆗|⭕|🙆)/u;
const NO_EMOJI = /^(?:👎|❌|✖|✗|✘|🙅|⛔)/u;
/** Particles that may follow a single-character answer: 对啊, 好嘞, 行了. */
const PARTICLE = /^[的啊呀吧哈嘛呢哦噢滴嘞啦哒]/;
const SEP = /^[\s,，.。!！~～…、;；:：\-—]+/;
const LATIN = /^[a-z]/;
const CONNECTOR = /^(?:对了|不过|但是|但|可是|只是|而且|另外|还有|然后|那个|就是说)[\s,，]*/;
const FILLER = new Set(['谢谢', '谢了', '多谢', '感谢', '开始', '开始吧', '我自己选', '自己选', '我来选', '哈哈', '就是这样', '就是这个', '是这样', '这样', '这个', '就这样', 'thanks', 'thx', 'please']);
const QUESTION = /(?:吗|么|嘛)[?？]?$|[?？]$/;

function wordAt(low: string, i: number, words: readonly string[]): string | undefined {
  for (const w of words) {
    if (!low.startsWith(w, i)) continue;
    // Latin words end at a word boundary ("no" is not the start of "nothing").
    if (LATIN.test(w) && LATIN.test(low.slice(i + w.length, i + w.length + 1))) continue;
    return w;
  }
  return undefined;
}

/** The answer token starting at i: its polarity and length, or undefined. */
function tokenAt(low: string, i: number): { p: 'yes' | 'no'; len: number } | undefined {
  const rest = low.slice(i);
  if (YES_EMOJI.test(rest)) return { p: 'yes', len: [...rest][0].length };
  if (NO_EMOJI.test(rest)) return { p: 'no', len: [...rest][0].length };
  // 不追了 / 不弄了 / 不用了: "no longer" answers to an offer.
  const noLonger = /^不[\u4e00-\u9fff]{1,2}了/.exec(rest);
  const yes = wordAt(low, i, YES_WORDS);
  const no = wordAt(low, i, NO_WORDS);
  if (yes && (!no || yes.length >= no.length)) return { p: 'yes', len: yes.length };
  if (no) return { p: 'no', len: no.length };
  if (noLonger) return { p: 'no', len: noLonger[0].length };
  const c = rest[0];
  const next = rest.slice(1);
  const alone = next === '' || SEP.test(next) || PARTICLE.test(next) || (c !== '对' && next.startsWith('了')) ||
    (YES_CHARS.has(c) && (YES_CHARS.has(next[0]) || wordAt(next, 0, YES_WORDS) !== undefined)) ||
    (NO_CHARS.has(c) && (NO_CHARS.has(next[0]) || wordAt(next, 0, NO_WORDS) !== undefined));
  if (LATIN.test(c) && LATIN.test(next)) return undefined;
  if (YES_CHARS.has(c) && alone) return { p: 'yes', len: 1 + (PARTICLE.exec(next)?.[0].length ?? 0) };
  if (NO_CHARS.has(c) && alone) return { p: 'no', len: 1 };
  return undefined;
}

function cleanRest(s: string): string {
  let r = s.replace(SEP, '');
  for (let k = 0; k < 2; k++) r = r.replace(CONNECTOR, '').replace(SEP, '');
  r = r.replace(/[\s,，.。!！~～…、;；]+$/, '');
  if (r.length > 1) r = r.replace(/[吧啊呀哦噢哈呢啦嘛]+$/, '');
  return FILLER.has(r.toLowerCase()) ? '' : r;
}

/**
 * Reads an answer to a yes/no question or a confirmation ("我理解为：… 对吗？").
 * Yes: 对, 是的, 嗯, 嗯嗯, 好, 好的, 没错, 對, 是滴, 可以, 行, ok, yes, y, 👍 …
 * No: 不对, 不是, 错了, 不, no, 否, 不對, 不是的, 算了, 不追了 …
 * A question back ("对吗？") is 'unknown'. "不是微信，是支付宝" → no, rest "支付宝".
 */
export function yesNo(text: string): YesNo {
  const s = fold(text.replace(/[\uFE0F\u200B-\u200D\u{1F3FB}-\u{1F3FF}]/gu, ''), { lowerCase: false }).trim();
  const low = s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  if (!low || QUESTION.test(low)) return { answer: 'unknown', rest: cleanRest(s) };
  let i = 0;
  let answer: Polarity = 'unknown';
  let lastWord = '';
  for (;;) {
    const sep = SEP.exec(low.slice(i));
    const j = i + (sep ? sep[0].length : 0);
    const tok = j < low.length ? tokenAt(low, j) : undefined;
    if (!tok || (answer !== 'unknown' && tok.p !== answer)) break;
    answer = tok.p;
    lastWord = low.slice(j, j + tok.len);
    i = j + tok.len;
    while (i < low.length && /[了的啊呀吧哈嘛呢哦噢滴嘞啦哒]/.test(low[i])) i++;
  }
  if (answer === 'unknown') return { answer, rest: cleanRest(s) };
  let rest = s.slice(i);
  // 不是微信，是支付宝 / 不是微信是支付宝: what it is comes after the second 是.
  if (lastWord === '不是') {
    const m = /^(.{1,12}?)[\s,，]*(?:而|应该|其实)?是(.+)$/.exec(rest);
    if (m && m[1].trim()) rest = m[2];
  }
  return { answer, rest: cleanRest(rest) };
}
