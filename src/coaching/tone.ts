// 检查语气: flags what hurts a draft meant for a seller or platform (docs/domain.md §3.2.2):
// insults (incl. masked 傻X / s b), curses, harassment or exposure threats, police used as a
// threat, demands for multiples, figures out of line with the case amount, outcome promises,
// emoji-only drafts and all-caps/punctuation rage. Word lists and thresholds: rules/tone.json.
import { findCardKeys } from '../dialogue/cardkey.js';
import { z } from 'zod';
import { simplifiedOnly, parseChineseNumber } from '../nlu/normalize.js';
import { compile, loadData } from './rules.js';
import { t } from './text.js';
import { loadCoachModel, predictProba, type CoachModel } from './learn.js';
import { caseTone, type ToneCaseFacts } from './tone-case.js';

export type ToneCode =
  | 'insult'
  | 'curse'
  | 'threat'
  | 'police_threat'
  | 'multiple'
  | 'figure'
  | 'promise'
  | 'exaggeration'
  | 'emoji_only'
  | 'rage'
  | 'claim'
  | 'unfounded';

export interface ToneFinding {
  code: ToneCode;
  /** The flagged words as they appear in the draft. */
  match: string;
  /** Offsets into the draft (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** Short user-facing label and why it hurts (src/i18n/zh-CN/coaching.ts). */
  label: string;
  why: string;
}

export interface ToneReport {
  ok: boolean;
  findings: ToneFinding[];
}

export interface ToneOptions extends ToneCaseFacts {
  /** The case amount in yuan, to judge figures in the draft. */
  amount?: number;
}

const ToneData = z.object({
  rules: z.array(z.object({ code: z.string(), patterns: z.array(z.string()).min(1) })),
  computed: z.object({
    rageRun: z.number().int().min(2),
    capsMinLetters: z.number().int().min(2),
    /** Share of the draft's letters and digits that must be Latin for the all-caps rule. */
    capsMinShare: z.number().min(0).max(1),
    figureRatio: z.number().positive(),
    figureMinExcess: z.number().min(0),
    figureNoAmountMin: z.number().positive(),
    figureContext: z.string(),
  }),
});

const data = loadData('tone.json', ToneData);
const RULES = data.rules.map((r) => [r.code as ToneCode, compile(r.patterns)] as const);
const C = data.computed;
const RAGE = new RegExp(`[!！]{${C.rageRun},}|[?？]{${C.rageRun},}|(?:[!！?？]\\s*){${C.rageRun + 1},}`, 'g');
const FIGURE_CONTEXT = new RegExp(C.figureContext);
const FIGURE = /(\d+(?:\.\d+)?)\s*(万|千|k|w)?|((?:上|数|好几|好)?[零〇一二两三四五六七八九十百千万几]+)(多|余)?/gi;
const EMOJI = /\p{Extended_Pictographic}/u;
const WORDY = /[\p{L}\p{N}]/u;

/** The learned half of 检查语气: calm/rewrite, and the likely reason when only the model flags. */
export interface ToneModels {
  rewrite: CoachModel | null;
  reason: CoachModel | null;
}

/** The labelled sets' reasons → the finding codes (labels in src/i18n/zh-CN/coaching.ts). */
const REASON_CODE: Record<string, ToneCode> = {
  insult: 'insult',
  curse: 'curse',
  threat_harassment: 'threat',
  threat_police_as_threat: 'police_threat',
  multiple_demand: 'multiple',
  figure_out_of_line: 'figure',
  outcome_promise: 'promise',
  emoji_only: 'emoji_only',
  caps_or_punct_rage: 'rage',
  other: 'exaggeration',
};

/** Flags what may hurt the user's case in a draft. `amount` enables the figure check. */
export function checkTone(draft: string, opts: ToneOptions = {}): ToneReport {
  return checkToneWith(draft, opts, { rewrite: loadCoachModel('tone'), reason: loadCoachModel('tone-reason') });
}

/**
 * Rules first (word lists in rules/tone.json, with exact spans); when they find nothing, the
 * model (src/coaching/model/tone.json) may still flag the whole draft if it is confident
 * (threshold chosen by cross-validation at training time, stored in the model's meta).
 */
export function checkToneWith(draft: string, opts: ToneOptions, models: ToneModels): ToneReport {
  const report = ruleTone(draft, opts);
  if (!report.ok || !models.rewrite || !draft.trim()) return report;
  const threshold = Number(models.rewrite.meta.threshold ?? 1);
  const p = predictProba(models.rewrite, draft)[models.rewrite.labels.indexOf('rewrite')];
  if (!(p >= threshold)) return report;
  let code: ToneCode = 'exaggeration';
  if (models.reason) {
    const pr = predictProba(models.reason, draft);
    code = REASON_CODE[models.reason.labels[pr.indexOf(Math.max(...pr))]] ?? 'exaggeration';
  }
  // Figures are judged against the case amount, which the model does not see: the rules decide.
  if (code === 'figure') return report;
  const trimmed = draft.trim();
  const start = draft.indexOf(trimmed);
  return { ok: false, findings: [finding(draft, code, start, start + trimmed.length, opts)] };
}

