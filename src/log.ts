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
          return method.apply(this, args.map((a) => (typeof a === 'string' ? maskSecretsInText(a) : a)) as Parameters<typeof method>);
        },
      },
      formatters: { log: (obj) => maskValue(obj, 2) as Record<string, unknown> },
      serializers: {
        err: (e: unknown) => {
          const s = e instanceof Error ? pino.stdSerializers.err(e) : e;
          return maskValue(s, 1);
        },
      },
    },
    destination,
  );
}
