// Answers to a later option question given early (session 7, trying the bot as a new user): at
// 商家承诺多久到账或发货？ "一直没到 完全没到账" answers 现在的情况是？, and "不回消息" answers 联系过商家吗？.
// Such words, when they name none of the open question's options but exactly one option of one later
// question not answered yet (by its label, a part of it or a declared synonym — never by a number or a
// typo), are kept for that question, said ("先记下了：…"), and the open question is asked again, with no
// strike. Typed answers of other kinds (a channel, a time, a sum) are read the same way in src/flow/ahead.ts.
import { t } from '../i18n/index.js';
import { matchCommand } from './commands.js';
import { matchOption, questionOptions, yesNo } from '../dialogue/index.js';
import { optionText } from '../flow/facts-text.js';
import { renderText } from './render.js';
import { NAME_IDS, readTyped } from '../flow/answers.js';
import type { Flow, Question } from '../flow/types.js';
import type { Timings } from '../flow/ladder.js';
import { intake, MAX_REASKS } from '../flow/intake.js';
import type { ScenarioId } from '../types.js';
import type { Repo } from './repo.js';
import type { Router, TurnContext } from './routes.js';

/** After the intake references (160), before the case step (1000). */
const ORDER_AHEAD = 165;
const DONT_KNOW = /^(?:我)?(?:也|还)?(?:跳过|不知道|不清楚|忘了|忘记了|不记得了?|记不清了?|不确定|不晓得|没注意|不太清楚|不太确定|说不准|不好说|没印象|搞不清)(?:啊|了|呀|吧|哦|呢|诶)*[。.!！?？]*$/;
/** Longer text is a story, read elsewhere. */
const MAX_CHARS = 16;

export function registerAheadChoices(router: Router, d: { repo: Repo; zone: string; flows: Readonly<Record<ScenarioId, Flow>>; timings: Timings }): void {
  router.text(
    (ctx: TurnContext) => {
      const c = ctx.active;
      if (!c || c.status !== 'open' || c.state.stage !== 'intake' || !c.state.q || ctx.choice || ctx.inbound.choice || ctx.inbound.attachments?.length) return false;
      const text = ctx.text.trim();
      if (!text || text.length > MAX_CHARS || matchCommand(text)) return false;
      // A bare yes or no (没有, 有, 对) or a don't-know (不知道, 不确定) answers the open question, whatever a
      // later option is called ("不知道" at 卖家叫什么？ is no 是否扣款：不确定).
      const yn = yesNo(text);
      if (yn.answer !== 'unknown' && !yn.rest.trim()) return false;
      if (DONT_KNOW.test(text)) return false;
      const flow = d.flows[c.scenario];
      const at = flow.questions.findIndex((x) => x.id === c.state.q);
      const q = flow.questions[at];
      if (!q) return false;
      // An answer to the open question is the step's.
      if (q.kind === 'choice' && matchOption(text, questionOptions(flow.id, q.id, q.options ?? [])).kind !== 'none') return false;
      // At a name question an option's whole label or synonym ("即时", "完全没到账") is that option, not a name.
      const nameQ = q.kind === 'text' && NAME_IDS.has(q.id);
      if (q.kind !== 'choice' && !nameQ && readTyped(q, text, ctx.now, d.zone).ok) return false;
      // Anything else the step takes as an answer (多扣 "一样", a time relative to the payment…) is its own:
      // only words it would ask again for are read here. The step is pure, so asking it costs no write.
      const own = intake({ flow, facts: c.facts, state: c.state, event: { type: 'text', text }, now: ctx.now, zone: d.zone, timings: d.timings });
      const reasked = own.state.q === c.state.q && own.state.reasks > c.state.reasks;
      const skippedAsBad = own.facts[q.id] === null && !(q.id in c.facts) && c.state.q === q.id && c.state.reasks >= MAX_REASKS;
      const tookAsName = nameQ && own.facts[q.id] !== undefined && own.facts[q.id] !== null && c.facts[q.id] === undefined;
      if (!reasked && !skippedAsBad && !tookAsName) return false;
      const hits: { q: Question; option: string }[] = [];
      for (const later of flow.questions.slice(at + 1)) {
        if (later.kind !== 'choice' || later.id in c.facts || (later.when && !later.when(c.facts))) continue;
        const m = matchOption(text, questionOptions(flow.id, later.id, later.options ?? []));
        const strong = m.kind === 'match' && (m.how === 'exact' || m.how === 'synonym' || (m.how === 'contains' && !tookAsName));
        if (m.kind === 'match' && strong) hits.push({ q: later, option: m.id });
      }
      if (hits.length !== 1) return false;
      const [hit] = hits;
      const facts = { ...c.facts, [hit.q.id]: hit.option };
      const state = { ...c.state, history: [...c.state.history.filter((h) => h !== hit.q.id), hit.q.id] };
      d.repo.saveCase(c.id, facts, state, ctx.now);
      ctx.reply({ text: t('intake.ahead_choice', { label: t(`label.${hit.q.id}`), value: renderText(optionText(flow.id, hit.q.id, hit.option)) }) });
      ctx.stepCase({ ...c, facts, state }, { type: 'repeat' });
      return true;
    },
    { order: ORDER_AHEAD },
  );
}
