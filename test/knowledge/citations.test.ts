// Every citation in every ladder text fits the case: renders each rung of each scenario over
// the product of its choice answers, the citation facts, amounts and case progress, and checks
// each cited row's condition (docs/domain.md §4) against facts computed here, independently.
import { renderReply } from '../../src/engine/render.js';
import { describe, expect, it } from 'vitest';
import { FLOWS } from '../../flows/index.js';
import { applicableRungs, rungReply, sellerDeadline } from '../../src/flow/ladder.js';
import type { Facts, Flow, RungId } from '../../src/flow/types.js';
import type { CaseState } from '../../src/flow/state.js';
import { initialState } from '../../src/flow/state.js';
import { testConfig } from '../../src/config.js';
import { t } from '../../src/i18n/index.js';
import { CITATION_FACTS, LAW, citationsFor, law, type CitationPlace, type LawRow } from '../../src/knowledge/law.js';
import type { ScenarioId } from '../../src/types.js';

const timings = testConfig({});
const zone = 'Asia/Shanghai';
const now = new Date('2026-11-20T08:00:00Z');
const line = (r: LawRow) => t('law.line', { article: r.article, meaning: r.meaning });

function product(lists: Array<Array<[string, Facts[string] | undefined]>>): Facts[] {
  let out: Facts[] = [{}];
  for (const l of lists) {
    const next: Facts[] = [];
    for (const f of out) for (const [k, v] of l) next.push(v === undefined ? f : { ...f, [k]: v });
    out = next;
  }
  return out;
}

const base: Facts = {
  platform: '某卡盟', merchant: '某商家', item: '点卡', orderId: 'A123456789', paymentMethod: 'alipay', paidAt: '2026-11-18T02:00:00.000Z',
};

/** Progress of the case: what was sent and when; `lapsed` says whether a demand went unanswered. */
interface Progress { name: string; state: Partial<CaseState>; lapsed: boolean }
const sellerSentAt = now.getTime() - 3 * 86_400_000;
const progresses: Progress[] = [
  { name: 'nothing sent', state: {}, lapsed: false },
  { name: 'seller just sent', state: { sent: ['seller'], rungSentAt: now.getTime() - 3_600_000 }, lapsed: false },
  { name: 'seller deadline passed', state: { sent: ['seller'], rungSentAt: sellerSentAt }, lapsed: true },
  { name: 'seller then platform', state: { sent: ['seller', 'platform'], rungSentAt: now.getTime() - 3_600_000 }, lapsed: true },
  { name: 'platform only', state: { sent: ['platform'], rungSentAt: now.getTime() - 3_600_000 }, lapsed: false },
];

function combos(flow: Flow): Facts[] {
  const choiceAxes = flow.questions
    .filter((q) => q.kind === 'choice')
    .map((q) => (q.options ?? []).map((o) => [q.id, o] as [string, string]));
  // Citation facts: none, all, and each one alone (their conditions do not interact).
  const keys = Object.values(CITATION_FACTS).filter((k) => k !== CITATION_FACTS.demandUnanswered);
  const patterns: Facts[] = [{}, Object.fromEntries(keys.map((k) => [k, true])), ...keys.map((k) => ({ [k]: true }))];
  return product([
    ...choiceAxes,
    [['amount', 200], ['amount', 20_000]],
    flow.id === 'merchant_vanished' ? [['balance', 0], ['balance', 80]] : [['balance', undefined]],
  ]).flatMap((f) => patterns.map((p) => ({ ...base, ...f, ...p })));
}

/** The condition, evaluated on facts derived here from the progress (not via the ladder's helper). */
const holds = (row: LawRow, facts: Facts, place: CitationPlace, scenario: ScenarioId) => row.when({ facts, place, scenario });

describe('citations fit the facts', () => {
  // Sanity: the timing used for "seller deadline passed" really is past.
  it('the progress fixtures mean what they say', () => {
    expect(sellerDeadline(new Date(sellerSentAt), timings, zone).getTime()).toBeLessThan(now.getTime());
    expect(sellerDeadline(new Date(now.getTime() - 3_600_000), timings, zone).getTime()).toBeGreaterThan(now.getTime());
  });

  for (const flow of Object.values(FLOWS)) {
    it(`${flow.id}: every rung × fact combination × progress cites only rows whose condition holds`, () => {
      let texts = 0;
      const seen = new Map<string, Set<RungId>>();
      for (const facts of combos(flow)) {
        const rungs = applicableRungs(flow, facts, timings);
        for (const pr of progresses) {
          const state: CaseState = { ...initialState(), stage: 'ladder', ...pr.state };
          const truth: Facts = pr.lapsed ? { ...facts, [CITATION_FACTS.demandUnanswered]: true } : facts;
          for (let i = 0; i < rungs.length; i++) {
            const rung = rungs[i];
            const reply = renderReply(rungReply(flow, rungs, i, facts, now, timings, zone, { ...state, rung: i }));
            texts++;
            for (const row of LAW) {
              if (!reply.text.includes(line(row))) continue;
              if (!holds(row, truth, rung, flow.id)) {
                throw new Error(`${flow.id}/${rung}/${pr.name}: cites ${row.id} (${row.condition}) with facts ${JSON.stringify(truth)}`);
              }
              (seen.get(row.id) ?? seen.set(row.id, new Set()).get(row.id)!).add(rung);
            }
            // A letter's stated basis: each article named there fits the seller message's place.
            const body = reply.document?.body ?? '';
            const basisMatch = /依据：([^\n]*)。/.exec(body);
            if (basisMatch) {
              for (const article of basisMatch[1].split('、')) {
                const rows = LAW.filter((r) => r.article === article);
                expect(rows.length, `${article} is a table article`).toBeGreaterThan(0);
                expect(rows.some((r) => r.basis && holds(r, truth, 'seller', flow.id)), `${flow.id}/${rung}/${pr.name}: basis ${article}`).toBe(true);
              }
            }
            // What must appear where it fits (the table is not merely silent).
            const expected = citationsFor(truth, rung, flow.id);
            for (const r of expected) expect(reply.text, `${flow.id}/${rung}/${pr.name}: ${r.id}`).toContain(line(r));
          }
        }
        // The intake assessment too.
        const a = flow.assess(facts);
        const place: CitationPlace = a.verdict === 'declined' ? 'decline' : 'assessment';
        for (const id of a.law) expect(holds(law(id), facts, place, flow.id), `${flow.id} assessment ${id}`).toBe(true);
      }
      expect(texts).toBeGreaterThan(100);
      // Never cited anywhere on a ladder: the fabricated-claims row.
      expect(seen.has('crl266')).toBe(false);
    });
  }
});

