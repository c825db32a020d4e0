// Where every inbound passes before the engine does any work: the per-user rate limit (platform
// users; not the terminal's local operator), then the input cap. Both run before the text is
// parsed, stored or even masked.
import type { Config } from '../config.js';
import type { Inbound } from '../types.js';
import { longerThan } from './input.js';
import { RateLimiter } from './rate.js';

/**
 * pass: handle it. too_long: refuse, saying why. slow_down: the first message over the rate —
 * say so once. drop: the sender is muted; no reply, no write.
 */
export type Verdict = 'pass' | 'too_long' | 'slow_down' | 'drop';

export class InboundGate {
  private readonly rate: RateLimiter | undefined;

  constructor(private readonly config: Pick<Config, 'MAX_INPUT_CHARS' | 'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_BURST' | 'RATE_LIMIT_MUTE_SECONDS'>) {
    this.rate =
      config.RATE_LIMIT_PER_MINUTE > 0 ? new RateLimiter(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST, config.RATE_LIMIT_MUTE_SECONDS * 1000) : undefined;
  }

  admit(i: Inbound, now: Date): Verdict {
    // The terminal's one user is the operator at this machine (and piped input arrives as fast as
    // it is read): nobody to protect the bot from, and a limit would drop the rest of a script.
    if (this.rate && i.platform !== 'terminal') {
      // In a group, a member's chatter there has its own bucket: it does not slow their private chat.
      const key = i.chatKind === 'group' ? `${i.platform}:${i.userId}:${i.chatId}` : `${i.platform}:${i.userId}`;
      const r = this.rate.take(key, now.getTime());
      if (r === 'muted') return 'drop';
      if (r === 'exceeded') return 'slow_down';
    }
    if (i.text !== undefined && longerThan(i.text, this.config.MAX_INPUT_CHARS)) return 'too_long';
    return 'pass';
  }
}
