import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Files of one worker share a process, so a worker starts the embedded PostgreSQL once
    // (test/support/db.ts) and each file isolates itself in a schema of its own.
    poolOptions: { forks: { isolate: false } },
  },
});
