// 删除我的数据 must take the data out of the files, not only out of the tables: no freed page of
// the database and no WAL frame may still hold the deleted order number, merchant or file reference.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';

let app: App | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'rc-del-')), 'test.db');

/** Every byte of the database, its WAL and its shared-memory index, as one searchable buffer. */
function rawFiles(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`, `${path}-shm`].filter(existsSync).map((p) => readFileSync(p)));
}

const contains = (raw: Buffer, s: string) => raw.includes(Buffer.from(s, 'utf8'));

describe('deletion leaves nothing readable in the files', () => {
  it('after 删除我的数据 the order number, merchant and file reference are in no file (background checkpointer running)', async () => {
    const path = tmpDb();
    app = makeApp({ DATABASE_PATH: path, SQLITE_CHECKPOINT_MS: 20 });
    const gone = { order: '202611207788990011', merchant: '青木蓝星点卡铺', ref: 'photo-ref-gone-4471' };
    const kept = { order: '202611203344556677', merchant: '远山白露卡行' };

    const a = new Driver(app, 'del-a');
    a.press('s:not_received');
    answerIntake(a, { orderId: { text: gone.order }, merchant: { text: gone.merchant } });
    a.send([{ kind: 'photo', ref: gone.ref }]);
    a.say('进度');

    const b = new Driver(app, 'del-b');
    b.press('s:not_received');
    answerIntake(b, { orderId: { text: kept.order }, merchant: { text: kept.merchant } });

    // Let the background checkpointer copy some of it into the database file first.
    await new Promise((r) => setTimeout(r, 100));
    expect(contains(rawFiles(path), gone.order)).toBe(true);

    a.say('删除我的数据');
    a.press('d:yes');
    expect(a.last().text).toContain('已删除');
    // More traffic after the deletion, while the worker keeps checkpointing.
    b.say('进度');
    await new Promise((r) => setTimeout(r, 100));

    const raw = rawFiles(path);
    expect(contains(raw, gone.order)).toBe(false);
    expect(contains(raw, gone.merchant)).toBe(false);
    expect(contains(raw, gone.ref)).toBe(false);
    // The scan does see what was not deleted.
    expect(contains(raw, kept.order)).toBe(true);
    expect(contains(raw, kept.merchant)).toBe(true);
    expect(b.activeCase()!.facts.orderId).toBe(kept.order);
  });

  it('the WAL is empty right after the deletion commits', () => {
    const path = tmpDb();
    app = makeApp({ DATABASE_PATH: path, SQLITE_CHECKPOINT_MS: 0 });
    const a = new Driver(app, 'del-c');
    a.press('s:not_received');
    answerIntake(a, { orderId: { text: '202611205566778899' } });
    a.say('删除我的数据');
    a.press('d:yes');
    // Only the confirmation (an ephemeral outbox row) may have been written since.
    const raw = rawFiles(path);
    expect(contains(raw, '202611205566778899')).toBe(false);
  });

  it('expired cases leave the files too', () => {
    const path = tmpDb();
    app = makeApp({ DATABASE_PATH: path, SQLITE_CHECKPOINT_MS: 0, RETENTION_DAYS: 1 });
    const a = new Driver(app, 'del-d');
    a.press('s:not_received');
    answerIntake(a, { orderId: { text: '202611201122334455' } });
    a.say('结案');
    a.press('x:none');
    a.press('x:none:ok');
    const a2 = app as App & { clock: { t: Date } };
    (app as unknown as { clock: { t: Date } }).clock.t = new Date(a2.now().getTime() + 3 * 86_400_000);
    expect(app.engine.maintenance().cases).toBe(1);
    expect(contains(rawFiles(path), '202611201122334455')).toBe(false);
  });
});
