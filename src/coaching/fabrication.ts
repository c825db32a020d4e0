// Fair guard against fabricated claims (docs/domain.md §2.9, issue 12 item 6). A question
// about faking is declined with the risk and the honest route — the case stays open. Only an
// explicit plan stops coaching on that path. An honest "收到了，也用了" in 未到账 is told why
// that scenario does not fit and offered 货不对板 / 卡密. Patterns: rules/fabrication.json.
import { z } from 'zod';
import { normalize } from '../nlu/normalize.js';
import { citationsFor } from '../knowledge/law.js';
import type { Facts } from '../flow/types.js';
import type { ScenarioId } from '../types.js';
import { compile, loadData } from './rules.js';
import { t } from './text.js';
import { groupFeatures, loadCoachModel, predictProba, type CoachModel } from './learn.js';
import { fold } from '../dialogue/fold.js';

export const FABRICATION_KINDS = ['edit_screenshot', 'others_order', 'claim_twice', 'used_claim', 'fake_evidence'] as const;
export type FabricationKind = (typeof FABRICATION_KINDS)[number];

export type Fabrication =
  | { mode: 'question' | 'plan'; kind: FabricationKind; match: string }
  | { mode: 'admission'; match: string };

const Data = z.object({
  kinds: z.array(z.object({ kind: z.enum(FABRICATION_KINDS), patterns: z.array(z.string()).min(1) })),
  plan: z.array(z.string()).min(1),
  strongPlan: z.array(z.string()).min(1),
  question: z.array(z.string()).min(1),
  honest: z.array(z.string()),
  honestTwice: z.array(z.string()).min(1),
  strongTwice: z.array(z.string()).min(1),
  honestContext: z.array(z.string()).min(1),
  reported: z.array(z.string()).min(1),
  ownClaim: z.array(z.string()).min(1),
  admission: z.array(z.string()).min(1),
});
const data = loadData('fabrication.json', Data);
const KINDS = data.kinds.map((k) => [k.kind, compile(k.patterns, 'i')] as const);
const PLAN = compile(data.plan, 'i');
const STRONG_PLAN = compile(data.strongPlan, 'i');
const QUESTION = compile(data.question, 'i');
const HONEST = compile(data.honest, 'i');
const HONEST_TWICE = compile(data.honestTwice, 'i');
const STRONG_TWICE = compile(data.strongTwice, 'i');
/** A part still owed, a withdrawn or refused claim, two orders — and no words of taking the money twice. */
const honestTwice = (s: string) => HONEST_TWICE.test(s) && !STRONG_TWICE.test(s);
const HONEST_CONTEXT = compile(data.honestContext, 'i');
const REPORTED = compile(data.reported, 'i');
const OWN_CLAIM = compile(data.ownClaim, 'i');
/** The user asking the bot to fake something ("你帮我P一张"), whatever else the message reports. */
const ASKS_TO_FAKE = /(?:帮我|给我|替我)(?:p|ps|改|修|编|做|弄|伪造)/i;
/** Context that makes a finding of the model alone honest: what someone else said, plain talk — unless the user's own false claim is there too. */
const honestContext = (s: string) => HONEST.test(s) || honestTwice(s) || ((REPORTED.test(s) || HONEST_CONTEXT.test(s)) && !OWN_CLAIM.test(s));
const ADMISSION = compile(data.admission, 'i');

/**
 * Classifies a message: a question about faking, an explicit plan, an honest admission of
 * having received/used the goods, or nothing (undefined). Honest reports ("商家说我P图",
 * "我没用过") are nothing.
 */
export function detectFabrication(text: string): Fabrication | undefined {
  return detectFabricationWith(text, loadCoachModel('fabrication'));
}

