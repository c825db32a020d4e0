import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configSchema, loadConfig, parseAdminIds } from '../../src/config.js';

describe('config', () => {
  it('defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.DATABASE_PATH).toBe('./data/refund-coach.db');
    expect(c.BOT_TIMEZONE).toBe('Asia/Shanghai');
    expect(c.SQLITE_SYNCHRONOUS).toBe('FULL');
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('names each bad variable', () => {
    expect(() => loadConfig({ RETENTION_DAYS: '-3' })).toThrow(/RETENTION_DAYS/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ ADMIN_IDS: 'telegram123' })).toThrow(/ADMIN_IDS/);
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://example.com/hook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => loadConfig({ ONEBOT_ENDPOINT: 'ws://127.0.0.1:3001' })).toThrow(ConfigError);
    expect(() => loadConfig({ ONEBOT_SELF_ID: '10001', ONEBOT_PATH: '/onebot' })).toThrow(/ONEBOT_PORT/);
  });

  it('rejects a blank or whitespace number instead of reading it as 0', () => {
    expect(() => loadConfig({ SQLITE_CHECKPOINT_MS: ' ' })).toThrow(/SQLITE_CHECKPOINT_MS/);
    expect(() => loadConfig({ PORT: '\t' })).toThrow(/PORT/);
    expect(() => loadConfig({ POLICE_SUGGEST_AMOUNT: '  ' })).toThrow(/POLICE_SUGGEST_AMOUNT/);
    expect(() => loadConfig({ RETENTION_DAYS: '12abc' })).toThrow(/RETENTION_DAYS/);
    expect(() => loadConfig({ MAX_INPUT_CHARS: '1e3' })).toThrow(/MAX_INPUT_CHARS/);
    expect(loadConfig({ SQLITE_CHECKPOINT_MS: ' 250 ' }).SQLITE_CHECKPOINT_MS).toBe(250);
    expect(loadConfig({ POLICE_SUGGEST_AMOUNT: '99.5' }).POLICE_SUGGEST_AMOUNT).toBe(99.5);
    expect(loadConfig({ QQ_SANDBOX: ' TRUE ' }).QQ_SANDBOX).toBe(true);
  });

  it('ADMIN_IDS entries must be platform:digits (Telegram, QQ)', () => {
    expect(() => loadConfig({ ADMIN_IDS: 'telegram:@boss' })).toThrow(/ADMIN_IDS/);
    expect(() => loadConfig({ ADMIN_IDS: 'telegram:123,qq:abc' })).toThrow(/ADMIN_IDS/);
    expect(() => loadConfig({ ADMIN_IDS: 'wechat:123' })).toThrow(/ADMIN_IDS/);
    expect(loadConfig({ ADMIN_IDS: 'telegram:123, qq:456' }).ADMIN_IDS).toBe('telegram:123, qq:456');
  });

  it('API roots must be http(s), webhook URLs https (http only on this machine outside production)', () => {
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'ftp://x' })).toThrow(/TELEGRAM_API_ROOT/);
    expect(loadConfig({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081' }).TELEGRAM_API_ROOT).toBe('http://127.0.0.1:8081');
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'http://bot.example.com/hook', TELEGRAM_WEBHOOK_SECRET: 's' })).toThrow(/TELEGRAM_WEBHOOK_URL/);
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'ftp://bot.example.com/hook', TELEGRAM_WEBHOOK_SECRET: 's' })).toThrow(/TELEGRAM_WEBHOOK_URL/);
    expect(loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/hook', TELEGRAM_WEBHOOK_SECRET: 's' }).TELEGRAM_WEBHOOK_URL).toBe(
      'https://bot.example.com/hook',
    );
    expect(loadConfig({ TELEGRAM_WEBHOOK_URL: 'http://127.0.0.1:8443/hook', TELEGRAM_WEBHOOK_SECRET: 's' }).TELEGRAM_WEBHOOK_URL).toBe(
      'http://127.0.0.1:8443/hook',
    );
    expect(() => loadConfig({ ONEBOT_SELF_ID: '1', ONEBOT_ENDPOINT: 'http://127.0.0.1:3001' })).toThrow(/ONEBOT_ENDPOINT/);
  });

  it('an http webhook on localhost is refused in production', () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'http://localhost:8443/hook', TELEGRAM_WEBHOOK_SECRET: 's' })).toThrow(/TELEGRAM_WEBHOOK_URL/);
    } finally {
      process.env.NODE_ENV = before;
    }
  });

  it('parses admin ids', () => {
    expect([...parseAdminIds('telegram:1, qq:2')]).toEqual(['telegram:1', 'qq:2']);
  });

  it('.env.example lists every variable of the schema', () => {
    const example = readFileSync(join(import.meta.dirname, '../../.env.example'), 'utf8');
    for (const key of Object.keys(configSchema.shape)) expect(example, key).toMatch(new RegExp(`^#?\\s*${key}=`, 'm'));
  });
});
