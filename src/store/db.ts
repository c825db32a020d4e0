import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.js';

export type DB = Database.Database;

export interface OpenOptions {
  path: string;
  synchronous?: 'FULL' | 'NORMAL' | 'EXTRA' | 'OFF';
}

/** Opens (creating if needed) the database with WAL, the chosen synchronous level, foreign keys, and migrations applied. */
export function openDatabase({ path, synchronous = 'FULL' }: OpenOptions): DB {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  // Deleted rows are overwritten with zeros, not left readable in free space or freed pages.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // A larger page cache and memory-mapped reads: lookups of cases and sessions scattered over a
  // large file (follow-ups firing for random cases) then cost no read() system calls.
  db.pragma('cache_size = -65536');
  if (path !== ':memory:') db.pragma('mmap_size = 268435456');
  migrate(db);
  return db;
}

/**
 * After a deletion (删除我的数据, expired cases): copies the WAL into the database and truncates it
 * (wal_checkpoint(TRUNCATE)), so no WAL frame still holds an old version of a deleted row; with
 * secure_delete the database file's freed space is already zeroed. Must run outside a transaction.
 * The background checkpointer (another connection) may be mid-checkpoint: then SQLite answers busy
 * and this tries again shortly, off the message path. Returns true when the WAL was truncated now.
 */
export function scrubWal(db: DB, onGiveUp: (e: Error) => void = () => undefined, attempt = 0): boolean {
  if (!db.open || db.memory) return true;
  let done = false;
  try {
    const r = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    done = r[0]?.busy === 0;
  } catch (e) {
    if (attempt >= SCRUB_ATTEMPTS) return onGiveUp(e as Error), false;
  }
  if (done) return true;
  if (attempt >= SCRUB_ATTEMPTS) {
    onGiveUp(new Error('WAL checkpoint after a deletion stayed busy'));
    return false;
  }
  setTimeout(() => scrubWal(db, onGiveUp, attempt + 1), 20 * (attempt + 1)).unref();
  return false;
}

const SCRUB_ATTEMPTS = 50;
