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
  db.pragma('busy_timeout = 5000');
  // A larger page cache and memory-mapped reads: lookups of cases and sessions scattered over a
  // large file (follow-ups firing for random cases) then cost no read() system calls.
  db.pragma('cache_size = -65536');
  if (path !== ':memory:') db.pragma('mmap_size = 268435456');
  migrate(db);
  return db;
}
