// Moves WAL checkpoints off the message path: a worker thread with its own connection runs a
// PASSIVE checkpoint every few hundred milliseconds (PASSIVE never blocks writers), so no commit of
// an inbound pays for copying the WAL back into the database. SQLite's own auto-checkpoint stays
// on at a high mark as a safety net should the worker stop.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = ' + workerData.synchronous);
setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { parentPort.postMessage({ message: e.message, stack: e.stack }); }
}, workerData.intervalMs);
`;

/** WAL pages before SQLite checkpoints by itself when the worker runs (about 80 MiB). */
export const SAFETY_AUTOCHECKPOINT = 20_000;

export interface Checkpointer {
  /** Ends the worker (an interrupted checkpoint is harmless: the next one redoes it). */
  stop(): void;
}

export function startCheckpointer(path: string, intervalMs: number, synchronous: string, onError: (e: Error) => void): Checkpointer {
  const require = createRequire(import.meta.url);
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { module: require.resolve('better-sqlite3'), path, intervalMs, synchronous },
  });
  worker.unref();
  // The worker's error crosses the thread as plain fields; rebuilt here so the log keeps its stack.
  worker.on('message', (m: { message: string; stack?: string }) => onError(Object.assign(new Error(m.message), { stack: m.stack })));
  worker.on('error', (e) => onError(e));
  return {
    stop() {
      void worker.terminate();
    },
  };
}
