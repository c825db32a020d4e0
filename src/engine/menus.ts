// The engine's own replies: the main menu, the scenario picker, the case list.
import { t } from '../i18n/index.js';
import { SCENARIOS, type Choice, type Reply } from '../types.js';
import { OUTCOMES } from '../flow/events.js';
import { GOODS_OWED } from '../dialogue/arrived.js';
import { button } from './choices.js';
import type { CaseRow } from './repo.js';

export function caseChoices(): Choice[] {
  return [
    button({ kind: 'menu', action: 'continue' }, t('choice.continue')),
    button({ kind: 'menu', action: 'evidence' }, t('choice.evidence')),
    button({ kind: 'menu', action: 'close' }, t('choice.close')),
  ];
}

export function menu(active: CaseRow | undefined, prefix?: string): Reply {
  const choices: Choice[] = [];
  if (active && active.status === 'open') choices.push(button({ kind: 'menu', action: 'continue' }, t('choice.continue_case', { id: active.id })));
  choices.push(button({ kind: 'menu', action: 'new' }, t('choice.new_case')), button({ kind: 'menu', action: 'cases' }, t('choice.my_cases')));
  if (active) choices.push(button({ kind: 'menu', action: 'progress' }, t('choice.progress')));
  return { text: [prefix, t('menu.commands')].filter(Boolean).join('\n\n'), choices };
}

export function scenarioMenu(): Reply {
  return { text: t('scenario.ask'), choices: SCENARIOS.map((s) => button({ kind: 'scenario', scenario: s }, t(`scenario.${s}`))) };
}

export function closeAsk(caseId: number, scenario?: string): Reply {
  // 商家已发货/补发 only where goods were owed (in a double charge, 到账 is a refund).
  const outcomes = OUTCOMES.filter((o) => o !== 'delivered' || (scenario !== undefined && GOODS_OWED.has(scenario)));
  return { text: t('close.ask', { id: caseId }), choices: outcomes.map((o) => button({ kind: 'close', outcome: o }, t(`outcome.${o}`))) };
}

export function deleteAsk(): Reply {
  return { text: t('delete.confirm'), choices: [button({ kind: 'delete', confirm: true }, t('delete.yes')), button({ kind: 'delete', confirm: false }, t('delete.no'))] };
}

export function caseList(cases: CaseRow[], activeId: number | undefined): Reply {
  const newCase = button({ kind: 'menu', action: 'new' }, t('choice.new_case'));
  if (!cases.length) return { text: t('cases.none'), choices: [newCase] };
  const lines = cases.map((c) =>
    t('cases.line', {
      id: c.id,
      scenario: t(`scenario.${c.scenario}`),
      merchant: typeof c.facts.merchant === 'string' ? c.facts.merchant : t('fact.unknown'),
      status: t(`status.${c.status}`),
      mark: c.id === activeId ? t('cases.current') : '',
    }),
  );
  return {
    text: [t('cases.header'), ...lines].join('\n'),
    choices: [
      ...cases
        .filter((c) => c.status === 'open' && c.id !== activeId)
        .slice(0, 8)
        .map((c) => button({ kind: 'case', caseId: c.id }, t('cases.switch', { id: c.id, scenario: t(`scenario.${c.scenario}`) }))),
      newCase,
    ],
  };
}
