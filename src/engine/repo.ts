// SQL for the engine. Instants are stored as UTC milliseconds.
import type { DB } from '../store/db.js';
import type { Inbound, ScenarioId } from '../types.js';
import { loadCaseState, loadFacts, type CaseState, type LoadProblem } from '../flow/state.js';
import type { Facts, RungId } from '../flow/types.js';
import type { Outcome } from '../flow/step.js';

export interface UserRow {
  id: number;
  platform: string;
  platformUserId: string;
  displayName: string | null;
  chatId: string | null;
}

export interface CaseRow {
  id: number;
  userId: number;
  scenario: ScenarioId;
  status: 'open' | 'closed';
  facts: Facts;
  state: CaseState;
  outcome: Outcome | null;
  refundedAmount: number | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
}

export interface FollowUpRow {
  id: number;
  caseId: number;
  kind: string;
  rung: RungId | null;
  dueAt: number;
  status: string;
}

interface RawCase {
  id: number;
  user_id: number;
  scenario: ScenarioId;
  status: 'open' | 'closed';
  facts: string;
  state: string;
  outcome: Outcome | null;
  refunded_amount: number | null;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

/** Told about a stored value that could not be used as it was (and what replaced it). */
export type ProblemReport = (p: LoadProblem & { subject: string }) => void;

const toCase = (r: RawCase, report: ProblemReport): CaseRow => {
  // Validated on load (src/flow/state.ts): a corrupt row is reported and read as a safe state.
  const f = loadFacts(r.facts);
  const s = loadCaseState(r.state);
  if (f.problem) report({ ...f.problem, subject: `case:${r.id}` });
  if (s.problem) report({ ...s.problem, subject: `case:${r.id}` });
  return row(r, f.facts, s.state);
};

const row = (r: RawCase, facts: Facts, state: CaseState): CaseRow => ({
  id: r.id,
  userId: r.user_id,
  scenario: r.scenario,
  status: r.status,
  facts,
  state,
  outcome: r.outcome,
  refundedAmount: r.refunded_amount,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
});

export class Repo {
  private readonly s;

  /** The connection, for readers outside the engine's own tables (export). */
  get database(): DB {
    return this.db;
  }

