// A chat log with the other side pasted on a rung (exploratory testing, explore3 F20): split into
// turns (chat-log.ts), only the other side's turns are read — never the user's own lines — and their
// last position is coached as if the user had typed it ("商家说：…"), through the same routes
// (the seller-reply reading and the on-rung readers), saying which line it was read from. A line
// none of them recognises is passed over for the one before it; when none is recognised the user
// is shown the last line and asked to pick what it means. Card keys are taken out of every line
// shown or recorded; what is recorded as said is the other side's line only.
import { t } from './text.js';
import type { Router, TurnContext } from '../engine/routes.js';
import type { CaseRow } from '../engine/repo.js';
import type { FlowEvent } from '../flow/events.js';
import { button, COACH_REPLY_KINDS } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';
import { withoutCardKeys } from '../dialogue/cardkey.js';
import { splitChatLog, type Turn } from './chat-log.js';
import { onRung, rungContext, type RungDeps } from './rung-context.js';

type Act = (ctx: TurnContext) => void;

/** The other side says it cannot look up or show the record ("这个我们没有权限查的呢"). */
const NO_RECORD = /(?:没有?|无)(?:权限|办法|法)查|查不(?:了|到)|无法(?:查|提供|调取)|不能(?:查|提供|调取)|不给(?:查|看)/;

interface Probe {
  acts: Act[];
  understood: boolean;
  kind?: string;
}

/** A line as shown: its time and speaker as typed, the words without card keys. */
function shown(x: Turn): string {
  return t('coach.pasted_log.line', { at: x.at ? `${x.at} ` : '', label: x.label ?? '', text: clean(x.text) });
}

const clean = (s: string) => withoutCardKeys(s).replace(/\s{2,}/g, ' ').trim();

/** `defer`: sub-dialogues that take free text later in the table (检查语气, the operator finder) keep it. */
export function registerPastedLog(router: Router, order: number, d: RungDeps, defer: readonly string[]): void {
  const rc = rungContext(d);
  let probing = false;

  router.text(
    (ctx) => {
      const c = ctx.active;
      if (probing || ctx.choice || !onRung(c) || defer.some((ns) => ctx.ext.get(ns) !== undefined)) return false;
      const text = ctx.text.trim();
      if (!text || matchCommand(text)) return false;
      const names = [c.facts.merchant, c.facts.platform].filter((x): x is string => typeof x === 'string' && x.length >= 2);
      const turns = splitChatLog(text, names);
      if (!turns) return false;
      return read(ctx, c, turns);
    },
    { order },
  );

  function read(ctx: TurnContext, c: CaseRow, turns: Turn[]): true {
    const theirs = turns.filter((x) => x.side === 'other' && clean(x.text));
    const party = rc.party(rc.rungOf(c));
    // Their last line first, then the ones before it.
    for (let i = theirs.length - 1; i >= 0; i--) {
      const p = probe(ctx, t('coach.pasted_log.as_said', { party, said: clean(theirs[i].text) }), shown(theirs[i]));
      if (!p.understood) continue;
      const earlier = theirs
        .slice(0, i)
        .map((x) => ({ x, kind: probe(ctx, t('coach.pasted_log.as_said', { party, said: clean(x.text) }), shown(x)).kind }))
        .filter((e) => e.kind && e.kind !== p.kind && COACH_REPLY_KINDS.includes(e.kind as (typeof COACH_REPLY_KINDS)[number]));
      const lines = [t(i === theirs.length - 1 ? 'coach.pasted_log.read_last' : 'coach.pasted_log.read_earlier', { line: shown(theirs[i]), last: shown(theirs.at(-1)!) })];
      const noRecord = theirs.find((x) => NO_RECORD.test(x.text));
      if (noRecord) lines.push(t('coach.pasted_log.no_record', { line: shown(noRecord) }));
      if (earlier.length) lines.push(t('coach.pasted_log.before', { lines: earlier.map((e) => t('coach.pasted_log.before_item', { line: shown(e.x), kind: t(`coach.said.${e.kind}`) })).join('\n') }));
      ctx.reply({ text: lines.join('\n\n') });
      for (const act of p.acts) act(ctx);
      return true;
    }
    // Nothing of theirs recognised: their last line shown, what it means asked (never "我没看懂").
    const last = theirs.at(-1)!;
    ctx.reply({
      text: t('coach.pasted_log.unclear', { line: shown(last) }),
      choices: COACH_REPLY_KINDS.map((k) => button({ kind: 'coach', op: 'sr', arg: k }, t(`coach.said.${k}`))),
    });
    return true;
  }

  /**
   * The routes run on `text` with every effect held back: whether one of them understood it (no
   * fall-through to the step's "not understood"), the kind recorded, and the effects to apply.
   */
  function probe(ctx: TurnContext, text: string, said: string): Probe {
    const acts: Act[] = [];
    const set = new Map<string, unknown>();
    const out: Probe = { acts, understood: true };
    const step = (e: FlowEvent): FlowEvent => {
      if (e.type === 'text' || e.type === 'repeat') out.understood = false;
      if (e.type === 'seller_reply') {
        out.kind = e.kind;
        return { ...e, said };
      }
      return e;
    };
    const p: TurnContext = {
      ...ctx,
      text,
      reply: (r) => {
        if (r.text === t('coach.said.unclear')) out.understood = false;
        acts.push((x) => x.reply(r));
      },
      startCase: (s, f, pre) => void acts.push((x) => x.startCase(s, f, pre)),
      stepActive: (e) => {
        const ev = step(e);
        acts.push((x) => x.stepActive(ev));
      },
      stepCase: (c, e) => {
        const ev = step(e);
        acts.push((x) => x.stepCase(c, ev));
      },
      setActive: (id) => void acts.push((x) => x.setActive(id)),
      closeCase: (c, o, r) => void acts.push((x) => x.closeCase(c, o, r)),
      deleteAccount: () => {
        out.understood = false;
      },
      ext: {
        get: <T>(ns: string) => (set.has(ns) ? (set.get(ns) as T | undefined) : ctx.ext.get<T>(ns)),
        set: (ns, v) => {
          set.set(ns, v);
          acts.push((x) => x.ext.set(ns, v));
        },
      },
    };
    probing = true;
    try {
      if (!router.dispatch(p)) out.understood = false;
    } finally {
      probing = false;
    }
    if (!acts.length) out.understood = false;
    return out;
  }
}
