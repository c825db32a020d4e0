// 黑猫投诉 text (issue 12 item 8, docs/domain.md §3.5.5): title, 投诉对象, 投诉问题, 投诉要求,
// 涉诉金额 — built from the ladder's document parameters so the facts read the same everywhere.
import type { Params } from '../i18n/index.js';
import type { CaseRow } from '../engine/repo.js';
import type { ScenarioId } from '../types.js';
import { t } from './text.js';

export interface BlackCatComplaint {
  title: string;
  target: string;
  problem: string;
  demand: string;
  amount: string;
  /** All five fields as one text to copy. */
  text: string;
}

/**
 * `params` are the ladder's documentParams() for the case (merchant, platform, amount, facts,
 * history, request — already formatted; unknown ones read 【待补充】).
 */
export function blackCatComplaint(scenario: ScenarioId, params: Params): BlackCatComplaint {
  const p = { ...params, scenarioShort: t(`blackcat.short.${scenario}`) };
  const title = t('blackcat.title', p);
  const target = t('blackcat.target', p);
  const problem = t('blackcat.problem', p);
  const demand = String(params.request ?? '');
  const amount = String(params.amount ?? '');
  const text = [t('blackcat.intro'), t('blackcat.body', { title, target, problem, demand, amount })].join('\n\n');
  return { title, target, problem, demand, amount, text };
}

/**
 * 黑猫 is public (explore3 F42): the order number stays out of the public body — the case as the
 * public text sees it, without its order number.
 */
export function publicCase(c: CaseRow): CaseRow {
  const { orderId: _orderId, ...facts } = c.facts;
  return { ...c, facts };
}

/** The intro: where the order number goes instead (the non-public field), when the case has one. */
export function blackCatIntro(c: CaseRow): string {
  const orderId = typeof c.facts.orderId === 'string' ? c.facts.orderId : undefined;
  return orderId ? `${t('blackcat.intro')}
${t('blackcat.private_order', { orderId })}` : t('blackcat.intro');
}
