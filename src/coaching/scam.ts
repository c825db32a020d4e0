// Scams after the first loss (docs/domain.md §3.7, issue 12 item 2): a "客服" link, a refund
// link, entering a card number or 验证码, screen sharing, downloading an app, 刷流水/做任务.
// Checked before anything else on every message; the warning comes first.
import { z } from 'zod';
import { normalize } from '../nlu/normalize.js';
import { compile, loadData } from './rules.js';
import { t } from './text.js';
import { groupFeatures, loadCoachModel, predictProba, type CoachModel } from './learn.js';
import { fold } from '../dialogue/fold.js';

export const SCAM_KINDS = ['card_details', 'screen_share', 'download_app', 'credit_scam', 'advance_fee', 'task_scam', 'refund_link', 'fake_service'] as const;
export type ScamKind = (typeof SCAM_KINDS)[number];

export interface ScamSign {
  kind: ScamKind;
  /** The words that matched, from the normalised message. */
  match: string;
  /** The user says they already gave details, paid, scanned or installed. */
  given: boolean;
  /** 'rule': a pattern in rules/scam.json matched (a link, 验证码, screen sharing, a download, a transfer…);
   *  'model': the learned model alone was confident. */
  source: 'rule' | 'model';
}

/**
 * The model alone never warns on a message shorter than this (normalised, spaces left out): a short
 * answer such as "会员" or "视频会员" names a product, it does not describe a scam. The shortest scam
 * description in the labelled set is 17 characters.
 */
export const MODEL_MIN_CHARS = 10;

const ScamData = z.object({
  kinds: z.array(z.object({ kind: z.enum(SCAM_KINDS), patterns: z.array(z.string()).min(1) })),
  given: z.array(z.string()).min(1),
  safe: z.array(z.string()),
});

const data = loadData('scam.json', ScamData);
const KINDS = data.kinds.map((k) => [k.kind, compile(k.patterns, 'i')] as const);
const GIVEN = compile(data.given, 'i');
const SAFE = data.safe.length ? compile(data.safe, 'gi') : undefined;

export interface ScamModels {
  scam: CoachModel | null;
  kind: CoachModel | null;
}

/** The labelled sets' kinds → the warning kinds. */
const SET_KIND: Record<string, ScamKind> = {
  refund_link: 'refund_link',
  task_or_advance: 'task_scam',
  screen_share: 'screen_share',
  fake_contact: 'fake_service',
  verification_code: 'card_details',
  bank_details: 'card_details',
  deposit_fee: 'advance_fee',
  download_app: 'download_app',
  credit_scam: 'credit_scam',
  recovery: 'advance_fee',
  overpayment: 'advance_fee',
};

/** Such words the lexicon's groups (model features, so left as trained) do not hold. */
const ASK_WORDS = /付款码|收款码|打钱|转账|汇款|下(?:一)?个(?!月|星期|礼拜|周)|(?:一步步|按(?:他|她|对方)说的)操作/;
const SCAM_ASK_GROUPS: ReadonlySet<string> = new Set(['G:scam_ask_info', 'G:scam_channel', 'G:scam_remote', 'G:scam_install', 'G:scam_pay_first', 'G:scam_task', 'G:scam_credit', 'G:scam_gain']);

/** A fee deducted from the refund by the other side: "退款要扣20%手续费", "扣掉10块服务费再退". */
export const FEE_DEDUCTED = /扣(?:除|掉|了|点)?[^。！？!?]{0,8}(?:手续费|服务费|费用|违约金|损耗)/;
/** …and not money the user is to pay first ("先交20%手续费", "转手续费"). */
const PAY_FIRST = /先(?:交|转|付|缴|充)|(?:交|转|付|缴|充)(?:一下|了)?[^。！？!?扣]{0,6}(?:手续费|服务费|费|金)/;

/** The first sign of a refund scam in a message, or undefined. */
export function detectScam(text: string): ScamSign | undefined {
  return detectScamWith(text, { scam: loadCoachModel('scam'), kind: loadCoachModel('scam-kind') });
}

/**
 * Rules (rules/scam.json) and the model (model/scam.json) together: a rule hit stands unless
 * the model is nearly sure it is an ordinary message (meta.veto) and nothing was given yet; with no rule hit, a
 * confident model (meta.threshold) still warns, with the kind from model/scam-kind.json.
 */
export function detectScamWith(text: string, models: ScamModels): ScamSign | undefined {
  const s = normalize(text);
  const hay = SAFE ? s.replace(SAFE, ' ') : s;
  const sign = ruleScam(hay);
  if (!models.scam) return sign;
  const p = predictProba(models.scam, text)[models.scam.labels.indexOf('scam')];
  // Never vetoed once the user says details or money were already given: then the warning (freeze, report) is what matters.
  if (sign) return !sign.given && p < Number(models.scam.meta.veto ?? 0) ? undefined : sign;
  if (s.replace(/\s+/g, '').length < MODEL_MIN_CHARS) return undefined;
  // A fee taken off the refund ("退款要扣20%手续费") is a part refund, not money paid first (explore4 F19).
  if (FEE_DEDUCTED.test(s) && !PAY_FIRST.test(s)) return undefined;
  if (!(p >= Number(models.scam.meta.threshold ?? 1))) return undefined;
  // A model-only warning also needs a word of what scammers ask for (a link, an app, a code, money first,
  // a task, a loan, a screen share): "他说是上游的问题 让我再等等" has none (exploratory testing).
  if (!ASK_WORDS.test(s) && !groupFeatures(fold(text)).some((g) => SCAM_ASK_GROUPS.has(g))) return undefined;
  let kind: ScamKind = 'fake_service';
  if (models.kind) {
    const pk = predictProba(models.kind, text);
    kind = SET_KIND[models.kind.labels[pk.indexOf(Math.max(...pk))]] ?? 'fake_service';
  }
  return { kind, match: s.trim(), given: GIVEN.test(hay), source: 'model' };
}

function ruleScam(hay: string): ScamSign | undefined {
  for (const [kind, re] of KINDS) {
    const m = re.exec(hay);
    if (m) return { kind, match: m[0], given: GIVEN.test(hay), source: 'rule' };
  }
  return undefined;
}

/** The warning: stop, what this scam is, what not to do, freezing if details were given, where to report. */
export function scamWarning(sign: ScamSign): string {
  return [t('scam.stop'), t(`scam.kind.${sign.kind}`), t('scam.dont'), ...(sign.given ? [t('scam.given')] : []), t('scam.report'), t('scam.resume')].join('\n\n');
}