describe('the rules of issue 12, item 5', () => {
  const f = (extra: Facts = {}): Facts => ({ ...base, amount: 300, ...extra });
  const ids = (facts: Facts, place: CitationPlace, s: ScenarioId) => citationsFor(facts, place, s).map((r) => r.id);

  it('消保法55 only on stated deception, only at 12315/court, phrased as conditional', () => {
    expect(ids(f(), 'regulator', 'not_as_described')).not.toContain('cpl55');
    expect(ids(f({ deceptionStated: true }), 'seller', 'not_as_described')).not.toContain('cpl55');
    expect(ids(f({ deceptionStated: true }), 'regulator', 'not_as_described')).toContain('cpl55');
    expect(ids(f({ deceptionStated: true }), 'court', 'card_used')).toContain('cpl55');
    expect(law('cpl55').meaning.startsWith('如经认定')).toBe(true);
  });

  it('电子商务法53 only at the payment rung', () => {
    for (const place of ['assessment', 'seller', 'platform', 'regulator', 'police', 'court'] as const) {
      expect(ids(f(), place, 'double_charge')).not.toContain('ecl53');
    }
    expect(ids(f(), 'payment', 'double_charge')).toContain('ecl53');
  });

  it('民法典563 only after an unmet demand; 消保法26 only on a no-refund notice', () => {
    expect(ids(f(), 'seller', 'not_received')).not.toContain('cc563');
    expect(ids(f({ demandUnanswered: true }), 'platform', 'not_received')).toContain('cc563');
    expect(ids(f(), 'platform', 'not_received')).not.toContain('cpl26');
    expect(ids(f({ noRefundNotice: true }), 'platform', 'not_received')).toContain('cpl26');
  });

  it('刑法266: the victim row states the 3,000–10,000 threshold; the fabrication row only in refusals', () => {
    expect(law('crl266_victim').meaning).toMatch(/三千元至一万元/);
    expect(law('crl266_victim').meaning).not.toMatch(/退款/);
    expect(ids(f(), 'police', 'merchant_vanished')).toContain('crl266_victim');
    expect(ids(f(), 'police', 'merchant_vanished')).not.toContain('crl266');
    expect(ids(f(), 'decline', 'not_received')).toEqual(['crl266', 'psa']);
  });

  it('the first seller message of a 货不对板 case cites neither 55 nor 563', () => {
    const flow = FLOWS.not_as_described;
    const facts = { ...f(), usedAlready: 'no' };
    const r = rungReply(flow, applicableRungs(flow, facts, timings), 0, facts, now, timings, zone);
    expect(r.text).not.toContain('第55条');
    expect(r.text).not.toContain('第563条');
    expect(r.document?.body).not.toContain('第55条');
  });
});

describe('rung texts that depend on the facts (issue 12 item 9)', () => {
  const facts: Facts = { ...base, amount: 2500, siteState: 'down', balance: 0, othersAffected: 'yes' };
  const flow = FLOWS.merchant_vanished;
  const rungs = applicableRungs(flow, facts, timings);

  it('the platform rung with the site down points to the payment channel, not to 我的订单', () => {
    const r = renderReply(rungReply(flow, rungs, rungs.indexOf('platform'), facts, now, timings, zone));
    expect(r.text).not.toContain('我的订单');
    expect(r.text).toMatch(/支付渠道/);
    const up = renderReply(rungReply(flow, rungs, rungs.indexOf('platform'), { ...facts, siteState: 'up_no_service' }, now, timings, zone));
    expect(up.text).toContain('我的订单');
  });

  it('the police rung states the threshold in words and what 受案回执 is', () => {
    const r = renderReply(rungReply(flow, rungs, rungs.indexOf('police'), facts, now, timings, zone));
    expect(r.text).toMatch(/三千元到一万元/);
    expect(r.text).toMatch(/受案回执.{0,20}书面凭证/);
    expect(r.text).not.toContain('见下面的规定');
  });
});
