import pino from 'pino';
import { maskSecretsInText } from './privacy/mask.js';

export type Logger = pino.Logger;

/** Masks card keys in strings of a log record (one level into objects; errors by their serializer). */
function maskValue(v: unknown, depth = 1): unknown {
  if (typeof v === 'string') return maskSecretsInText(v);
  if (depth > 0 && v && typeof v === 'object' && !(v instanceof Error) && !Array.isArray(v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskValue(x, depth - 1)]));
  }
  return v;
}

/**
 * JSON logs on stderr, so stdout stays free for the terminal chat and the nlu tool. Nothing is
 * logged with a card key whole: messages, string fields and errors pass the same detector as
 * stored text.
 */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: undefined,
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskSecretsInText(a) : a));
          // log.error(err) takes its message from the error: give it the masked one.
          if (masked.length === 1 && masked[0] instanceof Error) masked.push(maskSecretsInText(masked[0].message));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
      formatters: { log: (obj) => maskValue(obj, 2) as Record<string, unknown> },
      serializers: {
        err: (e: unknown) => {
          if (!(e instanceof Error)) return maskValue(e, 1);
          const s = pino.stdSerializers.err(e);
          const message = maskSecretsInText(s.message);
          // The stack's first line repeats the message; the frames below are code, left as they are.
          const head = `${s.type}: ${s.message}`;
          const stack = s.stack?.startsWith(head) ? `${s.type}: ${message}${s.stack.slice(head.length)}` : s.stack && maskSecretsInText(s.stack);
          return { ...s, message, stack };
        },
      },
    },
    destination,
  );
}
