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

  it('parses admin ids', () => {
    expect([...parseAdminIds('telegram:1, qq:2')]).toEqual(['telegram:1', 'qq:2']);
  });

  it('.env.example lists every variable of the schema', () => {
    const example = readFileSync(join(import.meta.dirname, '../../.env.example'), 'utf8');
    for (const key of Object.keys(configSchema.shape)) expect(example, key).toMatch(new RegExp(`^#?\\s*${key}=`, 'm'));
  });
});
