// "我选错了 其实是扣了两次钱" during the intake: the scenario picked was the wrong one. Offered as a
// switch that keeps the facts already given (the coaching 'sw' button), not refused as a bad answer.
import { t } from './text.js';
import type { Router } from '../engine/routes.js';
import { button } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';
import { understand, LOW_CONFIDENCE } from '../nlu/understand.js';
import { SCENARIOS, type ScenarioId } from '../types.js';
import { matchOption, optionSpecs } from '../dialogue/index.js';

const WRONG_PICK = /选错了?|点错了?|选的不对|不是这个|不是这种|不是这类|搞错了|弄错了|应该选/;
/** The scenario itself picked wrong (not a value typed wrong): 选错了, 选的不对. */
const PICKED_WRONG = /选错了?|选的不对|选错类型|应该选/;

export function registerWrongPick(router: Router, order: number, zone: string): void {
  router.text(
    (ctx) => {
      const c = ctx.active;
      if (ctx.choice || !c || c.status !== 'open' || c.state.stage !== 'intake') return false;
      const text = ctx.text.trim();
      if (!WRONG_PICK.test(text) || matchCommand(text)) return false;
      const rest = text.replace(WRONG_PICK, ' ');
      // "是卡密用不了": the option matcher drops a final 了 (a mood word elsewhere), here it is part of the scenario's words.
      const named = matchOption(`${rest.trim()}情况`, optionSpecs(SCENARIOS.map((s) => ({ id: s, labelKey: `scenario.${s}` })), false));
      const u = understand(rest, ctx.now, zone);
      const to: ScenarioId | undefined =
        named.kind === 'match' && named.how !== 'fuzzy' ? (named.id as ScenarioId) : u.scenario !== 'other' && u.confidence >= LOW_CONFIDENCE ? u.scenario : undefined;
      if (to === c.scenario) return false;
      if (!to) {
        // "不对 我选错了" with no scenario named: which one, rather than storing the words as an answer.
        if (!PICKED_WRONG.test(text) || rest.replace(/[\s\p{P}不对是的了啊吧呀哦我]/gu, '').length > 4) return false;
        const others = SCENARIOS.filter((s) => s !== c.scenario);
        return ctx.reply({
          text: t('coach.wrong_pick_which'),
          choices: [...others.map((s) => button({ kind: 'coach', op: 'sw', arg: s }, t('coach.switch.to', { scenario: t(`scenario.${s}`) }))), button({ kind: 'menu', action: 'continue' }, t('coach.continue'))],
        });
      }
      return ctx.reply({
        text: t('coach.wrong_pick', { scenario: t(`scenario.${to}`) }),
        choices: [button({ kind: 'coach', op: 'sw', arg: to }, t('coach.switch.to', { scenario: t(`scenario.${to}`) })), button({ kind: 'menu', action: 'continue' }, t('coach.continue'))],
      });
    },
    { order },
  );
}
