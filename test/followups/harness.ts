// A real app on :memory: with a hand-moved clock, driven through engine.handle like an adapter.
import { createApp, type App } from '../../src/app.js';
import { testConfig, type Config } from '../../src/config.js';
import { initialState, type CaseState } from '../../src/flow/state.js';
import type { Facts } from '../../src/flow/types.js';
import type { Delivery, Platform, ScenarioId } from '../../src/types.js';

export interface Harness {
  app: App;
  now(): Date;
  /** Sets the clock to an instant given in Beijing time, e.g. "2025-09-30 10:00". */
  at(local: string): void;
  /** One inbound (a choice id or text) from the test user; returns what the engine replied. */
  send(x: { choice?: string; text?: string }, who?: { platform?: Platform; user?: string }): Delivery[];
  /** Opens a case already on the ladder (intake and evidence done) for the test user. */
  ladderCase(opts?: { scenario?: ScenarioId; facts?: Facts; rung?: number; platform?: Platform; user?: string; stage?: 'ladder' | 'evidence' }): number;
  followUps(caseId: number, status?: string): { id: number; kind: string; rung: string | null; dueAt: number; status: string }[];
  /** Outbox rows written by the scheduler. */
  followUpMessages(): { id: number; platform: string; chat_id: string; status: string; text: string; choices: { id: string; label: string }[] }[];
  caseOf(id: number): { status: string; state: CaseState; outcome: string | null; refundedAmount: number | null };
}

/** "2025-09-30 10:00" in Asia/Shanghai (UTC+8, no DST) as a Date. */
export function bj(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

export const PAID_FACTS: Facts = {
  platform: '某某卡盟',
  merchant: '小王数码店',
  item: '腾讯视频月卡',
  orderId: '202509250001234',
  amount: 100,
  paymentMethod: 'alipay',
  promisedTime: 'instant',
  goodsState: 'nothing',
  sellerContact: 'stalling',
};

export function harness(start: string, overrides: Partial<Config> = {}): Harness {
  let clock = bj(start);
  const app = createApp(testConfig(overrides), { now: () => clock });
  let n = 0;
  const h: Harness = {
    app,
    now: () => clock,
    at(local) {
      clock = bj(local);
    },
    send(x, who = {}) {
      const platform = who.platform ?? 'terminal';
      const user = who.user ?? 'u1';
      const out = app.engine.handle({ platform, updateId: `t${++n}`, userId: user, displayName: user, chatId: user, chatKind: 'private', at: clock, ...x });
      for (const d of out) app.outbox.markSent(d.outboxId, clock);
      return out;
    },
    ladderCase(opts = {}) {
      const platform = opts.platform ?? 'terminal';
      const user = opts.user ?? 'u1';
      h.send({ text: '/help' }, { platform, user });
      const u = app.db.prepare(`SELECT id FROM users WHERE platform = ? AND platform_user_id = ?`).get(platform, user) as { id: number };
      const facts: Facts = { ...PAID_FACTS, paidAt: new Date(clock.getTime() - 86_400_000).toISOString(), ...opts.facts };
      const state: CaseState = { ...initialState(), stage: opts.stage ?? 'ladder', rung: opts.rung ?? 0 };
      const c = app.engine.repo.createCase(u.id, opts.scenario ?? 'not_received', facts, state, clock);
      app.engine.repo.saveCase(c.id, facts, state, clock);
      app.engine.repo.saveSession(u.id, c.id, {}, clock);
      return c.id;
    },
    followUps(caseId, status = 'pending') {
      return app.db
        .prepare(`SELECT id, kind, rung, due_at AS dueAt, status FROM follow_ups WHERE case_id = ? AND status = ? ORDER BY due_at, id`)
        .all(caseId, status) as never;
    },
    followUpMessages() {
      const rows = app.db.prepare(`SELECT id, platform, chat_id, status, payload FROM outbox WHERE kind = 'followup' ORDER BY id`).all() as {
        id: number;
        platform: string;
        chat_id: string;
        status: string;
        payload: string;
      }[];
      return rows.map((r) => {
        const p = JSON.parse(r.payload) as { text: string; choices?: { id: string; label: string }[] };
        return { id: r.id, platform: r.platform, chat_id: r.chat_id, status: r.status, text: p.text, choices: p.choices ?? [] };
      });
    },
    caseOf(id) {
      const c = app.engine.repo.getCase(id)!;
      return { status: c.status, state: c.state, outcome: c.outcome, refundedAmount: c.refundedAmount };
    },
  };
  return h;
}

/** All reply texts joined, for contains-checks. */
export const texts = (ds: Delivery[]): string => ds.map((d) => d.reply.text).join('\n---\n');
export const choiceIds = (ds: Delivery[]): string[] => ds.flatMap((d) => (d.reply.choices ?? []).map((c) => c.id));
