// Facts stay true (issue 11): a value typed later for a fact already answered — "金额写错了 应该是128"
// while another question is open — is never written silently. It is offered as a correction
// ("金额改成128元吗？"); yes updates the fact, no keeps it, and either way the open question is
// asked again. Card keys are removed before any number is read (src/dialogue).
import { checklistWords } from './checklist-words.js';
import { has, t } from '../i18n/index.js';
import { correctionOffer, readCorrection, yesNo, yuan } from '../dialogue/index.js';
import { formatDate, formatDateTime } from '../flow/format.js';
import type { Facts, FactValue, Flow } from '../flow/types.js';
import type { ScenarioId } from '../types.js';
import { button } from './choices.js';
import type { Repo } from './repo.js';
import { matchCommand } from './commands.js';
import { type Router, type TurnContext } from './routes.js';

const NS = 'fix';
/** After free-text understanding (refusals, tone) and before the case step. */
const ORDER_FIX = 150;

interface FixState {
  caseId: number;
  key: string;
  value: FactValue;
  /** Further changes offered with this one (a second correction typed while the first was pending). */
  more?: { key: string; value: FactValue }[];
}

export interface CorrectionDeps {
  repo: Repo;
  zone: string;
  flows: Readonly<Record<ScenarioId, Flow>>;
}

function shown(key: string, value: FactValue, zone: string, now: Date): string {
  if (typeof value === 'number' && (key === 'amount' || key === 'balance' || key === 'extraAmount')) return yuan(value);
  if (key === 'paymentMethod') return t(`payment.${value}`);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.includes('T') ? formatDateTime(value, zone, now) : formatDate(value, zone, now);
  return String(value);
}

const labelOf = (key: string) => (has(`label.${key}`) ? t(`label.${key}`) : key);

/** Confirmed facts the text gives a different value for (not the open question's own). */
function offered(flow: Flow, facts: Facts, openQ: string | null, text: string, now: Date, zone: string): FixState | undefined {
  const q = openQ ? flow.questions.find((x) => x.id === openQ) : undefined;
  const c = readCorrection(text, now, zone, { timeKey: q?.kind === 'time' ? q.id : undefined, cueOnly: true });
  if (c.cue === 'none') return undefined;
  const asked = new Set(flow.questions.map((x) => x.id));
  const changes: { key: string; value: FactValue }[] = [];
  for (const [key, value] of Object.entries(c.facts)) {
    if (value === null || key === openQ || !asked.has(key)) continue;
    const old = facts[key];
    if (old === undefined || old === null || old === value) continue;
    changes.push({ key, value });
  }
  return changes.length ? { caseId: -1, ...changes[0], more: changes.slice(1) } : undefined;
}

/** Every change a state offers, the first one first. */
const changesOf = (s: FixState) => [{ key: s.key, value: s.value }, ...(s.more ?? [])];

/** Offers "{label}改成{value}吗？" with 对，改过来 / 不用改; the answer is read by the pending route below. */
export function offerFix(ctx: TurnContext, caseId: number, key: string, value: FactValue, zone: string, more: { key: string; value: FactValue }[] = []): true {
  ctx.ext.set(NS, { caseId, key, value, ...(more.length ? { more } : {}) } satisfies FixState);
  const text = more.length
    ? t('fix.offer_many', { changes: [{ key, value }, ...more].map((x) => t('fix.change', { label: labelOf(x.key), value: shown(x.key, x.value, zone, ctx.now) })).join(t('fix.change_sep')) })
    : correctionOffer(labelOf(key), shown(key, value, zone, ctx.now));
  ctx.reply({
    text,
    choices: [button({ kind: 'fix', accept: true }, t('fix.yes')), button({ kind: 'fix', accept: false }, t('fix.no'))],
  });
  return true;
}

export function registerCorrections(router: Router, d: CorrectionDeps): void {
  router.pending<FixState>(
    NS,
    (ctx, s) => {
      const c = ctx.active;
      ctx.ext.set(NS, undefined);
      if (!c || c.id !== s.caseId || c.status !== 'open') return false;
      const typed = !ctx.choice && !matchCommand(ctx.text);
      const yn = typed ? yesNo(ctx.text) : undefined;
      const said = ctx.choice?.kind === 'fix' ? (ctx.choice.accept ? 'yes' : 'no') : (yn?.answer ?? 'unknown');
      // "不对 商家是QQ 99887766": a no that says the value instead is another correction.
      if (said === 'unknown' || (said === 'no' && yn?.rest)) {
        // Another correction typed while this one waits ("买的东西也写错了，是王者荣耀点券"): both are offered
        // together (a new value for the same fact replaces the waiting one), never the first dropped.
        const next = typed && ctx.text.trim() ? offered(d.flows[c.scenario], c.facts, c.state.stage === 'intake' ? c.state.q : null, ctx.text, ctx.now, d.zone) : undefined;
        if (!next) {
          if (said === 'unknown') return false;
        } else {
          const added = changesOf(next);
          const all = [...changesOf(s).filter((x) => !added.some((y) => y.key === x.key)), ...added];
          return offerFix(ctx, c.id, all[0].key, all[0].value, d.zone, all.slice(1));
        }
      }
      const changes = changesOf(s);
      if (said === 'yes') {
        const facts = { ...c.facts };
        for (const x of changes) {
          facts[x.key] = x.value;
          ctx.reply({ text: t('fix.done', { label: labelOf(x.key), value: shown(x.key, x.value, d.zone, ctx.now) }) });
        }
        // A double charge's extra debit that was the old price follows the new one ("每次是55不是50").
        const amount = changes.find((x) => x.key === 'amount');
        const follows = amount && !changes.some((x) => x.key === 'extraAmount') && typeof c.facts.extraAmount === 'number' && c.facts.extraAmount === c.facts.amount;
        if (follows) {
          facts.extraAmount = amount.value;
          ctx.reply({ text: t('fix.done', { label: labelOf('extraAmount'), value: shown('extraAmount', amount.value, d.zone, ctx.now) }) });
        }
        d.repo.saveCase(c.id, facts, c.state, ctx.now);
        return ctx.stepCase({ ...c, facts }, { type: 'repeat' });
      }
      for (const x of changes) ctx.reply({ text: t('fix.kept', { label: labelOf(x.key) }) });
      return ctx.stepCase(c, { type: 'repeat' });
    },
    { order: -90 },
  );

  router.text(
    (ctx: TurnContext) => {
      const c = ctx.active;
      if (!c || c.status !== 'open' || ctx.choice || !ctx.text.trim() || ctx.inbound.attachments?.length) return false;
      if (c.state.stage === 'declined' || c.state.stage === 'closed') return false;
      // At the checklist, "3点错了" is about item 3, not a time (checklist-words.ts reads it).
      if (c.state.stage === 'evidence' && checklistWords(d.flows[c.scenario], c.state, ctx.text) !== undefined) return false;
      const fix = offered(d.flows[c.scenario], c.facts, c.state.stage === 'intake' ? c.state.q : null, ctx.text, ctx.now, d.zone);
      if (!fix) return false;
      return offerFix(ctx, c.id, fix.key, fix.value, d.zone, fix.more);
    },
    { order: ORDER_FIX },
  );
}
