// The step speaks in descriptors only: with the locale's t() and has() made to throw, every
// scenario still walks from the first question to the end of the ladder.
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/i18n/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/i18n/index.js')>();
  const refuse = (key: string) => {
    calls.n++;
    throw new Error(`the step looked up ${key}`);
  };
  return { ...real, t: refuse, has: refuse };
});

const { SCENARIOS } = await import('../../src/types.js');
const { ANSWERS, press, say, Walk, NOW } = await import('./walk.js');

describe('step without the locale', () => {
  it.each(SCENARIOS)('%s: intake, checklist, every rung, reminders and the refund', (scenario) => {
    const w = new Walk(scenario);
    w.send({ type: 'start' });
    w.send(say('?')); // a bad answer: re-ask with an example
    w.send({ type: 'repeat' });
    while (w.state.stage === 'intake') {
      const a = ANSWERS[w.state.q!];
      w.send('text' in a ? say(a.text) : press({ kind: 'answer', option: a.option }));
    }
    w.send({ type: 'start' });
    w.send(say('什么'));
    w.send({ type: 'attachments', items: [{ kind: 'photo', ref: 'p' }] });
    w.send(press({ kind: 'evidence_done' }));
    const later = new Date(NOW.getTime() + 3600_000);
    for (const answer of ['snooze1', 'replied', 'stop', 'resume', 'to_court', 'not_yet', 'refused'] as const) {
      w.send(press({ kind: 'rung', op: 'sent' }), later);
      w.send(press({ kind: 'followup', answer }), later);
      w.send(press({ kind: 'rung', op: 'next' }), later);
      w.send(say('嗯'), later);
    }
    w.send({ type: 'back' }, later);
    expect(w.state.stage).toBe('ladder');
    expect(w.state.stage).toBe('ladder');
    w.send(press({ kind: 'followup', answer: 'refunded' }));
    w.send(say('很多'));
    w.send(say('100'));
    expect(w.state.stage).toBe('closed');
    w.send(say('还在吗'));
    w.send({ type: 'decline', reason: 'intent.fake' });
    expect(calls.n).toBe(0);
  });
});
