// `npm run soak`: the long runs kept out of `npm test` — the 200-kill crash test
// (test/followups/crash.soak.ts) and the fault-injection run (test/adapters/telegram/order.soak.ts),
// one file after the other so neither's figures carry the other's load.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.soak.ts'],
    testTimeout: 900_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
