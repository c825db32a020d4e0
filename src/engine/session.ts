// Per-user session state: which case is active, what the user was last shown, and the state of
// pending sub-dialogues (TurnContext.ext, one entry per namespace). Loaded once and saved once
// per private turn, inside the turn's transaction.
import { z } from 'zod';
import type { Choice } from '../types.js';
import type { Repo } from './repo.js';
import type { TurnContext } from './routes.js';

/** The shape version written now; bump it with a step in migrateSession. */
export const SESSION_VERSION = 1;

export interface SessionState {
  version?: typeof SESSION_VERSION;
  lastChoices?: Choice[];
  /** Whether a bare number answers the last choices (false while a free-text question is open). */
  numbered?: boolean;
  /** State kept by routes, one entry per namespace (see TurnContext.ext). */
  ext?: Record<string, unknown>;
  /** One-shot choices already handled (taps.ts). */
  done?: Choice[];
  /** The last choice handled, for double taps (taps.ts). */
  lastTap?: { id?: string; text?: string; at: number };
}

/** The engine's own close/delete confirmation, kept under ext[ENGINE_NS]. */
export const ENGINE_NS = 'engine';

export interface Session {
  activeCaseId: number | null;
  state: SessionState;
  updatedAt: number;
}

const sessionV1 = z.looseObject({
  version: z.literal(1),
  lastChoices: z.array(z.looseObject({ id: z.string(), label: z.string() })).optional(),
  numbered: z.boolean().optional(),
  ext: z.record(z.string(), z.unknown()).optional(),
  done: z.array(z.looseObject({ id: z.string(), label: z.string() })).optional(),
  lastTap: z.looseObject({ id: z.string().optional(), text: z.string().optional(), at: z.number() }).optional(),
});

/**
 * Brings a stored session to the current version. Version 0 (unversioned) is every session
 * written before versions: those from before the routing table kept the engine's dialogue at the
 * top level (`mode`, `closeOutcome`); it moves under ext[ENGINE_NS].
 */
function migrateSession(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw.version !== undefined) return raw;
  const { mode, closeOutcome, ...rest } = raw;
  const state: Record<string, unknown> = { ...rest, version: 1 };
  if (typeof mode === 'string') state.ext = { ...((rest.ext as Record<string, unknown> | undefined) ?? {}), [ENGINE_NS]: { mode, closeOutcome } };
  return state;
}

/**
 * A stored session state, migrated and validated with zod. One that does not fit is reported
 * and replaced by an empty session: the user sees the menu instead of an error.
 */
export function parseSessionState(raw: Record<string, unknown>, report?: (err: Error) => void): SessionState {
  const r = sessionV1.safeParse(migrateSession(raw));
  if (r.success) return r.data as SessionState;
  report?.(r.error);
  return { version: SESSION_VERSION };
}

/** Reads a user's session (see parseSessionState). */
export function loadSession(repo: Repo, userId: number, report?: (err: Error) => void): Session {
  const raw = repo.loadSession(userId);
  return { activeCaseId: raw.activeCaseId, state: parseSessionState(raw.state, report), updatedAt: raw.updatedAt };
}

function withExt(state: SessionState, ns: string, value: unknown): SessionState {
  const next = { ...(state.ext ?? {}), [ns]: value };
  if (value === undefined) delete next[ns];
  return { ...state, ext: next };
}

/** ext over the turn's in-memory session (saved by the engine at the end of the turn). */
export function sessionExt(sess: Session): TurnContext['ext'] {
  return {
    get: <T>(ns: string) => sess.state.ext?.[ns] as T | undefined,
    set: (ns, value) => {
      sess.state = withExt(sess.state, ns, value);
    },
  };
}

/** ext read and written straight through (group turns have no session of their own). */
export function directExt(repo: Repo, userId: number, now: Date): TurnContext['ext'] {
  return {
    get: <T>(ns: string) => loadSession(repo, userId).state.ext?.[ns] as T | undefined,
    set: (ns, value) => {
      const cur = loadSession(repo, userId);
      repo.saveSession(userId, cur.activeCaseId, withExt(cur.state, ns, value), now);
    },
  };
}
