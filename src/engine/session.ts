// Per-user session state: which case is active, what the user was last shown, and the state of
// pending sub-dialogues (TurnContext.ext, one entry per namespace). Loaded once and saved once
// per private turn, inside the turn's transaction.
import type { Choice } from '../types.js';
import type { Repo } from './repo.js';
import type { TurnContext } from './routes.js';

export interface SessionState {
  lastChoices?: Choice[];
  /** Whether a bare number answers the last choices (false while a free-text question is open). */
  numbered?: boolean;
  /** State kept by routes, one entry per namespace (see TurnContext.ext). */
  ext?: Record<string, unknown>;
}

/** The engine's own close/delete confirmation, kept under ext[ENGINE_NS]. */
export const ENGINE_NS = 'engine';

export interface Session {
  activeCaseId: number | null;
  state: SessionState;
  updatedAt: number;
}

/**
 * Reads a user's session. Sessions written before the routing table kept the engine's dialogue
 * at the top level (`mode`, `closeOutcome`); they are moved under ext[ENGINE_NS].
 */
export function loadSession(repo: Repo, userId: number): Session {
  const raw = repo.loadSession(userId);
  const { mode, closeOutcome, ...rest } = raw.state as SessionState & { mode?: unknown; closeOutcome?: unknown };
  const state: SessionState = rest;
  if (typeof mode === 'string') state.ext = { ...(state.ext ?? {}), [ENGINE_NS]: { mode, closeOutcome } };
  return { activeCaseId: raw.activeCaseId, state, updatedAt: raw.updatedAt };
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
