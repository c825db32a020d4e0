// Synonyms declared beside the option labels in the locale files (flowSynonyms in flows.ts,
// coreSynonyms in core.ts), and OptionSpec lists built from label keys.
import { has, t } from '../i18n/index.js';
import { flowSynonyms } from '../i18n/zh-CN/flows.js';
import { coreSynonyms } from '../i18n/zh-CN/core.js';
import type { OptionSpec } from './options.js';

const ALL: Record<string, readonly string[]> = { ...flowSynonyms, ...coreSynonyms };

/** The synonym key of a label key: opt.<rest> → syn.<rest>; any other key → syn.<key>. */
export function synonymKey(labelKey: string): string {
  return labelKey.startsWith('opt.') ? `syn.${labelKey.slice(4)}` : `syn.${labelKey}`;
}

/**
 * What users type for the option labelled by `labelKey` (a locale key such as
 * 'opt.sellerContact.no_reply', 'choice.evidence_done', 'scenario.card_used', 'ev.chat_log').
 * For evidence items the short label (ev.<id>.short) is included. Empty when none are declared.
 */
export function synonymsOf(labelKey: string): readonly string[] {
  const own = ALL[synonymKey(labelKey)] ?? [];
  if (labelKey.startsWith('ev.') && has(`${labelKey}.short`)) return [t(`${labelKey}.short`), ...own];
  return own;
}

/** Every declared synonym list, by synonym key (for tests and tools). */
export function allSynonyms(): Readonly<Record<string, readonly string[]>> {
  return ALL;
}

/**
 * Options as the matcher wants them, from (id, label key) pairs in the order shown.
 * `numbered` (default true) gives them the numbers 1, 2, 3… they are shown with.
 */
export function optionSpecs(entries: readonly { id: string; labelKey: string; label?: string }[], numbered = true): OptionSpec[] {
  return entries.map((e, i) => ({
    id: e.id,
    label: e.label ?? t(e.labelKey),
    synonyms: synonymsOf(e.labelKey),
    number: numbered ? i + 1 : undefined,
  }));
}

/** The label key of a flow question's option: opt.<flow>.<question>.<option> if declared, else opt.<question>.<option>. */
export function optionLabelKey(flowId: string, questionId: string, option: string): string {
  const specific = `opt.${flowId}.${questionId}.${option}`;
  return has(specific) ? specific : `opt.${questionId}.${option}`;
}

/** A flow question's options as numbered OptionSpecs (1 = first option), ids = option ids. */
export function questionOptions(flowId: string, questionId: string, options: readonly string[]): OptionSpec[] {
  return optionSpecs(options.map((o) => ({ id: o, labelKey: optionLabelKey(flowId, questionId, o) })));
}

let byLabel: Map<string, readonly string[]> | undefined;

/**
 * Synonyms for a label as shown (the text of a button), for callers that kept only
 * { id, label } — e.g. the engine's stored last choices. Found through the label keys that
 * have synonyms declared (opt.*, choice.*, scenario.*, ev.* with its short label, fu.*, …).
 */
export function synonymsForLabel(label: string): readonly string[] {
  if (!byLabel) {
    const map = new Map<string, string[]>();
    const put = (text: string, syns: readonly string[]) => map.set(text, [...(map.get(text) ?? []), ...syns]);
    for (const [key, syns] of Object.entries(ALL)) {
      const rest = key.slice(4);
      const labelKey = has(`opt.${rest}`) ? `opt.${rest}` : rest;
      if (has(labelKey)) put(t(labelKey), syns);
      if (labelKey.startsWith('ev.') && has(`${labelKey}.short`)) put(t(`${labelKey}.short`), syns);
    }
    byLabel = map;
  }
  return byLabel.get(label) ?? [];
}

/**
 * OptionSpecs for choices known only by { id, label } (numbered 1, 2… in the order shown unless
 * `numbered` is false). Ids in `weakIds` (default: the skip button 'q:skip') lose ties to the others.
 */
export function choiceOptions(choices: readonly { id: string; label: string }[], numbered = true, weakIds: readonly string[] = ['q:skip']): OptionSpec[] {
  return choices.map((c, i) => ({ id: c.id, label: c.label, synonyms: synonymsForLabel(c.label), number: numbered ? i + 1 : undefined, weak: weakIds.includes(c.id) || undefined }));
}
