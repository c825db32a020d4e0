import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');

function run(input: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    input,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('terminal adapter (child process, piped stdin)', () => {
  it('answers each line, numbered choices accept numbers and words, exits at end of input, resumes after restart', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'rc-term-')), 'chat.db');
    const first = run('开始\n1\n付款后未到账/未发货\n小年卡盟\n星辰点卡店\n', { DATABASE_PATH: db });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('  1. 新案件');
    expect(first.stdout).toContain('你遇到的是哪种情况？');
    expect(first.stdout).toContain('在哪个平台或网站买的？');
    expect(first.stdout).toContain('卖家（商家）叫什么？');
    expect(first.stdout).toContain('买的是什么？');

    const second = run('进度\n继续\n王者点券\n', { DATABASE_PATH: db });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('商家：星辰点卡店');
    expect(second.stdout).toContain('订单号是多少？');
  });

  it('prints a document framed for copying', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'rc-term-')), 'chat.db');
    const r = run('导出\n', { DATABASE_PATH: db });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('—— 我的数据导出（复制以下内容）——');
    expect(r.stdout).toContain('—— 以上 ——');
  });

  it('a bad configuration value stops start-up naming the variable', () => {
    const r = run('', { BOT_TIMEZONE: 'Mars/Olympus', SQLITE_SYNCHRONOUS: 'SOMETIMES' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('BOT_TIMEZONE');
    expect(r.stderr).toContain('SQLITE_SYNCHRONOUS');
  });
});

describe('start-up', () => {
  it('reads a .env in the working directory; the environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-env-'));
    writeFileSync(join(dir, '.env'), 'BOT_TIMEZONE=Not/AZone\n');
    const start = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'src/main.ts')], {
        cwd: dir,
        input: '',
        env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'x.db'), ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
    const fromFile = start({});
    expect(fromFile.status).toBe(1);
    expect(fromFile.stderr).toContain('BOT_TIMEZONE');
    const overridden = start({ BOT_TIMEZONE: 'Asia/Shanghai' });
    expect(overridden.status).toBe(0);
  });
});
