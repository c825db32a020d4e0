// The engine's built-in routes: the close / delete confirmations, the menu and scenario
// buttons, case switching, follow-up answers, the private commands (start, help, new, cases,
// progress, evidence, back, close, export, delete, continue) and, last, the active case's step.
// Registered like any feature's routes (see routes.ts for the order they take).
import type { Config } from '../config.js';
import { t } from '../i18n/index.js';
import type { Flow } from '../flow/types.js';
import type { ScenarioId } from '../types.js';
import { evidenceReply } from '../flow/replies.js';
import { renderReply } from './render.js';
import type { Outcome } from '../flow/events.js';
import { button, decodeChoice, encodeChoice, RUNG_CHECK_ANSWERS } from './choices.js';
import type { Facts } from '../flow/types.js';
import type { Reply } from '../types.js';
import { registerCorrections } from './corrections.js';
import { registerIntakeRefs } from './intake-refs.js';
import { registerAheadChoices } from './ahead-choices.js';
import { questionsOf } from '../flow/intake.js';
import { checklistPicks, questionChoice } from './resolve.js';
import { checklistWords } from './checklist-words.js';
import { whichOneText, checkClosingAmount, exceedsPaidText, extractAmount, matchOption, optionSpecs, remainder, yesNo, yuan } from '../dialogue/index.js';
import { matchCommand, type CommandName } from './commands.js';
import { caseChoices, caseList, closeAsk, deleteAsk, menu, scenarioMenu } from './menus.js';
import { progressText } from './progress.js';
import { exportText } from './export.js';
import type { Repo } from './repo.js';
import { ORDER, type Handled, type Router, type TurnContext } from './routes.js';

const SKIP_SPECS = optionSpecs([{ id: 'skip', labelKey: 'choice.skip' }], false);
import { ENGINE_NS } from './session.js';
import { registerAbandon } from './abandon.js';
import { isDeleteRequest } from './delete-words.js';
import { NEW_STORY_NS } from './understanding.js';
import { GOODS_OWED, goodsArrived } from '../dialogue/index.js';

/** Set while the checklist opened from the ladder is the last thing shown (typed ticks are read there). */
const LADDER_LIST_NS = 'ladder_list';

/** The engine's own pending confirmation (ext[ENGINE_NS]). */
export interface EngineDialog {
  mode: 'close' | 'close_confirm' | 'close_amount' | 'close_rest' | 'confirm_delete';
  closeOutcome?: Outcome;
  /** close_rest: what came back, while the user decides whether to pursue the rest. */
  refunded?: number;
}

/** The sum after 退 in a closing result: 退了120, 退回来128块, 退我50. */
const REFUND_SUM = /退(?:了|回来?了?|给我了?|我)?\s*((?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:元|块钱?|rmb)?)/;

const LADDER_SPECS = () => optionSpecs([{ id: 'sent', labelKey: 'choice.sent' }, { id: 'next', labelKey: 'choice.next_rung' }], false);
const DONE_SPECS = () => optionSpecs([{ id: 'done', labelKey: 'choice.evidence_done' }], false);

/** "确定结案吗？" for an outcome that ends the case for good. */
export function closeConfirm(outcome: Outcome): Reply {
  return {
    text: t('close.confirm', { outcome: t(`outcome.${outcome}`) }),
    choices: [button({ kind: 'close', outcome, sure: true }, t('close.confirm_yes')), button({ kind: 'menu', action: 'continue' }, t('close.confirm_no'))],
  };
}

/** What the case claims: the extra debit for a double charge, otherwise the amount paid. */
export function owedOf(facts: Facts): number | undefined {
  if (typeof facts.extraAmount === 'number' && facts.extraAmount > 0) return facts.extraAmount;
  return typeof facts.amount === 'number' && facts.amount > 0 ? facts.amount : undefined;
}

/** "还差100元，要继续追吗？" with its two buttons. */
export function restOffer(refunded: number, rest: number): Reply {
  return {
    text: t('close.rest_offer', { refunded: yuan(refunded), rest: yuan(rest) }),
    choices: [button({ kind: 'rung', op: 'resume' }, t('close.rest_keep')), button({ kind: 'close', outcome: 'partial' }, t('close.rest_stop'))],
  };
}

