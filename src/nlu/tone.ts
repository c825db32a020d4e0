// Tone check for drafts the user means to send to a seller or platform, and a calm
// rewrite built only from the facts of the case (facts.md §3 step 2: no insults,
// no threats of bad reviews or 曝光; never promise an outcome).
import { TZDate } from '@date-fns/tz';
import type { ScenarioId } from '../types.js';
import { rewrite, toneExplanations, type ToneCode } from '../i18n/zh-CN/nlu.js';
import { simplifiedOnly } from './normalize.js';

export type { ToneCode };

export interface ToneFinding {
  code: ToneCode;
  /** The flagged words as they appear in the draft. */
  match: string;
  /** Offsets into the draft (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** Short user-facing label and why it hurts (src/i18n/zh-CN/nlu.ts). */
  label: string;
  why: string;
}

export interface ToneReport {
  ok: boolean;
  findings: ToneFinding[];
}

const RULES: ReadonlyArray<readonly [ToneCode, RegExp]> = [
  [
    'insult',
    /傻[逼比b屄]|煞笔|沙比|\bsb\b|\bnmsl\b|\bcnm\b|\btmd\b|\bwtf\b|你妈|尼玛|草泥马|操你|他妈的?|妈的|狗(?:东西|商家|卖家|日的|娘养)|垃圾(?:商家|卖家|平台|东西|玩意)?|废物|畜生|王八蛋|死全家|去死|脑残|智障|贱人|滚(?:蛋|犊子)?(?=[!！。，,\s]|$)|骗子|黑心|不要脸|无耻|人渣|败类|fuck|bitch|scammer|asshole|idiot/gi,
  ],
  [
    'threat',
    /(?:给你|打|刷|留|写)?差评|曝光|挂(?:你|到网上|到群里|出来|在网上)|发到(?:网上|群里|微博|抖音|贴吧)|人肉|开盒|让你(?:好看|倒闭|开不下去|关门|付出代价|吃不了兜着走)|等着瞧|走着瞧|弄死你|搞死你|找人(?:弄|搞|收拾)你|(?:知道|找到)你(?:住|家)|去你家|上门找你|网暴|全网(?:通报|曝光|声讨)|报复|leave (?:a )?bad review|expose you|dox/gi,
  ],
  [
    'exaggeration',
    /所有人都|全网都|几百(?:个)?人|成千上万|倾家荡产|损失惨重|精神损失(?:费)?|天大的|史上最|一辈子|从来都|每次都|永远不|(?:十|百|千|万)倍(?:赔偿|赔)|赔(?:我)?(?:一万|十万|百万)|诈骗犯|犯罪分子|[!！]{3,}|[?？]{3,}/gi,
  ],
  [
    'promise',
    /(?:一定|肯定|必然|必定|绝对|百分(?:之)?百|100%)(?:会|能|要)?(?:退|赔|罚|判|封|输|赢|支持我|站在我这边|追回)|保证(?:能|会)?(?:退|赔|赢)|稳赢|必败|必输|你(?:等着)?被封|坐牢吧|律师说我(?:稳|一定|肯定)|guaranteed? (?:refund|to win)/gi,
  ],
];

/** Flags insults, threats, exaggeration and promised outcomes in a draft. */
export function checkTone(draft: string): ToneReport {
  // Traditional → simplified keeps positions only when lengths match; otherwise
  // match on the draft itself (simplified-only patterns then miss traditional words).
  const converted = simplifiedOnly(draft);
  const hay = converted.length === draft.length ? converted : draft;
  const findings: ToneFinding[] = [];
  for (const [code, re] of RULES) {
    re.lastIndex = 0;
    for (const m of hay.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (findings.some((f) => start < f.end && end > f.start)) continue;
      const { label, why } = toneExplanations[code];
      findings.push({ code, match: draft.slice(start, end), start, end, label, why });
    }
  }
  findings.sort((a, b) => a.start - b.start);
  return { ok: findings.length === 0, findings };
}

export interface CaseFacts {
  merchant?: string;
  orderId?: string;
  amount?: number;
  paidAt?: Date;
  scenario?: ScenarioId;
  deadline?: Date;
}

function formatWhen(d: Date, zone: string, withYear: boolean): string {
  const t = new TZDate(d.getTime(), zone);
  const hh = String(t.getHours()).padStart(2, '0');
  const mm = String(t.getMinutes()).padStart(2, '0');
  const date = `${withYear ? `${t.getFullYear()}年` : ''}${t.getMonth() + 1}月${t.getDate()}日`;
  return `${date}${hh}:${mm}`;
}

function formatYuan(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}

/**
 * A calm, factual message for the seller built only from `facts` — nothing from the
 * draft is carried over, so insults and threats cannot leak into it.
 */
export function neutralRewrite(_draft: string, facts: CaseFacts, zone: string): string {
  const lines: string[] = [rewrite.greeting(facts.merchant)];
  const parts: string[] = [];
  if (facts.paidAt) parts.push(rewrite.paidAt(formatWhen(facts.paidAt, zone, true)));
  if (facts.orderId) parts.push(rewrite.orderId(facts.orderId));
  if (facts.amount !== undefined) parts.push(rewrite.amount(formatYuan(facts.amount)));
  lines.push(parts.length ? rewrite.orderLine(parts) : rewrite.noFacts);
  const scenario = facts.scenario ?? 'other';
  lines.push(rewrite.problem[scenario]);
  lines.push(rewrite.evidence);
  const req =
    scenario === 'double_charge'
      ? rewrite.request.double_charge
      : scenario === 'card_used'
        ? rewrite.request.card_used
        : rewrite.request.default;
  lines.push(req);
  lines.push(facts.deadline ? rewrite.deadline(formatWhen(facts.deadline, zone, false)) : rewrite.noDeadline);
  lines.push(rewrite.escalation);
  lines.push(rewrite.closing);
  return lines.join('\n');
}
