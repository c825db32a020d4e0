// Finding the operator (docs/domain.md §3.5.3–3.5.4, issue 12 item 4): where the payee's full
// name is on each channel's bill, the site's ICP备案 holder, 国家企业信用信息公示系统 for name and
// address; what happens when nothing is found. The found values are stored as case facts.
import { CITATION_FACTS } from '../knowledge/law.js';
import type { Facts } from '../flow/types.js';
import { has, t } from './text.js';

/** Case fact keys the respondent finder fills (and the 12315/court texts read). */
export const RESPONDENT_FACTS = {
  name: 'respondentName',
  address: 'respondentAddress',
  icp: 'respondentIcp',
} as const;

export interface RespondentGuideOptions {
  paymentMethod?: string | null;
  /** The seller sells on a platform (so the platform's domicile can stand in). */
  platformSeller?: boolean;
}

/** The step's text: per-channel payee name, ICP备案, 公示系统, and the fall-backs. */
export function respondentGuide(o: RespondentGuideOptions = {}): string {
  const channel = `respondent.channel.${o.paymentMethod ?? 'unknown'}`;
  return [
    t('respondent.intro'),
    `1. ${t(has(channel) ? channel : 'respondent.channel.unknown')}`,
    `2. ${t('respondent.icp')}`,
    `3. ${t('respondent.gsxt')}`,
    ...(o.platformSeller === false ? [] : [t('respondent.platform_seller')]),
    t('respondent.anonymous'),
    t('respondent.save'),
  ].join('\n');
}

/** Facts to merge once the user reports what they found; nothing found marks the respondent unknown. */
export function respondentFacts(found: { name?: string; address?: string; icp?: string }): Facts {
  const f: Facts = {};
  const name = found.name?.trim();
  const address = found.address?.trim();
  const icp = found.icp?.trim();
  if (name) f[RESPONDENT_FACTS.name] = name;
  if (address) f[RESPONDENT_FACTS.address] = address;
  if (icp) f[RESPONDENT_FACTS.icp] = icp;
  f[CITATION_FACTS.respondentUnknown] = !name;
  return f;
}

/** An ICP备案 number as printed in a site footer (e.g. 粤ICP备12345678号-1), or undefined. */
export function parseIcp(text: string): string | undefined {
  return /[\u4e00-\u9fa5]ICP[备證证]\s*\d{6,10}号(?:-\d+)?/i.exec(text)?.[0];
}
