// Scams after the first loss (docs/domain.md §3.7, issue 12 item 2): a "客服" link, a refund
// link, entering a card number or 验证码, screen sharing, downloading an app, 刷流水/做任务.
// Checked before anything else on every message; the warning comes first.
import { z } from 'zod';
import { normalize } from '../nlu/normalize.js';
import { compile, loadData } from './rules.js';
import { t } from './text.js';

export const SCAM_KINDS = ['card_details', 'screen_share', 'download_app', 'credit_scam', 'advance_fee', 'task_scam', 'refund_link', 'fake_service'] as const;
export type ScamKind = (typeof SCAM_KINDS)[number];

export interface ScamSign {
  kind: ScamKind;
  /** The words that matched, from the normalised message. */
  match: string;
  /** The user says they already gave details, paid, scanned or installed. */
  given: boolean;
}

const ScamData = z.object({
  kinds: z.array(z.object({ kind: z.enum(SCAM_KINDS), patterns: z.array(z.string()).min(1) })),
  given: z.array(z.string()).min(1),
  safe: z.array(z.string()),
});

const data = loadData('scam.json', ScamData);
const KINDS = data.kinds.map((k) => [k.kind, compile(k.patterns, 'i')] as const);
const GIVEN = compile(data.given, 'i');
const SAFE = data.safe.length ? compile(data.safe, 'gi') : undefined;

/** The first sign of a refund scam in a message, or undefined. */
export function detectScam(text: string): ScamSign | undefined {
  const s = normalize(text);
  const hay = SAFE ? s.replace(SAFE, ' ') : s;
  for (const [kind, re] of KINDS) {
    const m = re.exec(hay);
    if (m) return { kind, match: m[0], given: GIVEN.test(hay) };
  }
  return undefined;
}

/** The warning: stop, what this scam is, what not to do, freezing if details were given, where to report. */
export function scamWarning(sign: ScamSign): string {
  return [t('scam.stop'), t(`scam.kind.${sign.kind}`), t('scam.dont'), ...(sign.given ? [t('scam.given')] : []), t('scam.report'), t('scam.resume')].join('\n\n');
}
