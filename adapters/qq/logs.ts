// Koishi prints its logs with console.log; stdout belongs to the terminal chat, so they go to
// our JSON logger (stderr) instead. Koishi's Logger is process-global, hence a function.
import { Logger as KoishiLogger } from '@koishijs/core';
import type { Logger } from '../../src/log.js';

const LEVELS: Record<string, number> = { silent: 0, fatal: 1, error: 1, warn: 2, info: 2, debug: 3, trace: 3 };

export function routeKoishiLogs(log: Logger): void {
  KoishiLogger.levels.base = LEVELS[log.level] ?? 2;
  KoishiLogger.targets.splice(0, KoishiLogger.targets.length, {
    colors: 0,
    record(record) {
      const fields = { koishi: record.name };
      const text = record.content;
      if (record.type === 'error') log.error(fields, text);
      else if (record.type === 'warn') log.warn(fields, text);
      else if (record.type === 'debug') log.debug(fields, text);
      else log.info(fields, text);
    },
  });
}
