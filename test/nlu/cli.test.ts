import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processLine } from '../../src/nlu/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runCli(input: string, env: Record<string, string> = {}) {
  const r = spawnSync('npx', ['tsx', 'src/nlu/cli.ts'], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, BOT_TIMEZONE: 'Asia/Shanghai', ...env },
    timeout: 60_000,
  });
  return { status: r.status, lines: r.stdout.split('\n').filter((l) => l.trim() !== ''), stderr: r.stderr };
}

describe('nlu CLI (child process)', () => {
  it('writes one JSON line per input, errors per bad line, and keeps going', () => {
    const input = [
      JSON.stringify({ text: '昨天下午3点用支付宝充了100块Q币，到现在没到账，订单号202611201533028871', now: '2026-11-21T10:00:00+08:00' }),
      '{"text": broken',
      JSON.stringify({ text: '同一个订单扣了两次钱，每次50', now: '2026-11-21T10:00:00+08:00' }),
      JSON.stringify({ now: '2026-11-21T10:00:00+08:00' }),
      JSON.stringify({ text: '卡密显示已被使用', now: 'not a date' }),
      JSON.stringify({ text: '你好' }),
    ].join('\n');
    const { status, lines } = runCli(input + '\n');
    expect(status).toBe(0);
    expect(lines).toHaveLength(6);
    const out = lines.map((l) => JSON.parse(l));
    expect(out[0]).toEqual({
      scenario: 'not_received',
      confidence: out[0].confidence,
      entities: {
        amount: 100,
        orderId: '202611201533028871',
        paymentMethod: 'alipay',
        occurredAt: '2026-11-20T15:00:00+08:00',
      },
    });
    expect(out[0].confidence).toBeGreaterThan(0.5);
    expect(out[1].error).toMatch(/invalid JSON/);
    expect(out[2].scenario).toBe('double_charge');
    expect(out[2].entities).toEqual({ amount: 50, chargeCount: 2 });
    expect(out[3].error).toMatch(/text/);
    expect(out[4].error).toMatch(/now/);
    expect(out[5].scenario).toBe('other');
  });

  it('writes occurredAt with the offset of BOT_TIMEZONE', () => {
    const input = JSON.stringify({ text: '昨天下午3点付的款没到账', now: '2026-11-21T10:00:00+08:00' }) + '\n';
    const { lines } = runCli(input, { BOT_TIMEZONE: 'America/New_York' });
    expect(JSON.parse(lines[0]).entities.occurredAt).toBe('2026-11-19T15:00:00-05:00');
  });

  it('stops with a message on a bad BOT_TIMEZONE', () => {
    const { status, stderr } = runCli('{"text":"x"}\n', { BOT_TIMEZONE: 'Mars/Olympus' });
    expect(status).toBe(2);
    expect(stderr).toMatch(/BOT_TIMEZONE/);
  });
});

describe('processLine', () => {
  it('defaults now to the clock', () => {
    const out = processLine(JSON.stringify({ text: '刚才付的钱没到账' }), 'Asia/Shanghai', () => new Date('2026-11-21T02:00:00Z'));
    expect(out).toMatchObject({ scenario: 'not_received', entities: { occurredAt: '2026-11-21T10:00:00+08:00' } });
  });
  it('rejects arrays and non-objects', () => {
    expect(processLine('[1,2]', 'Asia/Shanghai')).toEqual({ error: 'expected a JSON object' });
    expect(processLine('42', 'Asia/Shanghai')).toEqual({ error: 'expected a JSON object' });
  });
});
