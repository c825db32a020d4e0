// The coaching steps in the product (issue 12), registered on the routing table (app.ts):
//   -200  scams first: any private text that looks like a refund scam gets the warning before
//         anything else (first message, inside a case, mid-question)
//     50  检查语气 (/tone) with the reworked checkTone; the fair fabrication guard (a question is
//         declined with the honest route and the case stays open; only an explicit plan stops the
//         path; an honest "收到了，也用了" in 未到账 is offered 货不对板 / 卡密); the operator finder's answer
//      0  coaching buttons (k:…): what the other side said, 黑猫 / collective texts, the operator
//         finder, switching scenario — the step owns the rest (said, pa, pc, rv, rf)
//    500  text typed while a case is on a rung: what the other side answered, classified and
//         coached, recorded on the case, and the case moved on (src/flow/rungs.ts sellerReplied)
// Texts: src/i18n/zh-CN/coaching.ts. Law only from the law table (via the step and guardReply).
import type { Config } from '../config.js';
import { has, t } from './text.js';
import { detectScam, scamWarning } from './scam.js';
import { classifySellerReply, coachSellerReply, type SellerReplyKind } from './sellerReply.js';
import { detectFabrication, guardReply, type Fabrication, type FabricationKind } from './fabrication.js';
import { respondentFacts, respondentGuide } from './respondent.js';
import { registerRespondentAnswer } from './respondent-answer.js';
import { blackCatComplaint, blackCatIntro, publicCase } from './blackcat.js';
import { collectiveComplaint, type CollectiveCase } from './collective.js';
import { checkTone } from './tone.js';
import { caseToneOptions } from './tone-case.js';
import { detectBadIntent, type BadIntentKind } from '../nlu/intent.js';
import { neutralRewrite } from '../nlu/tone.js';
import { parseAmount } from '../nlu/amount.js';
import { applicableRungs, documentParams, rungDueAt, sellerDeadline, type Timings } from '../flow/ladder.js';
import { formatDateTime } from '../flow/format.js';
import type { Facts, Flow, RungId } from '../flow/types.js';
import type { FlowEvent } from '../flow/events.js';
import { renderText } from '../engine/render.js';
import { button, encodeChoice, type ChoiceOf } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';
import { matchBlCommand } from '../community/commands.js';
import type { CaseRow, Repo } from '../engine/repo.js';
import { ORDER, type Handled, type Router, type TurnContext } from '../engine/routes.js';
import type { Params } from '../i18n/index.js';
import type { ScenarioId } from '../types.js';

export interface CoachingDeps {
  config: Pick<Config, 'BOT_TIMEZONE'> & Timings;
  flows: Readonly<Record<ScenarioId, Flow>>;
  repo: Pick<Repo, 'getCase' | 'saveCase' | 'closeCase' | 'cancelFollowUps' | 'audit'>;
  /** Ids of open cases whose owners agreed to a collective complaint against this merchant (src/community, read-only). */
  consentingCases(merchant: string): number[];
}

/** Scams before everything; the guard after the features' commands (blacklist) and before understanding (100). */
export const COACH_ORDER = { SCAM: -200, BUTTONS: ORDER.DEFAULT, GUARD: 50, SELLER_REPLY: 500 } as const;

const TONE_NS = 'coach_tone';
const RESPONDENT_NS = 'coach_resp';
const TONE_COMMAND = /^(?:检查语气|\/tone)(?:@\w+)?(?:[\s:：]+([\s\S]*))?$/;

/** The operator finder's sub-dialogue: which case it is for. */
export interface RespondentPending {
  caseId: number;
}

/** detectBadIntent kinds (src/nlu/intent.ts) as the guard's kinds: all treated as questions. */
const BAD_INTENT_KIND: Record<BadIntentKind, FabricationKind> = {
  used_but_claim_not_received: 'used_claim',
  edit_screenshot: 'edit_screenshot',
  claim_twice: 'claim_twice',
  fake_evidence: 'fake_evidence',
};

import { registerEvidenceQuestions } from './evidence-questions.js';
import { registerArrived } from './arrived.js';
import { registerWrongPick } from './wrong-pick.js';
import { registerOnRung } from './on-rung.js';
import { registerOffRoute } from './off-route.js';
import { registerPastedLog } from './pasted-log.js';
import { registerHonest } from './honest.js';
import { replyDeadline } from './reply-deadline.js';
import { NOT_ARRIVED, OTHER_SIDE, OWN_SENT, REPORTS, REQUEST, STILL_NOT, TO_THE_BOT } from './said.js';

