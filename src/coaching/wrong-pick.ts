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

export function registerWrongPick(router: Router, order: number, zone: string): void {
  router.text(
    (ctx) => {
      const c = ctx.active;
      if (ctx.choice || !c || c.status !== 'open' || c.state.stage !== 'intake') return false;
      const text = ctx.text.trim();
      if (!WRONG_PICK.test(text) || matchCommand(text)) return false;
      const rest = text.replace(WRONG_PICK, ' ');
      const named = matchOption(rest, optionSpecs(SCENARIOS.map((s) => ({ id: s, labelKey: `scenario.${s}` })), false));
      const u = understand(rest, ctx.now, zone);
      const to: ScenarioId | undefined =
        named.kind === 'match' && named.how !== 'fuzzy' ? (named.id as ScenarioId) : u.scenario !== 'other' && u.confidence >= LOW_CONFIDENCE ? u.scenario : undefined;
      if (!to || to === c.scenario) return false;
      return ctx.reply({
        text: t('coach.wrong_pick', { scenario: t(`scenario.${to}`) }),
        choices: [button({ kind: 'coach', op: 'sw', arg: to }, t('coach.switch.to', { scenario: t(`scenario.${to}`) })), button({ kind: 'menu', action: 'continue' }, t('coach.continue'))],
      });
    },
    { order },
  );
}
