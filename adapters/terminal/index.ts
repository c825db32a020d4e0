// Chat in the terminal: one line in, the replies out. Works interactively and with piped stdin.
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import type { App } from '../../src/app.js';
import { Drainer } from '../../src/delivery/drainer.js';
import type { Sender } from '../../src/delivery/sender.js';
import { t } from '../../src/i18n/index.js';
import { renderReply } from './render.js';

export interface TerminalOptions {
  input?: Readable;
  output?: Writable;
  userId?: string;
}

export function startTerminal(app: App, opts: TerminalOptions = {}): { done: Promise<void>; stop(): Promise<void> } {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const userId = opts.userId ?? 'local';
  const session = randomUUID().slice(0, 8);
  let n = 0;
  const print = (s: string) => output.write(`${s}\n\n`);
  const sender: Sender = {
    platform: 'terminal',
    proactive: true,
    async send(d) {
      print(renderReply(d.reply));
    },
  };
  const drainer = new Drainer(app.outbox, sender, app.log, { now: app.now });
  drainer.start();
  print(t('terminal.banner'));
  const rl = createInterface({ input, terminal: false });
  rl.on('line', (line) => {
    const text = line.trim();
    if (!text) return;
    const deliveries = app.engine.handle({
      platform: 'terminal',
      updateId: `${session}-${++n}`,
      userId,
      displayName: userId,
      chatId: userId,
      chatKind: 'private',
      text,
      at: app.now(),
    });
    for (const d of deliveries) print(renderReply(d.reply));
    app.outbox.markSentMany(deliveries.map((d) => d.outboxId), app.now());
  });
  const done = new Promise<void>((resolve) => rl.once('close', () => resolve()));
  return {
    done,
    async stop() {
      rl.close();
      await drainer.stop();
    },
  };
}
