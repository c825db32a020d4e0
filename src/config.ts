// One zod schema over the environment. A bad value stops start-up naming the variable.
import { z } from 'zod';
import { isTimeZone } from './time/zone.js';

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
/** A whole number written as digits: blanks and whitespace are rejected (z.coerce would turn " " into 0). */
const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const num = (min: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'a number')
    .transform(Number)
    .pipe(z.number().min(min));

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An http(s) URL (Bot API roots and the like; other schemes cannot work). */
const httpUrl = z
  .string()
  .url()
  .refine((v) => /^https?:$/.test(new URL(v).protocol), 'must be an http:// or https:// URL');
/** A webhook URL Telegram can post to: https, or http on this machine (development only). */
const webhookUrl = z
  .string()
  .url()
  .refine((v) => {
    const u = new URL(v);
    if (u.protocol === 'https:') return true;
    return u.protocol === 'http:' && LOOPBACK.has(u.hostname) && process.env.NODE_ENV !== 'production';
  }, 'must be an https:// URL (http:// only for 127.0.0.1/localhost outside production)');

/** platform:id pairs; Telegram and QQ ids are numbers, official-QQ ids are openids, terminal ids are names. */
const ADMIN_ID = /^(?:(?:telegram|qq):\d+|qqofficial:[A-Za-z0-9]+|terminal:[A-Za-z0-9_-]+)$/;
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const configSchema = z.object({
  // — storage —
  DATABASE_PATH: z.string().min(1).default('./data/refund-coach.db'),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL', 'EXTRA', 'OFF']).default('FULL'),
  RETENTION_DAYS: int(1, 3650).default(180),
  /** Background WAL checkpoint interval (a worker thread); 0 leaves checkpoints to SQLite's auto-checkpoint. */
  SQLITE_CHECKPOINT_MS: int(0, 60_000).default(500),
  // — behaviour —
  BOT_TIMEZONE: z.string().refine(isTimeZone, 'not an IANA time zone, e.g. Asia/Shanghai').default('Asia/Shanghai'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Typical timings (docs/domain.md §3.3–3.4) — defaults presented to users as typical, not law. */
  SELLER_DEADLINE_HOURS: int(1, 24 * 30).default(48),
  PLATFORM_APPEAL_WINDOW_DAYS: int(1, 365).default(15),
  PLATFORM_REVIEW_WORKDAYS: int(1, 60).default(5),
  PAYMENT_COMPLAINT_WORKDAYS: int(1, 60).default(15),
  REGULATOR_REPLY_WORKDAYS: int(1, 60).default(7),
  POLICE_SUGGEST_AMOUNT: num(0).default(500),
  QUIET_HOURS_START: int(0, 23).default(21),
  QUIET_HOURS_END: int(0, 23).default(9),
  /** Warn this many days before a closing window (e.g. the platform appeal window). */
  APPEAL_WARN_DAYS: int(1, 30).default(3),
  /** 刷不了: days within which a failed payment's debit is typically reversed automatically (docs/domain.md §3.3.3, typical). */
  REVERSAL_DAYS: int(1, 30).default(3),
  /** How often the scheduler looks for due follow-ups, and how many it fires per transaction. */
  FOLLOWUP_POLL_SECONDS: int(1, 3600).default(30),
  FOLLOWUP_BATCH: int(1, 10_000).default(100),
  /** Operator's holiday file (JSON or YAML): a year's holidays and 调休 days before the package has them. */
  HOLIDAYS_FILE: optionalString,
  // — Telegram —
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalString.pipe(httpUrl.optional()),
  TELEGRAM_WEBHOOK_URL: optionalString.pipe(webhookUrl.optional()),
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, '1–256 characters of A-Z a-z 0-9 _ -')
      .optional(),
  ),
  PORT: int(1, 65535).default(8080),
  // — QQ via OneBot v11 (NapCat / Lagrange / LLOneBot) —
  ONEBOT_SELF_ID: optionalString,
  ONEBOT_ENDPOINT: optionalString.pipe(
    z
      .string()
      .url()
      .refine((v) => /^wss?:$/.test(new URL(v).protocol), 'must be a ws:// or wss:// URL')
      .optional(),
  ),
  ONEBOT_TOKEN: optionalString,
  ONEBOT_PATH: optionalString,
  ONEBOT_PORT: int(1, 65535).optional(),
  ONEBOT_HOST: z.string().default('127.0.0.1'),
  // — QQ official bot API —
  QQ_APP_ID: optionalString,
  QQ_SECRET: optionalString,
  QQ_TOKEN: optionalString,
  QQ_SANDBOX: bool.default(false),
  QQ_GROUP_SEND_INTERVAL_MS: int(0, 60_000).default(500),
  // — admins and broadcasts —
  ADMIN_IDS: z
    .string()
    .default('')
    .refine(
      (v) => v.trim() === '' || v.split(',').every((p) => ADMIN_ID.test(p.trim())),
      'comma-separated platform:id pairs with numeric Telegram/QQ ids, e.g. telegram:123,qq:456',
    ),
  /** Merchant reports one user may file per 24 hours. */
  REPORTS_PER_DAY: int(1, 100).default(3),
  /** Telegram broadcast pacing: messages per second overall (Bot API ~30), per minute to one group (20). */
  TELEGRAM_BROADCAST_PER_SECOND: int(1, 10_000).default(30),
  TELEGRAM_GROUP_PER_MINUTE: int(1, 600).default(20),
  /** Seconds between broadcast progress messages to the admin. */
  BROADCAST_PROGRESS_SECONDS: int(5, 3600).default(60),
  /** Minutes a broadcast preview may be confirmed; older drafts are refused and previewed afresh. */
  BROADCAST_DRAFT_MINUTES: int(1, 1440).default(30),
  // — bounds (src/limits) —
  /** Longer messages are refused with a short explanation, unprocessed. */
  MAX_INPUT_CHARS: int(100, 100_000).default(2000),
  /** Per-user inbound rate: sustained messages per minute (0 = no limit), and the burst allowed above it. */
  RATE_LIMIT_PER_MINUTE: int(0, 6000).default(30),
  RATE_LIMIT_BURST: int(1, 1000).default(10),
  /** After exceeding the rate, a user is told once to slow down and ignored for this long. */
  RATE_LIMIT_MUTE_SECONDS: int(1, 3600).default(60),
  /** Open cases one user may have at a time. */
  MAX_OPEN_CASES: int(1, 1000).default(10),
  // — delivery and shutdown —
  /** Chats sent to at once per platform (each chat one message at a time); also what a crash can repeat at most. */
  DELIVERY_CONCURRENCY: int(1, 64).default(4),
  /** How long a stop may drain before the process exits anyway, ms. */
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(10_000),
  /** Start the terminal chat even when a platform is configured. */
  TERMINAL: bool.optional(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError('Invalid configuration:\n  TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
  }
  if ((c.ONEBOT_ENDPOINT || c.ONEBOT_PORT || c.ONEBOT_PATH) && !c.ONEBOT_SELF_ID) {
    throw new ConfigError('Invalid configuration:\n  ONEBOT_SELF_ID: required when OneBot is configured');
  }
  if (c.ONEBOT_PATH && !c.ONEBOT_ENDPOINT && !c.ONEBOT_PORT) {
    throw new ConfigError('Invalid configuration:\n  ONEBOT_PORT: required for reverse WebSocket (or set ONEBOT_ENDPOINT for forward)');
  }
  if (c.QQ_APP_ID && !c.QQ_SECRET) {
    throw new ConfigError('Invalid configuration:\n  QQ_SECRET: required when QQ_APP_ID is set');
  }
  return c;
}

/**
 * Config for tests and tools: defaults plus overrides, no environment. Tests drive the engine on a
 * frozen clock, where any rate limit would trip, so it is off unless a test sets one.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...configSchema.parse({}), DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: 0, ...overrides };
}

export function parseAdminIds(value: string): Set<string> {
  return new Set(
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}
