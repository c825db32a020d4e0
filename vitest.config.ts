import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores: vitest's default in a run is one worker fewer than the cores, i.e. one here
    // (npm test: ~135 s with one worker, ~75 s with two on this 2-core machine).
    maxWorkers: 2,
  },
});