function finding(draft: string, code: ToneCode, start: number, end: number, opts: ToneOptions): ToneFinding {
  return {
    code,
    match: draft.slice(start, end),
    start,
    end,
    label: t(`tone.code.${code}.label`),
    why: t(`tone.code.${code}.why`, { amount: opts.amount === undefined ? '' : t('tone.amount.known', { amount: opts.amount }) }),
  };
}

/** The rules alone. */
export function ruleTone(draft: string, opts: ToneOptions = {}): ToneReport {
  // Traditional → simplified keeps positions only when lengths match; otherwise
  // match on the draft itself (simplified-only patterns then miss traditional words).
  const converted = simplifiedOnly(draft);
  const hay = converted.length === draft.length ? converted : draft;
  const raw: Array<{ code: ToneCode; start: number; end: number }> = [];
  for (const [code, re] of RULES) {
    re.lastIndex = 0;
    for (const m of hay.matchAll(re)) if (m[0].length) raw.push({ code, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  // Emoji only: something pictographic and no word at all.
  const trimmed = draft.trim();
  if (trimmed && EMOJI.test(trimmed) && !WORDY.test(trimmed.replace(/\p{Extended_Pictographic}|\p{Emoji_Component}/gu, ''))) {
    raw.push({ code: 'emoji_only', start: draft.indexOf(trimmed), end: draft.indexOf(trimmed) + trimmed.length });
  }
  RAGE.lastIndex = 0;
  for (const m of hay.matchAll(RAGE)) raw.push({ code: 'rage', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  const letters = draft.match(/[A-Za-z]/g) ?? [];
  const wordy = draft.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (letters.length >= C.capsMinLetters && letters.length >= wordy * C.capsMinShare && letters.every((c) => c >= 'A' && c <= 'Z')) {
    raw.push({ code: 'rage', start: draft.indexOf(trimmed), end: draft.indexOf(trimmed) + trimmed.length });
  }
  // Digits inside a card key (H674****aC9) or an order number are no figure.
  raw.push(...figures(withoutKeyDigits(hay), opts.amount));
  // Against the case: a sum above what was paid, steps claimed but not taken, 查封 (tone-case.ts).
  raw.push(...caseTone(withoutKeyDigits(hay), opts));

  // First finding wins where spans overlap; rule order is the data file's order.
  const findings: ToneFinding[] = [];
  for (const r of raw) {
    if (findings.some((f) => r.start < f.end && r.end > f.start)) continue;
    findings.push(finding(draft, r.code, r.start, r.end, opts));
  }
  findings.sort((a, b) => a.start - b.start);
  return { ok: findings.length === 0, findings };
}

/** The text with every card key's characters blanked (same length, so positions hold). */
function withoutKeyDigits(hay: string): string {
  let out = hay;
  for (const k of findCardKeys(hay)) out = out.slice(0, k.start) + ' '.repeat(k.end - k.start) + out.slice(k.end);
  return out;
}

/** Money figures in clauses about losses or demands that are far above the case amount. */
function figures(hay: string, amount: number | undefined): Array<{ code: ToneCode; start: number; end: number }> {
  const out: Array<{ code: ToneCode; start: number; end: number }> = [];
  let offset = 0;
  for (const clause of hay.split(/(?<=[，。！？,.!?；;\n])/)) {
    if (FIGURE_CONTEXT.test(clause)) {
      FIGURE.lastIndex = 0;
      for (const m of clause.matchAll(FIGURE)) {
        const value = figureValue(m);
        if (value === undefined) continue;
        const tooBig =
          amount === undefined || amount <= 0
            ? value >= C.figureNoAmountMin
            : value > amount * C.figureRatio && value - amount >= C.figureMinExcess;
        if (tooBig) out.push({ code: 'figure', start: offset + (m.index ?? 0), end: offset + (m.index ?? 0) + m[0].length });
      }
    }
    offset += clause.length;
  }
  return out;
}

function figureValue(m: RegExpMatchArray): number | undefined {
  if (m[1]) {
    const n = Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    return n * (unit === '万' || unit === 'w' ? 10_000 : unit === '千' || unit === 'k' ? 1000 : 1);
  }
  const cn = m[3];
  if (!cn || !/[十百千万]/.test(cn) && cn.length < 2) return undefined;
  // 几 reads as 一 (几十万 ≈ 十万, 十几万 ≈ 十一万): the order of magnitude is what matters.
  // 上万/数万/好几千 read as 一万/一万/一千.
  return parseChineseNumber(cn.replace(/^(?:上|数|好几|好)/, '一').replace(/^一(?=[一二两三四五六七八九])/, '').replace(/几/g, '一'));
}