export interface BuiltinDeps {
  repo: Repo;
  config: Config;
  flows: Readonly<Record<ScenarioId, Flow>>;
}


const OUTCOME_ANSWERS: ReadonlySet<string> = new Set(RUNG_CHECK_ANSWERS);

/** "继续追剩下的" / "不追了，结案" in words. */
/** A closing result said in words: 退了一半 / 只退了30 (partial), 全退了 (full), 没退 (none). */
function closeWords(text: string, scenario?: ScenarioId): 'partial' | 'full' | 'none' | 'delivered' | undefined {
  // The goods came after all (商家给我补发了 已经到账了): resolved without a refund — where goods were owed.
  if (scenario && GOODS_OWED.has(scenario) && goodsArrived(text)) return 'delivered';
  // A part first: "退了50，剩下的没退" is a part, not nothing.
  if (/一半|一部分|部分|只退|退了一点|还差|剩下|剩余|没退完|没全退/.test(text)) return 'partial';
  if (/全额|全部退|全退|都退了|退完了|全款|一分不少|一分没少/.test(text)) return 'full';
  // Nothing back only when that is all the answer says (no sum in it).
  if (!/\d/.test(text) && /^(?:还是?|都)?(?:没退|没有退|未退款?|不退|一分(?:钱)?(?:都|也)?没(?:退|给)?)(?:款|钱)?(?:呢|啊|呀|了)?[。.!！]*$/.test(text.trim())) return 'none';
  return undefined;
}

function restAnswer(text: string): 'keep' | 'stop' | undefined {
  const m = matchOption(text, optionSpecs([
    { id: 'keep', labelKey: 'close.rest_keep' },
    { id: 'stop', labelKey: 'close.rest_stop' },
  ], false));
  if (m.kind === 'match') return m.id as 'keep' | 'stop';
  if (/不追|算了|不用|结案|就这样|不要了/.test(text)) return 'stop';
  if (/继续|接着|还要追|追剩/.test(text)) return 'keep';
  const yn = yesNo(text).answer;
  return yn === 'yes' ? 'keep' : yn === 'no' ? 'stop' : undefined;
}