  constructor(
    private readonly db: DB,
    private readonly report: ProblemReport = () => {},
  ) {
    this.s = {
      processed: db.prepare(`INSERT OR IGNORE INTO processed_updates (platform, update_id, at) VALUES (?, ?, ?)`),
      findUser: db.prepare(
        `SELECT id, platform, platform_user_id AS platformUserId, display_name AS displayName, chat_id AS chatId FROM users WHERE platform = ? AND platform_user_id = ?`,
      ),
      insertUser: db.prepare(
        `INSERT INTO users (platform, platform_user_id, display_name, chat_id, created_at) VALUES (?, ?, ?, ?, ?)
         RETURNING id, platform, platform_user_id AS platformUserId, display_name AS displayName, chat_id AS chatId`,
      ),
      updateUser: db.prepare(`UPDATE users SET display_name = ?, chat_id = ? WHERE id = ?`),
      session: db.prepare(`SELECT active_case_id, state, updated_at FROM sessions WHERE user_id = ?`),
      lastFired: db.prepare(
        `SELECT f.case_id AS caseId, f.kind, f.rung, f.due_at AS dueAt, f.fired_at AS firedAt, c.scenario, c.facts
         FROM follow_ups f JOIN cases c ON c.id = f.case_id
         WHERE c.user_id = ? AND c.status = 'open' AND f.status = 'fired' AND f.fired_at > ?
         ORDER BY f.fired_at DESC, f.id DESC LIMIT 1`,
      ),
      saveSession: db.prepare(
        `INSERT INTO sessions (user_id, active_case_id, state, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET active_case_id = excluded.active_case_id, state = excluded.state, updated_at = excluded.updated_at`,
      ),
      // The usual turn keeps its active case: only state and time change, so the sessions_active_case
      // index entry and the foreign-key check on active_case_id are left alone (the upsert rewrites both).
      saveSessionState: db.prepare(`UPDATE sessions SET state = ?, updated_at = ? WHERE user_id = ? AND active_case_id IS ?`),
      getCase: db.prepare(`SELECT * FROM cases WHERE id = ?`),
      createCase: db.prepare(
        `INSERT INTO cases (user_id, scenario, stage, facts, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      ),
      saveCase: db.prepare(`UPDATE cases SET facts = ?, state = ?, stage = ?, current_rung = ?, updated_at = ? WHERE id = ?`),
      closeCase: db.prepare(
        `UPDATE cases SET status = 'closed', outcome = ?, refunded_amount = ?, state = ?, stage = 'closed', closed_at = ?, updated_at = ? WHERE id = ?`,
      ),
      openCases: db.prepare(`SELECT count(*) AS n FROM cases WHERE user_id = ? AND status = 'open'`),
      casesOf: db.prepare(`SELECT * FROM cases WHERE user_id = ? ORDER BY status = 'open' DESC, id DESC`),
      schedule: db.prepare(
        `INSERT INTO follow_ups (case_id, user_id, kind, rung, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      cancel: db.prepare(`UPDATE follow_ups SET status = 'cancelled' WHERE case_id = ? AND status = 'pending'`),
      // At most one pending follow-up per (case, kind, rung): scheduling again replaces it (snooze, 商家回复了, re-entering a rung).
      replace: db.prepare(
        `UPDATE follow_ups SET status = 'cancelled' WHERE case_id = ? AND status = 'pending' AND kind = ? AND rung IS ?`,
      ),
      followUps: db.prepare(
        `SELECT id, case_id AS caseId, kind, rung, due_at AS dueAt, status FROM follow_ups WHERE case_id = ? AND status = 'pending' ORDER BY due_at`,
      ),
      evidence: db.prepare(`INSERT INTO evidence (case_id, item, kind, file_ref, at) VALUES (?, ?, ?, ?, ?)`),
      audit: db.prepare(`INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)`),
    };
  }

  /** Records an update; false if it was seen before. */
  markProcessed(platform: string, updateId: string, now: Date): boolean {
    return this.s.processed.run(platform, updateId, now.getTime()).changes === 1;
  }

  /** Finds or creates the user; writes only when something changed (a write costs a page in the WAL). */
  /** users.chat_id is the private chat (where follow-ups go); a group message never changes it. */
  upsertUser(i: Inbound, now: Date): UserRow {
    const privateChat = i.chatKind === 'private' ? i.chatId : null;
    const found = this.s.findUser.get(i.platform, i.userId) as UserRow | undefined;
    if (!found) return this.s.insertUser.get(i.platform, i.userId, i.displayName ?? null, privateChat, now.getTime()) as UserRow;
    const name = i.displayName ?? found.displayName;
    const chat = privateChat ?? found.chatId;
    if (name !== found.displayName || chat !== found.chatId) {
      this.s.updateUser.run(name, chat, found.id);
      return { ...found, displayName: name, chatId: chat };
    }
    return found;
  }

  loadSession(userId: number): { activeCaseId: number | null; state: Record<string, unknown>; updatedAt: number } {
    const r = this.s.session.get(userId) as { active_case_id: number | null; state: string; updated_at: number } | undefined;
    return { activeCaseId: r?.active_case_id ?? null, state: r ? this.json(r.state, `session:${userId}`) : {}, updatedAt: r?.updated_at ?? 0 };
  }

  /**
   * Marks the case's latest fired, unanswered rung check answered. False when there is none
   * (the reminder was answered already, or never fired).
   */
  consumeFiredCheck(caseId: number, now: Date): boolean {
    const r = this.db
      .prepare(`SELECT id FROM follow_ups WHERE case_id = ? AND kind = 'rung_check' AND status = 'fired' ORDER BY fired_at DESC, id DESC LIMIT 1`)
      .get(caseId) as { id: number } | undefined;
    if (!r) return false;
    this.db.prepare(`UPDATE follow_ups SET status = 'answered', fired_at = coalesce(fired_at, ?) WHERE id = ?`).run(now.getTime(), r.id);
    return true;
  }

  /** The user's most recent follow-up fired after `afterMs` on an open case, if any. */
  lastFiredFollowUp(userId: number, afterMs: number):
    | { caseId: number; kind: string; rung: RungId | null; dueAt: number; firedAt: number; scenario: ScenarioId; facts: Facts }
    | undefined {
    const r = this.s.lastFired.get(userId, afterMs) as { caseId: number; kind: string; rung: RungId | null; dueAt: number; firedAt: number; scenario: ScenarioId; facts: string } | undefined;
    if (!r) return undefined;
    const f = loadFacts(r.facts);
    if (f.problem) this.report({ ...f.problem, subject: `case:${r.caseId}` });
    return { ...r, facts: f.facts };
  }

  /** Stored session JSON; unreadable text is reported and read as an empty session (the menu). */
  private json(text: string, subject: string): Record<string, unknown> {
    try {
      const v: unknown = JSON.parse(text);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
      throw new Error('session state is not an object');
    } catch (e) {
      this.report({ what: 'session_state', err: e instanceof Error ? e : new Error(String(e)), subject });
      return {};
    }
  }

  saveSession(userId: number, activeCaseId: number | null, state: object, now: Date): void {
    const json = JSON.stringify(state);
    if (this.s.saveSessionState.run(json, now.getTime(), userId, activeCaseId).changes) return;
    this.s.saveSession.run(userId, activeCaseId, json, now.getTime());
  }

  getCase(id: number): CaseRow | undefined {
    const r = this.s.getCase.get(id) as RawCase | undefined;
    return r && toCase(r, this.report);
  }

  createCase(userId: number, scenario: ScenarioId, facts: Facts, state: CaseState, now: Date): CaseRow {
    return toCase(this.s.createCase.get(userId, scenario, state.stage, JSON.stringify(facts), JSON.stringify(state), now.getTime(), now.getTime()) as RawCase, this.report);
  }

  saveCase(id: number, facts: Facts, state: CaseState, now: Date): void {
    this.s.saveCase.run(JSON.stringify(facts), JSON.stringify(state), state.stage, state.stage === 'ladder' ? String(state.rung) : null, now.getTime(), id);
  }

  /** Money already back on a case still pursued (a partial refund; the rest is still claimed). */
  setRefunded(id: number, refunded: number, now: Date): void {
    this.db.prepare(`UPDATE cases SET refunded_amount = ?, updated_at = ? WHERE id = ?`).run(refunded, now.getTime(), id);
  }

  closeCase(id: number, outcome: Outcome, refunded: number | undefined, state: CaseState, now: Date): void {
    this.s.closeCase.run(outcome, refunded ?? null, JSON.stringify(state), now.getTime(), now.getTime(), id);
  }

  /** How many open cases the user has (served by the cases_user index). */
  countOpenCases(userId: number): number {
    return (this.s.openCases.get(userId) as { n: number }).n;
  }

  casesOf(userId: number): CaseRow[] {
    return (this.s.casesOf.all(userId) as RawCase[]).map((r) => toCase(r, this.report));
  }

  scheduleFollowUp(caseId: number, userId: number, kind: string, rung: RungId | null, dueAt: Date, now: Date): void {
    this.s.replace.run(caseId, kind, rung);
    this.s.schedule.run(caseId, userId, kind, rung, dueAt.getTime(), now.getTime());
  }

  cancelFollowUps(caseId: number): void {
    this.s.cancel.run(caseId);
  }

  followUpsFor(caseId: number): FollowUpRow[] {
    return this.s.followUps.all(caseId) as FollowUpRow[];
  }

  addEvidence(caseId: number, item: string | null, kind: string, ref: string | undefined, now: Date): void {
    this.s.evidence.run(caseId, item, kind, ref ?? null, now.getTime());
  }

  /** A checklist tick taken back (files sent stay). */
  removeTick(caseId: number, item: string): void {
    this.db.prepare(`DELETE FROM evidence WHERE case_id = ? AND item = ? AND kind = 'tick'`).run(caseId, item);
  }

  evidenceOf(caseId: number): { item: string | null; kind: string; file_ref: string | null; at: number }[] {
    return this.db.prepare(`SELECT item, kind, file_ref, at FROM evidence WHERE case_id = ? ORDER BY at, id`).all(caseId) as {
      item: string | null;
      kind: string;
      file_ref: string | null;
      at: number;
    }[];
  }

  audit(actor: string | null, action: string, subject: string | null, detail: unknown, now: Date): void {
    this.s.audit.run(now.getTime(), actor, action, subject, detail === null || detail === undefined ? null : JSON.stringify(detail));
  }

  /**
   * Removes a user and everything tied to them (cases, evidence, follow-ups, session, outbox, chat
   * flags, audit entries). Every statement here and every foreign-key cascade it sets off is served
   * by an index (migration 6; test/store/query-plans.test.ts), so it costs O(the user's rows).
   * The caller scrubs the WAL after commit (scrubWal) so the deleted rows leave the files too.
   */
  deleteUser(userId: number, now: Date): void {
    const u = this.db.prepare(`SELECT platform, platform_user_id, chat_id FROM users WHERE id = ?`).get(userId) as
      | { platform: string; platform_user_id: string; chat_id: string | null }
      | undefined;
    if (!u) return;
    const caseIds = (this.db.prepare(`SELECT id FROM cases WHERE user_id = ?`).all(userId) as { id: number }[]).map((r) => `case:${r.id}`);
    const del = this.db.prepare(`DELETE FROM audit WHERE actor = ? OR subject = ?`);
    del.run(`user:${userId}`, `user:${userId}`);
    for (const c of caseIds) del.run(c, c);
    this.db.prepare(`DELETE FROM outbox WHERE user_id = ? OR (platform = ? AND chat_id = ?)`).run(userId, u.platform, u.chat_id ?? '');
    this.db.prepare(`DELETE FROM chats WHERE platform = ? AND chat_id = ?`).run(u.platform, u.chat_id ?? '');
    this.db.prepare(`DELETE FROM users WHERE id = ?`).run(userId);
    this.audit(null, 'user_deleted', null, null, now);
  }

  pruneProcessed(before: Date): number {
    return this.db.prepare(`DELETE FROM processed_updates WHERE at < ?`).run(before.getTime()).changes;
  }

  /** Deletes closed cases closed before the cutoff, and open ones nobody has touched since then. */
  deleteClosedBefore(cutoffMs: number): number {
    return this.db
      .prepare(`DELETE FROM cases WHERE (status = 'closed' AND closed_at < ?) OR (status = 'open' AND updated_at < ?)`)
      .run(cutoffMs, cutoffMs).changes;
  }
}
