import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs on stderr, so stdout stays free for the terminal chat and the nlu tool. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
