// All user-facing text comes from the locale files under ./zh-CN; code refers to keys.
import core from './zh-CN/core.js';
import flows from './zh-CN/flows.js';
import documents from './zh-CN/documents.js';
import understanding from './zh-CN/understanding.js';
import followups from './zh-CN/followups.js';
import blacklist from './zh-CN/blacklist.js';
import limits from './zh-CN/limits.js';
import coaching from './zh-CN/coaching.js';
import honest from './zh-CN/honest.js';
import ownWords from './zh-CN/own-words.js';

export type Params = Record<string, string | number | undefined | null>;

const catalog: Record<string, string> = { ...core, ...flows, ...documents, ...understanding, ...followups, ...blacklist, ...limits, ...coaching, ...honest, ...ownWords };

/** Registers more keys (e.g. a module's own locale file). Later keys win. */
export function addMessages(more: Record<string, string>): void {
  Object.assign(catalog, more);
}

export function has(key: string): boolean {
  return key in catalog;
}

/** Looks a key up and fills {placeholders}. A missing key is a programming error and throws. */
export function t(key: string, params: Params = {}): string {
  const template = catalog[key];
  if (template === undefined) throw new Error(`missing locale key: ${key}`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? '' : String(v);
  });
}