/** Crude kind for a model-only finding: what the message is about. */
const KIND_HINTS: Array<[FabricationKind, RegExp]> = [
  ['others_order', /别人|朋友|同学|室友|网上|他人|表哥|表姐|同事|群里/],
  ['claim_twice', /两边|两份|两次|各|再(?:找|要|申请|退)|双份|多的|不还/],
  ['used_claim', /用了|用过|用完|兑换了|收到了|到账了|孩子|未成年|盗刷/],
  ['edit_screenshot', /截图|图|p|改|修|剪|录屏|时间|金额/],
];

/**
 * Rules (rules/fabrication.json) checked by the model (model/fabrication.json, three classes:
 * fabrication_question / explicit_plan / honest). Precision comes first — an honest user
 * must not be treated as a cheat — so a rule hit is dropped when the model finds the message
 * honest with probability ≥ meta.veto, and a model-only finding needs P(not honest) ≥
 * meta.threshold.
 */
/**
 * The user correcting a fact of their own case ("金额改成60", "多扣金额改成55", "付款时间应该是3号"): names a
 * case fact and a new value, and no evidence (截图, 账单, 聊天记录…) — not an edit of evidence.
 */
const FACT_FIX = /^(?:不对|错了|写错了|填错了|打错了|看错了|等下|等等)?[,，\s]*(?:把|帮我把|麻烦把)?(?:付款|多扣|实付|订单|支付)?(?:的)?(?:金额|时间|日期|扣款次数|次数|单号|订单号|商家|平台|商品|付款方式)(?:写错了|填错了|错了)?[,，\s]*(?:要)?(?:改成|改为|改到|更正为|应该是)[^。！？!?]{0,14}$/;
/** "等等 其实一共扣了三次", "其实付了55": a number of the user's own case said again, not a plan to deceive. */
const FACT_RESTATED = /^(?:等等|等下|不对|哦|噢|抱歉|说错了)?[,，\s]*其实(?:是|一共|总共)?[^。！？!?说装骗]{0,10}(?:扣了?|付了?|充了?|买了?|花了?)[^。！？!?说装骗]{0,8}(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:次|笔|元|块钱?)?$/;
/** "金额我多说了 其实是100不是120": the user's own figure said wrong and put right (explore4 F25), not a plan. */
const OWN_FIGURE_FIX = /(?:多说|说多|多写|写多|多报|报多|多算|记错|说错|写错|看错|搞错|打错)了[^。！？!?]{0,10}?(?:其实|实际(?:上)?)?(?:是|应该是|只有|只付了)?\s*\d+|(?:其实|实际(?:上)?)是\s*\d+(?:\.\d+)?\s*(?:元|块)?\s*[,，\s]*(?:不是|而不是)\s*\d+/;
/** …unless the figure is to be made bigger or written otherwise ("能不能写成200"). */
const ASKS_MORE = /能不能|可不可以|能否|可以吗|写成|填成|报成|改成|多写点|多写一点|多报点/;
const EVIDENCE_WORDS = /截图|图片|图|账单|记录|聊天|录屏|视频|凭证|短信|页面/;
/** Why a fact should change, when the why is to deceive ("反正商家查不到", "别人的单号", "多退点"): the rules still look. */
const DECEIVING_TAIL = /反正|查不(?:到|出)|别人|朋友|他人|同学|再退|多退|多要|多拿|两倍|双倍|翻倍|这样(?:就|还|能|才)|假|骗|冒充|看不出|发现不了|不会发现|售后期|未到账|没到账|失败|已使用|无效/;