export function registerCoaching(router: Router, d: CoachingDeps): void {
  const zone = d.config.BOT_TIMEZONE;
  registerEvidenceQuestions(router, COACH_ORDER.GUARD - 10);
  registerArrived(router, COACH_ORDER.GUARD - 10);
  registerWrongPick(router, COACH_ORDER.GUARD - 10, zone);
  registerOnRung(router, COACH_ORDER.SELLER_REPLY, d, COACH_ORDER.GUARD);
  // A pasted chat log: after the scam warning and the community's sub-dialogues, before the guards read the user's own lines.
  registerPastedLog(router, COACH_ORDER.GUARD - 30, d, [TONE_NS, RESPONDENT_NS]);
  registerOffRoute(router, COACH_ORDER.GUARD - 20, d.repo);
  // Honest words the guard would mistake for faking (explore4 F15, F23, F25).
  registerHonest(router, COACH_ORDER.GUARD - 5);

  /** The rung the case is on (its ladder clamped, as the step shows it). */
  function rungOf(c: CaseRow): RungId {
    const rungs = applicableRungs(d.flows[c.scenario], c.facts, d.config);
    return rungs[Math.min(c.state.rung, rungs.length - 1)];
  }

  /** The case's document parameters as the user reads them (gaps read 【待补充】). */
  function params(c: CaseRow, now: Date): Params {
    const p = documentParams(d.flows[c.scenario], c.facts, now, d.config, zone, c.state);
    return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v === null || v === undefined || typeof v === 'number' || typeof v === 'string' ? v : renderText(v)]));
  }

  const continueChoices = (ctx: TurnContext) =>
    ctx.active ? [button({ kind: 'menu', action: 'continue' }, t('coach.continue'))] : [button({ kind: 'menu', action: 'new' }, t('choice.new_case'))];

  // — 2. scams first —
  router.text(
    (ctx) => {
      if (ctx.choice || !ctx.text.trim()) return false;
      // A community report being written (its sub-dialogue, ns "blacklist") describes the scam; it is not asking.
      if (ctx.ext.get('blacklist') !== undefined) return false;
      // Commands (a report, an admin's 群发 warning about scams) go to their own routes.
      if (matchCommand(ctx.text) || matchBlCommand(ctx.text)) return false;
      const sign = detectScam(ctx.text);
      if (!sign) return false;
      // An answer to an intake question ("视频会员", "终身会员") names a product: there only a rule hit
      // (a link, 验证码, screen sharing, a download, a transfer asked for) warns, never the model alone.
      const c = ctx.active;
      if (sign.source === 'model' && c && c.status === 'open' && c.state.stage === 'intake' && c.state.q !== null) return false;
      return ctx.reply({ text: scamWarning(sign), choices: continueChoices(ctx) });
    },
    { order: COACH_ORDER.SCAM },
  );

  // — 7. 检查语气 —
  function toneCheck(ctx: TurnContext, draft: string): void {
    const facts = ctx.active?.facts ?? {};
    const amount = typeof facts.amount === 'number' ? facts.amount : undefined;
    const report = checkTone(draft, caseToneOptions(ctx.active));
    const lines = report.ok
      ? [t('coach.tone.clean')]
      : [t('coach.tone.flagged', { n: report.findings.length }), ...report.findings.map((f) => t('coach.tone.finding', { match: f.match, label: f.label, why: f.why }))];
    const body = report.ok
      ? undefined
      : neutralRewrite(
          draft,
          {
            merchant: typeof facts.merchant === 'string' ? facts.merchant : undefined,
            orderId: typeof facts.orderId === 'string' ? facts.orderId : undefined,
            amount,
            // A day alone (YYYY-MM-DD) stays a day: new Date() would read it as UTC midnight (08:00 here).
            paidAt: typeof facts.paidAt === 'string' ? (facts.paidAt.includes('T') ? new Date(facts.paidAt) : facts.paidAt) : undefined,
            scenario: ctx.active?.scenario,
            deadline: sellerDeadline(ctx.now, d.config, zone),
            // Only what was ticked is claimed (as in the letters); nothing ticked leaves a gap to fill.
            evidence: Object.keys(ctx.active?.state.evidence ?? {}).map((id) => t(`ev.${id}.short`)),
          },
          zone,
        );
    ctx.reply({ text: lines.join('\n'), ...(body ? { document: { title: t('coach.tone.rewrite_title'), body } } : {}) });
  }

  router.pending<boolean>(
    TONE_NS,
    (ctx) => {
      ctx.ext.set(TONE_NS, undefined);
      if (ctx.choice || !ctx.text.trim() || matchCommand(ctx.text) || TONE_COMMAND.test(ctx.text.trim())) return false;
      toneCheck(ctx, ctx.text.trim());
      return true;
    },
    { order: COACH_ORDER.GUARD },
  );

  // — 6. the fair fabrication guard (before understanding, which would otherwise lock the case) —
  function guard(ctx: TurnContext, f: Fabrication): Handled {
    const c = ctx.active && ctx.active.status === 'open' ? ctx.active : undefined;
    if (f.mode === 'admission') {
      // Only 未到账 is contradicted by "收到了，也用了"; elsewhere it is an ordinary fact.
      if (c?.scenario !== 'not_received' || c.state.stage === 'declined') return false;
      const g = guardReply(f, c.scenario, c.facts);
      return ctx.reply({
        text: g.text,
        choices: [...g.offerScenarios.map((s) => button({ kind: 'coach', op: 'sw', arg: s }, t('coach.switch.to', { scenario: t(`scenario.${s}`) }))), ...continueChoices(ctx)],
      });
    }
    const g = guardReply(f, c?.scenario ?? 'not_received', c?.facts ?? {}, !!c);
    ctx.reply({ text: g.text, ...(g.stopPath ? {} : { choices: continueChoices(ctx) }) });
    if (g.stopPath && c && c.state.stage !== 'declined') ctx.stepCase(c, { type: 'stop' });
    return true;
  }

  router.text(
    (ctx) => {
      if (ctx.choice) return false;
      const text = ctx.text.trim();
      if (!text) return false;
      const tone = TONE_COMMAND.exec(text);
      if (tone) {
        const draft = tone[1]?.trim();
        if (draft) toneCheck(ctx, draft);
        else {
          ctx.ext.set(TONE_NS, true);
          ctx.reply({ text: t('coach.tone.ask') });
        }
        return true;
      }
      if (matchCommand(text)) return false;
      const f = detectFabrication(text);
      if (f) return guard(ctx, f);
      // What the older detector (src/nlu/intent.ts) still catches is a question too: declined, case open.
      const bad = detectBadIntent(text);
      if (bad) return guard(ctx, { mode: 'question', kind: BAD_INTENT_KIND[bad.kind], match: bad.match });
      return false;
    },
    { order: COACH_ORDER.GUARD },
  );

  // — 4. finding the operator: the answer (respondent-answer.ts) —
  registerRespondentAnswer(router, COACH_ORDER.GUARD, RESPONDENT_NS);

  // — buttons —
  router.choice(
    'coach',
    (ctx, ch) => {
      const c = ctx.active && ctx.active.status === 'open' ? ctx.active : undefined;
      switch (ch.op) {
        case 'sr':
          if (!c || c.state.stage !== 'ladder') return ctx.reply({ text: t('coach.no_ladder') });
          return sellerReply(ctx, c, ch.arg as Exclude<SellerReplyKind, 'other'>);
        case 'bc': {
          if (!c) return ctx.reply({ text: t('coach.no_ladder') });
          const bc = blackCatComplaint(c.scenario, params(publicCase(c), ctx.now));
          return ctx.reply({
            text: blackCatIntro(c),
            document: { title: t('coach.blackcat.title'), body: t('blackcat.body', { title: bc.title, target: bc.target, problem: bc.problem, demand: bc.demand, amount: bc.amount }) },
          });
        }
        case 'co':
          if (!c) return ctx.reply({ text: t('coach.no_ladder') });
          return collective(ctx, c);
        case 'rs':
          if (!c) return ctx.reply({ text: t('coach.respondent.no_case') });
          ctx.ext.set(RESPONDENT_NS, { caseId: c.id } satisfies RespondentPending);
          return ctx.reply({
            text: `${respondentGuide({ paymentMethod: typeof c.facts.paymentMethod === 'string' ? c.facts.paymentMethod : null, platformSeller: typeof c.facts.platform === 'string' })}\n\n${t('coach.respondent.ask')}`,
            choices: [button({ kind: 'coach', op: 'rn' }, t('coach.respondent.none'))],
          });
        case 'rn':
          ctx.ext.set(RESPONDENT_NS, undefined);
          if (!c) return ctx.reply({ text: t('coach.respondent.no_case') });
          ctx.reply({ text: t('coach.respondent.none_found') });
          ctx.stepCase(c, { type: 'facts', facts: typeof c.facts.respondentName === 'string' ? {} : respondentFacts({}) });
          return true;
        case 'sw':
          if (!c) return ctx.reply({ text: t('coach.no_ladder') });
          return switchScenario(ctx, c, ch);
        default:
          // said / pa / pc / rv belong to the case step.
          return false;
      }
    },
    { order: COACH_ORDER.BUTTONS },
  );

  // — 1. what the other side answered, typed —
  router.text(
    (ctx) => {
      const c = ctx.active;
      if (ctx.choice || !c || c.status !== 'open' || c.state.stage !== 'ladder' || c.state.awaitingRefundAmount) return false;
      const text = ctx.text.trim();
      if (!text || matchCommand(text) || OWN_SENT.test(text)) return false;
      // A question or a request to the bot ("你确定能退回来吗", "帮我写个狠点的…") that says nothing of
      // what the other side answered is not their answer: a threat in it gets the tone check instead.
      if (!OTHER_SIDE.test(text)) {
        // A request to draft something ("帮我写个狠点的…"): a threat in it gets the tone check.
        if (REQUEST.test(text)) {
          if (checkTone(text).ok) return false;
          toneCheck(ctx, text);
          return true;
        }
        // A question about what is to come that reports nothing the other side did.
        if (TO_THE_BOT.test(text) && !REPORTS.test(text)) return false;
      }
      // "还没退" / "到期了还是没退" after 已发送: the step's own outcome, not a reply to coach.
      if (STILL_NOT.test(text) && c.state.rungSentAt) return stillNot(ctx, c);
      const kind = classifySellerReply(text);
      if (kind === 'other') return false;
      return sellerReply(ctx, c, kind, text);
    },
    { order: COACH_ORDER.SELLER_REPLY },
  );

  /** Nothing happened yet on a sent rung: before its deadline, wait (with the way on); after it, the next step. */
  function stillNot(ctx: TurnContext, c: CaseRow): true {
    const rung = rungOf(c);
    const due = rungDueAt(rung, new Date(c.state.rungSentAt!), d.config, zone);
    if (!due || due.getTime() <= ctx.now.getTime()) {
      ctx.stepCase(c, { type: 'choice', id: encodeChoice({ kind: 'followup', answer: 'not_yet' }) });
      return true;
    }
    const party = t(`reply.party.${has(`reply.party.${rung}`) ? rung : 'other'}`);
    ctx.reply({
      text: t('coach.still_waiting', { party, due: formatDateTime(due, zone) }),
      choices: [button({ kind: 'rung', op: 'next', at: c.state.rung }, t('choice.next_rung')), button({ kind: 'menu', action: 'progress' }, t('cmd.progress'))],
    });
    return true;
  }

  function sellerReply(ctx: TurnContext, c: CaseRow, kind: Exclude<SellerReplyKind, 'other'>, said?: string): true {
    // The offer is the amount after 退/返/补/给 ("我付了100，商家只退50" → 50), else the amount said.
    const near = said ? /(?:退|返|补|给)[^\d一二三四五六七八九十百千]{0,4}([\d一二三四五六七八九十百千.]+\s*(?:元|块|rmb)?)/i.exec(said) : null;
    const offerN = kind === 'partial_offer' && said ? ((near && parseAmount(near[1])) ?? parseAmount(said)) : undefined;
    const paid = typeof c.facts.amount === 'number' ? c.facts.amount : undefined;
    // An amount equal to what was paid is not the offer ("我付了100，只退50" → 50 is found first or last).
    const offer = offerN !== undefined && offerN > 0 && offerN !== paid ? offerN : undefined;
    const p = params(c, ctx.now);
    // The seller's own wait, or a new deadline once the step's has passed (explore4 F5/F6).
    const dl = replyDeadline(d, c, rungOf(c), kind, said, ctx.now);
    if (dl.at) p.deadline = formatDateTime(dl.at, zone);
    const coached = coachSellerReply(kind, {
      scenario: c.scenario,
      paymentMethod: typeof c.facts.paymentMethod === 'string' ? c.facts.paymentMethod : null,
      params: p,
      offer: offer === undefined ? undefined : renderText({ fmt: 'amount', n: offer }),
      rung: rungOf(c),
    });
    // 'rephrase' is what an unrecognised reply gets; this route only sees recognised kinds.
    let next = coached.next === 'rephrase' ? 'same_rung' : coached.next;
    let advice = coached.advice;
    // "商家说已经退了 但我没收到": their claim is recorded, the money is not — a check later, no "how much came back?".
    if (kind === 'refunded' && said && NOT_ARRIVED.test(said)) {
      next = 'wait';
      advice = `${t('reply.refunded.advice', { party: t(`reply.party.${has(`reply.party.${rungOf(c)}`) ? rungOf(c) : 'other'}`) })}\n\n${t('reply.refunded.unconfirmed')}`;
    }
    // A new promise after the deadline passed (explore4 F40 "还没 他说明天给我弄"): waiting is a choice, not a must.
    const due = kind === 'promised_later' && c.state.rungSentAt ? rungDueAt(rungOf(c), new Date(c.state.rungSentAt), d.config, zone) : undefined;
    if (due && due.getTime() <= ctx.now.getTime()) advice = `${t('own.promise_after_due', { due: formatDateTime(due, zone) })}\n\n${advice}`;
    ctx.reply({ text: advice, ...(coached.draft ? { document: { title: t('coach.reply_draft'), body: coached.draft } } : {}) });
    const facts: Facts = { ...coached.facts, ...(offer !== undefined ? { offerAmount: offer } : {}) };
    const checkAt = dl.at && (next === 'wait' || next === 'same_rung') ? { checkAt: dl.at.getTime() } : {};
    ctx.stepCase(c, { type: 'seller_reply', kind, next, facts, said, ...checkAt });
    return true;
  }

  function collective(ctx: TurnContext, c: CaseRow): true {
    const merchant = typeof c.facts.merchant === 'string' ? c.facts.merchant : typeof c.facts.platform === 'string' ? c.facts.platform : undefined;
    const ids = merchant ? d.consentingCases(merchant) : [];
    const cases: CollectiveCase[] = [];
    for (const id of ids) {
      const x = d.repo.getCase(id);
      if (!x || x.status !== 'open') continue;
      cases.push({
        paidAt: typeof x.facts.paidAt === 'string' ? formatDateTime(x.facts.paidAt, zone, ctx.now) : t('doc.blank'),
        item: typeof x.facts.item === 'string' ? x.facts.item : t('doc.blank'),
        amount: typeof x.facts.amount === 'number' ? x.facts.amount : 0,
        scenario: t(`scenario.${x.scenario}`),
      });
    }
    const text = merchant ? collectiveComplaint(merchant, typeof c.facts.platform === 'string' ? c.facts.platform : t('doc.blank'), cases) : undefined;
    if (!text) {
      ctx.reply({ text: t('coach.collective.too_few') });
      return true;
    }
    const [intro, ...body] = text.split('\n\n');
    ctx.reply({ text: intro, document: { title: t('coach.collective.title'), body: body.join('\n\n') } });
    return true;
  }

  /** 未到账 → 货不对板 / 卡密: the case is closed as abandoned and a new one opened with the same facts. */
  function switchScenario(ctx: TurnContext, c: CaseRow, ch: ChoiceOf<'coach'>): true {
    const to = ch.arg as ScenarioId;
    const asked = new Set(d.flows[to].questions.map((q) => q.id));
    const keep = Object.fromEntries(Object.entries(c.facts).filter(([k]) => asked.has(k) || k.startsWith('respondent')));
    d.repo.closeCase(c.id, 'abandoned', undefined, { ...c.state, stage: 'closed' }, ctx.now);
    d.repo.cancelFollowUps(c.id);
    d.repo.audit(`user:${ctx.user.id}`, 'case_switched', `case:${c.id}`, { from: c.scenario, to }, ctx.now);
    ctx.startCase(to, keep, t('coach.switch.done', { old: c.id, scenario: t(`scenario.${to}`) }));
    return true;
  }
}

export { readRespondent } from './respondent-answer.js';