export function registerBuiltins(router: Router, d: BuiltinDeps): void {
  const { repo, config } = d;
  const noCase = (ctx: TurnContext) => ctx.reply(menu(undefined, t('no_active_case')));

  /** An amount that came back at 结案: bounded by what is still owed; a part offers to pursue the rest. */
  function closeAmount(ctx: TurnContext, active: NonNullable<TurnContext['active']>, amount: number, outcome: 'partial' | 'full', restDeclined = false): Handled {
    const paidOwed = owedOf(active.facts);
    const before = typeof active.facts.refundedSoFar === 'number' ? active.facts.refundedSoFar : 0;
    const owed = paidOwed !== undefined ? paidOwed - before : undefined;
    // Bounded by what was paid: a larger number is questioned, not stored.
    const check = checkClosingAmount(amount, owed);
    if (check.kind === 'exceeds_paid' && owed !== undefined) {
      ctx.ext.set(ENGINE_NS, { mode: 'close_amount', closeOutcome: outcome } satisfies EngineDialog);
      return ctx.reply({ text: exceedsPaidText(amount, owed) });
    }
    // "退了100 剩下的不要了": the rest already declined in the same words — closed as a part.
    if (owed !== undefined && amount < owed && restDeclined) {
      ctx.ext.set(ENGINE_NS, undefined);
      return ctx.closeCase(active, 'partial', before + amount);
    }
    if (owed !== undefined && amount < owed) {
      // Part came back: offer to keep pursuing the rest on the current rung.
      ctx.ext.set(ENGINE_NS, { mode: 'close_rest', closeOutcome: 'partial', refunded: amount } satisfies EngineDialog);
      return ctx.reply(restOffer(amount, remainder(owed, amount)));
    }
    ctx.ext.set(ENGINE_NS, undefined);
    return ctx.closeCase(active, owed !== undefined ? 'full' : outcome, before + amount);
  }

  function command(ctx: TurnContext, name: CommandName, arg?: string): Handled {
    const { active } = ctx;
    if (name !== 'evidence') ctx.ext.set(LADDER_LIST_NS, undefined);
    switch (name) {
      case 'start':
        return ctx.reply(arg === 'new' ? scenarioMenu() : menu(active, t('welcome')));
      case 'help':
        return ctx.reply(menu(active, t('help')));
      case 'new':
        // With a case open, the story typed next belongs to the new case (src/engine/understanding.ts).
        if (active) ctx.ext.set(NEW_STORY_NS, true);
        return ctx.reply(scenarioMenu());
      case 'cases':
        return ctx.reply(caseList(repo.casesOf(ctx.user.id), active?.id));
      case 'progress':
        if (!active) return noCase(ctx);
        return ctx.reply({ text: progressText(d.flows[active.scenario], active, repo.followUpsFor(active.id), config.BOT_TIMEZONE, config), choices: caseChoices() });
      case 'evidence':
        if (!active) return noCase(ctx);
        // Mid-intake the list is to read (items are ticked once the questions are answered), then the question again.
        if (active.status === 'open' && active.state.stage === 'intake') {
          ctx.reply({ text: `${renderReply(evidenceReply(d.flows[active.scenario], active.state)).text}\n\n${t('evidence.after_intake')}` });
          return ctx.stepCase(active, { type: 'repeat' });
        }
        // Opened from the ladder: typed ticks ("1 2", "都有") are read at the list until something else is said.
        if (active.state.stage === 'ladder') ctx.ext.set(LADDER_LIST_NS, true);
        return ctx.reply(renderReply(evidenceReply(d.flows[active.scenario], active.state)));
      case 'back':
        if (!active) return noCase(ctx);
        return ctx.stepCase(active, { type: 'back' });
      case 'ladder':
      case 'continue':
        if (!active) return noCase(ctx);
        return ctx.stepCase(active, { type: 'repeat' });
      case 'close':
        if (!active) return noCase(ctx);
        ctx.ext.set(ENGINE_NS, { mode: 'close' } satisfies EngineDialog);
        return ctx.reply(closeAsk(active.id, active.scenario));
      case 'export':
        repo.audit(`user:${ctx.user.id}`, 'data_exported', null, null, ctx.now);
        ctx.reply({ text: t('export.intro'), document: { title: t('export.title'), body: exportText(repo, ctx.user, config.BOT_TIMEZONE, d.flows, { start: config.QUIET_HOURS_START, end: config.QUIET_HOURS_END }) } });
        // Mid-question, the question again: the user need not remember what was asked.
        if (active && active.status === 'open' && active.state.stage === 'intake') return ctx.stepCase(active, { type: 'repeat' });
        return true;
      case 'delete':
        ctx.ext.set(ENGINE_NS, { mode: 'confirm_delete' } satisfies EngineDialog);
        return ctx.reply(deleteAsk());
    }
  }

  // Pending confirmations first: they own the answer they asked for, and are dropped by anything else.
  router.pending<EngineDialog>(
    ENGINE_NS,
    (ctx, s) => {
      const { choice, active } = ctx;
      if (s.mode === 'confirm_delete') {
        if (choice?.kind === 'delete' && choice.confirm) {
          ctx.deleteAccount();
          return ctx.reply({ text: t('delete.done') });
        }
        ctx.ext.set(ENGINE_NS, undefined);
        if (choice?.kind === 'delete') return ctx.reply(menu(active, t('delete.cancelled')));
        return false;
      }
      // The result said in words, with its amount ("退了一半 64", "全退了"): no second question for it.
      // Typed words that also named a button ("剩下的没退" ~ 未退款): a part with its sum wins.
      if (s.mode === 'close' && active && !ctx.inbound.choice && choice?.kind === 'close' && closeWords(ctx.text, active.scenario) === 'partial') {
        const amount = extractAmount(ctx.text);
        if (amount !== undefined && amount > 0) return closeAmount(ctx, active, amount, 'partial');
      }
      // "退了120 商家扣了8块手续费", "退了130": the sum right after 退 is what came back (the rest is offered, more than paid is asked).
      if (s.mode === 'close' && active && !choice && !matchCommand(ctx.text)) {
        const back = REFUND_SUM.exec(ctx.text);
        const sum = back ? extractAmount(back[1]) : undefined;
        if (sum !== undefined && sum > 0) return closeAmount(ctx, active, sum, 'partial', /剩下的?(?:不要了|算了|不追了|就算了)|不追了|不要了|就这样吧?$/.test(ctx.text));
      }
      // The same outcome chosen by button or said in words (没退, 全退了) without a sum.
      const outcome = s.mode === 'close' && active ? (choice?.kind === 'close' ? choice.outcome : !choice && !matchCommand(ctx.text) ? closeWords(ctx.text, active.scenario) : undefined) : undefined;
      if (outcome && active) {
        const amount = choice ? undefined : extractAmount(ctx.text);
        if ((outcome === 'partial' || outcome === 'full') && amount !== undefined && amount > 0) return closeAmount(ctx, active, amount, outcome);
        // 全额退款 of a known amount: everything owed came back, nothing to ask.
        const owedAll = outcome === 'full' ? owedOf(active.facts) : undefined;
        if (owedAll !== undefined) {
          ctx.ext.set(ENGINE_NS, undefined);
          return ctx.closeCase(active, 'full', owedAll);
        }
        if (outcome === 'partial' || outcome === 'full') {
          ctx.ext.set(ENGINE_NS, { mode: 'close_amount', closeOutcome: outcome } satisfies EngineDialog);
          return ctx.reply({ text: t('close.ask_amount') });
        }
        // 放弃 / 未退款 end the case for good (no reopening): asked once.
        if (outcome === 'abandoned' || outcome === 'none') {
          ctx.ext.set(ENGINE_NS, { mode: 'close_confirm', closeOutcome: outcome } satisfies EngineDialog);
          return ctx.reply(closeConfirm(outcome));
        }
        ctx.ext.set(ENGINE_NS, undefined);
        return ctx.closeCase(active, outcome);
      }
      if (s.mode === 'close_confirm' && active && s.closeOutcome) {
        const yes = (choice?.kind === 'close' && choice.outcome === s.closeOutcome && choice.sure === true) || (!choice && !matchCommand(ctx.text) && yesNo(ctx.text).answer === 'yes' && !yesNo(ctx.text).rest.trim());
        ctx.ext.set(ENGINE_NS, undefined);
        if (yes) return ctx.closeCase(active, s.closeOutcome);
        if (choice?.kind === 'menu' && choice.action === 'continue') return false;
        if (!choice && (/^(?:先不结案|先不|不结案|不放弃|不了|不要|取消|继续|再想想|不用)/.test(ctx.text.trim()) || yesNo(ctx.text).answer === 'no')) return ctx.stepCase(active, { type: 'repeat' });
        return false;
      }
      if (s.mode === 'close_amount' && active && !choice && !matchCommand(ctx.text)) {
        const amount = extractAmount(ctx.text);
        if (amount === undefined || amount <= 0) return ctx.reply({ text: `${t('reask', { example: t('ex.amount') })}\n${t('close.ask_amount')}` });
        return closeAmount(ctx, active, amount, s.closeOutcome === 'full' ? 'full' : 'partial');
      }
      if (s.mode === 'close_rest' && active && s.refunded !== undefined) {
        const keep = choice?.kind === 'rung' && choice.op === 'resume';
        const stop = choice?.kind === 'close';
        const said = !choice && !matchCommand(ctx.text) ? restAnswer(ctx.text) : undefined;
        if (keep || said === 'keep') {
          ctx.ext.set(ENGINE_NS, undefined);
          const before = typeof active.facts.refundedSoFar === 'number' ? active.facts.refundedSoFar : 0;
          repo.setRefunded(active.id, before + s.refunded, ctx.now);
          ctx.reply({ text: t('close.rest_kept', { refunded: yuan(s.refunded) }) });
          // The letters from here on ask only for what is still owed (ladder.ts, doc.request.remainder).
          return ctx.stepCase(active, { type: 'facts', facts: { refundedSoFar: before + s.refunded } });
        }
        if (stop || said === 'stop') {
          ctx.ext.set(ENGINE_NS, undefined);
          return ctx.closeCase(active, 'partial', s.refunded);
        }
        const owed = owedOf(active.facts);
        if (!choice && owed !== undefined) return ctx.reply(restOffer(s.refunded, remainder(owed, s.refunded)));
      }
      ctx.ext.set(ENGINE_NS, undefined);
      return false;
    },
    { order: ORDER.CONFIRM },
  );

  registerCorrections(router, { repo, zone: config.BOT_TIMEZONE, flows: d.flows });
  registerIntakeRefs(router, { repo, zone: config.BOT_TIMEZONE });
  registerAheadChoices(router, { repo, zone: config.BOT_TIMEZONE, flows: d.flows, timings: config });
  registerAbandon(router);

  const builtin = { order: ORDER.BUILTIN } as const;
  router.choice('menu', (ctx, c) => command(ctx, c.action), builtin);
  router.choice('scenario', (ctx, c) => ctx.startCase(c.scenario), builtin);
  router.choice(
    'followup',
    (ctx, c) => {
      // A follow-up answer names its case; it may concern a case that is not the active one.
      const fc = c.caseId === undefined ? undefined : repo.getCase(c.caseId);
      if (!fc || fc.userId !== ctx.user.id || fc.status !== 'open') return ctx.reply(menu(ctx.active, t('fu.stale')));
      // An answer about the rung's outcome consumes the reminder it answers: an old or repeated
      // button press cannot move the case again.
      if (OUTCOME_ANSWERS.has(c.answer) && !repo.consumeFiredCheck(fc.id, ctx.now)) return ctx.reply(menu(ctx.active, t('fu.answered')));
      if (fc.id !== ctx.active?.id) ctx.reply({ text: t('cases.switched', { id: fc.id, scenario: t(`scenario.${fc.scenario}`) }) });
      ctx.setActive(fc.id);
      return ctx.stepCase(fc, { type: 'choice', id: encodeChoice({ kind: 'followup', answer: c.answer }) });
    },
    builtin,
  );
  router.choice(
    'case',
    (ctx, c) => {
      const cc = repo.getCase(c.caseId);
      if (!cc || cc.userId !== ctx.user.id) {
        // "5" or "#5" naming no case of this user: say so with the list (never another case).
        const list = caseList(repo.casesOf(ctx.user.id), ctx.active?.id);
        return ctx.reply({ ...list, text: `${t('cases.not_found', { id: c.caseId })}\n${list.text}` });
      }
      if (cc.id === ctx.active?.id && cc.status === 'open') return ctx.stepCase(cc, { type: 'repeat' });
      if (cc.status !== 'open') return ctx.reply(menu(ctx.active, t('cases.closed', { id: cc.id })));
      ctx.setActive(cc.id);
      ctx.reply({ text: t('cases.switched', { id: cc.id, scenario: t(`scenario.${cc.scenario}`) }) });
      return ctx.stepCase(cc, { type: 'repeat' });
    },
    builtin,
  );
  router.command(matchCommand, (ctx, cmd) => command(ctx, cmd.name, cmd.arg), builtin);
  router.text((ctx) => !ctx.choice && isDeleteRequest(ctx.text) && command(ctx, 'delete'), builtin);

  // In groups: the case commands point to the private chat.
  router.command(
    matchCommand,
    (ctx, cmd) => {
      if (cmd.name !== 'start' && cmd.name !== 'new' && cmd.name !== 'help') return false;
      // 帮助 in a group lists what works there (查商家) and what needs the private chat.
      const text = cmd.name === 'help' ? `${t('group.go_private')}\n\n${t('help.group')}` : t('group.go_private');
      return ctx.reply({ text, openPrivate: { payload: 'new', label: t('group.open_private') } });
    },
    { order: ORDER.GROUP_FALLBACK, chats: 'group' },
  );

  // Last: the active case takes what nobody else answered.
  router.text(
    (ctx) => {
      const { active } = ctx;
      const attachments = ctx.inbound.attachments ?? [];
      if (active && active.status === 'open') {
        if (attachments.length) return ctx.stepCase(active, { type: 'attachments', items: attachments });
        if (ctx.choiceId) return ctx.stepCase(active, { type: 'choice', id: ctx.choiceId, ...(ctx.inbound.choice || !ctx.text ? {} : { text: ctx.text }) });
        if (ctx.text) {
          // Several checklist items at once: "4 6", "1、3", "聊天记录和支付记录" (numbers as shown); "都有",
          // "除了X都有", "1到4", and a tick taken back ("去掉X", "3点错了").
          const listOnLadder = active.state.stage === 'ladder' && ctx.ext.get<boolean>(LADDER_LIST_NS) === true;
          let ticks = active.state.stage === 'evidence' || listOnLadder ? (checklistWords(d.flows[active.scenario], active.state, ctx.text) ?? checklistPicks(d.flows[active.scenario], ctx.text)) : [];
          // On the ladder the list's way on is 回到维权步骤, not 证据先这样: only the items are taken.
          if (listOnLadder) ticks = ticks.filter((id) => decodeChoice(id)?.kind === 'evidence');
          if (listOnLadder && !ticks.length) ctx.ext.set(LADDER_LIST_NS, undefined);
          if (ticks.length) {
            // One message, one reply: the items ticked (and any untick) together; 证据先这样 after them moves on.
            const items = ticks.filter((id) => decodeChoice(id)?.kind === 'evidence');
            const rest = ticks.filter((id) => decodeChoice(id)?.kind !== 'evidence');
            if (items.length) ctx.stepCase(active, items.length === 1 ? { type: 'choice', id: items[0] } : { type: 'ticks', ids: items });
            for (const id of rest) ctx.stepCase(repo.getCase(active.id) ?? active, { type: 'choice', id });
            return true;
          }
          // "1" when the only choice shown was 跳过 and the question cannot take a 1 (a name, an order number, a key).
          const q = active.state.stage === 'intake' ? questionsOf(d.flows[active.scenario]).find((x) => x.id === active.state.q) : undefined;
          if (q && active.state.reasks > 0 && ctx.text.trim() === '1' && (q.kind === 'text' || q.kind === 'order' || q.kind === 'cardkey' || q.kind === 'time')) {
            return ctx.stepCase(active, { type: 'choice', id: encodeChoice({ kind: 'skip' }) });
          }
          // 跳过 (or a synonym) typed at any question skips it, even before the skip button is shown.
          const skip = q ? matchOption(ctx.text.trim().replace(/[吧啊呀哦。.!！]+$/u, ''), SKIP_SPECS) : undefined;
          if (skip?.kind === 'match' && skip.how !== 'fuzzy' && skip.how !== 'contains') {
            return ctx.stepCase(active, { type: 'choice', id: encodeChoice({ kind: 'skip' }) });
          }
          // A step's button typed after a side command (进度, 导出): the current step's 已发送 / 没用，看下一步.
          if (active.state.stage === 'ladder') {
            const b = matchOption(ctx.text.trim(), LADDER_SPECS());
            if (b.kind === 'match' && (b.how === 'exact' || b.how === 'synonym')) {
              return ctx.stepCase(active, { type: 'choice', id: encodeChoice(b.id === 'sent' ? { kind: 'rung', op: 'sent' } : { kind: 'rung', op: 'next', at: active.state.rung }) });
            }
          }
          // The checklist's 证据先这样，看下一步 typed after a side command.
          if (active.state.stage === 'evidence') {
            const b = matchOption(ctx.text.trim(), DONE_SPECS());
            if (b.kind === 'match' && (b.how === 'exact' || b.how === 'synonym')) return ctx.stepCase(active, { type: 'choice', id: encodeChoice({ kind: 'evidence_done' }) });
          }
          const named = questionChoice(d.flows[active.scenario], active, ctx.text);
          if (named.id) return ctx.stepCase(active, { type: 'choice', id: named.id, text: ctx.text });
          if (named.ambiguous) return ctx.reply({ text: whichOneText(named.ambiguous.map((c) => c.label)), choices: named.ambiguous });
          return ctx.stepCase(active, { type: 'text', text: ctx.text });
        }
        return ctx.stepCase(active, { type: 'repeat' });
      }
      if (attachments.length) return ctx.reply(menu(undefined, t('attachment.no_case')));
      return ctx.reply(menu(undefined, ctx.text ? t('unclear.no_case') : undefined));
    },
    { order: ORDER.CASE },
  );
}