export function detectFabricationWith(text: string, model: CoachModel | null): Fabrication | undefined {
  const t0 = normalize(text).trim();
  if ((FACT_FIX.test(t0) || FACT_RESTATED.test(t0) || (OWN_FIGURE_FIX.test(t0) && !ASKS_MORE.test(t0))) && !EVIDENCE_WORDS.test(t0) && !DECEIVING_TAIL.test(t0)) return undefined;
  const rule = ruleFabrication(text);
  if (!model) return rule;
  const p = predictProba(model, text);
  const at = (l: string) => p[model.labels.indexOf(l)] ?? 0;
  const honest = at('honest');
  if (rule && rule.mode !== 'admission') {
    if (honest >= Number(model.meta.veto ?? 2)) {
      const a = ADMISSION.exec(normalize(text));
      return a ? { mode: 'admission', match: a[0] } : undefined;
    }
    return rule;
  }
  // A model-only finding also needs words of faking (rules/lexicon.json: an edit of evidence,
  // someone else's order, claiming twice, a deceiving verb) and no honest-context words.
  // The model's score (already computed) is checked first: most messages stop there, before the
  // word groups are looked for (the same conditions, in a cheaper order).
  // Written as the negation of the old condition, so a NaN score or threshold still finds nothing (review).
  if (!(1 - honest >= Number(model.meta.threshold ?? 2))) return rule;
  const groups = new Set(groupFeatures(fold(text)));
  const fakingWords = (groups.has('G:fab_edit') && groups.has('G:fab_evidence')) || groups.has('G:fab_others') || groups.has('G:fab_twice') || groups.has('G:fab_deceive');
  if (fakingWords && !groups.has('G:honest') && !honestContext(normalize(text))) {
    const s = normalize(text);
    const kind = KIND_HINTS.find(([, re]) => re.test(s))?.[0] ?? 'fake_evidence';
    // Only a rule with its own plan markers stops a case: a model-only finding is at most a question
    // (declined, case open), so a misread honest report never ends the user's case.
    return { mode: 'question', kind, match: s.trim() };
  }
  return rule;
}

function ruleFabrication(text: string): Fabrication | undefined {
  const s = normalize(text);
  // An honest report ("商家说我P图") — unless the user also asks to fake something themselves ("你帮我P一张").
  if (HONEST.test(s) && !ASKS_TO_FAKE.test(s)) return undefined;
  for (const [kind, re] of KINDS) {
    const m = re.exec(s);
    if (!m) continue;
    // A part refund still owed, a withdrawn or refused claim, two orders: not the same money twice.
    if (kind === 'claim_twice' && honestTwice(s)) continue;
    // A plan: something already done or decided (even if help is asked for), or stated
    // without asking. Anything else asked is a question, even with 我想.
    const mode = STRONG_PLAN.test(s) || (PLAN.test(s) && !QUESTION.test(s)) ? 'plan' : 'question';
    return { mode, kind, match: m[0] };
  }
  const a = ADMISSION.exec(s);
  return a ? { mode: 'admission', match: a[0] } : undefined;
}

export interface GuardReply {
  text: string;
  /** True only for an explicit plan: stop coaching this path (the user can still close/delete). */
  stopPath: boolean;
  /** Scenarios to offer instead (honest admission in 未到账). */
  offerScenarios: ScenarioId[];
}

/** The reply to a detected fabrication signal; law from the table's refusal rows. */
export function guardReply(f: Fabrication, scenario: ScenarioId, facts: Facts = {}, hasCase = true): GuardReply {
  if (f.mode === 'admission') {
    const offer: ScenarioId[] = scenario === 'not_received' ? ['not_as_described', 'card_used'] : [];
    return { text: t('fab.admission'), stopPath: false, offerScenarios: offer };
  }
  const what = t(`fab.kind.${f.kind}`);
  const law = citationsFor(facts, 'decline', scenario).map((r) => t('law.line', { article: r.article, meaning: r.meaning }));
  const lawBlock = [t('law.header'), ...law, t('law.disclaimer')];
  if (f.mode === 'plan') return { text: [t('fab.plan', { what }), ...lawBlock].join('\n'), stopPath: true, offerScenarios: [] };
  return {
    text: [t('fab.question', { what }), ...lawBlock, t(hasCase ? 'fab.question.honest' : 'fab.question.honest_nocase', { honest: t(`fab.honest.${f.kind}`) })].join('\n'),
    stopPath: false,
    offerScenarios: [],
  };
}
