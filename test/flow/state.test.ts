// Stored case and session state: validated with zod on load, versioned, migrated, never fatal.
import { describe, expect, it } from 'vitest';
import { CASE_STATE_VERSION, initialState, loadCaseState, loadFacts } from '../../src/flow/state.js';
import { ENGINE_NS, parseSessionState, SESSION_VERSION } from '../../src/engine/session.js';

describe('case state on load', () => {
  it('a new state is version 1 and loads unchanged', () => {
    const s = { ...initialState(), stage: 'ladder', rung: 2, sent: ['seller', 'platform'], rungSentAt: 5 };
    expect(CASE_STATE_VERSION).toBe(1);
    expect(loadCaseState(JSON.stringify(s))).toEqual({ state: s });
  });

  it('an old unversioned state loads as version 1, its fields kept', () => {
    const old = { stage: 'evidence', q: null, reasks: 0, history: ['platform'], evidence: { chat_log: { at: 1, kind: 'tick' } }, rung: 0 };
    const r = loadCaseState(JSON.stringify(old));
    expect(r.problem).toBeUndefined();
    expect(r.state).toEqual({ ...old, version: 1 });
  });

  it.each([
    ['not JSON', '{"stage":'],
    ['not an object', '[1,2]'],
    ['an unknown stage', JSON.stringify({ ...initialState(), stage: 'limbo' })],
    ['a negative rung', JSON.stringify({ ...initialState(), rung: -1 })],
    ['an unknown rung sent', JSON.stringify({ ...initialState(), sent: ['moon'] })],
    ['a future version', JSON.stringify({ ...initialState(), version: 9 })],
  ])('%s: a fresh intake state and the problem, no exception', (_, raw) => {
    const r = loadCaseState(raw);
    expect(r.state).toEqual(initialState());
    expect(r.problem?.what).toBe('case_state');
    expect(r.problem?.err).toBeInstanceOf(Error);
  });

  it('facts: values kept; corrupt facts become none', () => {
    expect(loadFacts('{"amount":5,"paidAt":null,"x":"y"}')).toEqual({ facts: { amount: 5, paidAt: null, x: 'y' } });
    const bad = loadFacts('{"amount":{"nested":1}}');
    expect(bad.facts).toEqual({});
    expect(bad.problem?.what).toBe('case_facts');
  });
});

describe('session state on load', () => {
  it('an unversioned session is migrated: the engine dialogue moves under ext', () => {
    const s = parseSessionState({ mode: 'close_confirm', closeOutcome: 'full', numbered: true, ext: { blacklist: { step: 1 } } });
    expect(s).toEqual({ version: SESSION_VERSION, numbered: true, ext: { blacklist: { step: 1 }, [ENGINE_NS]: { mode: 'close_confirm', closeOutcome: 'full' } } });
  });

  it('a current session loads unchanged', () => {
    const s = { version: 1 as const, lastChoices: [{ id: 'm:new', label: '新' }], numbered: true, ext: { x: 1 } };
    expect(parseSessionState(s)).toEqual(s);
  });

  it('a session that does not fit is reported and replaced by an empty one', () => {
    const errs: Error[] = [];
    expect(parseSessionState({ lastChoices: 'nope' }, (e) => errs.push(e))).toEqual({ version: SESSION_VERSION });
    expect(parseSessionState({ version: 1, ext: [1] }, (e) => errs.push(e))).toEqual({ version: SESSION_VERSION });
    expect(errs).toHaveLength(2);
    expect(errs[0]).toBeInstanceOf(Error);
  });
});
