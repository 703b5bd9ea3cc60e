import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite's and vitest's caches outside node_modules: a folder made there after `npm ci` makes npm
  // think its record of node_modules stale, and every `npx kalendaryo` then re-reads all of
  // node_modules (~1.2 s a command). The config is loaded without a temporary file there for the
  // same reason (`--configLoader runner` in package.json).
  cacheDir: '.cache/vite',
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default: in a browser test on a loaded machine a view switch
    // that loads a chunk takes longer (the calendar e2e failed so about 1 run in 8). As long as the
    // pages' own default timeout.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // Files of one worker share a process, so a worker starts the embedded PostgreSQL once
    // (test/support/db.ts) and each file isolates itself in a schema of its own.
    poolOptions: { forks: { isolate: false } },
  },
});
