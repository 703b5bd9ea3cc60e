import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Nothing is made in node_modules or the repository's root after `npm ci`: a folder made there
  // makes npm think its record of node_modules stale, and every `npx kalendaryo` then reads all of
  // node_modules again (~1 s a command). So the cache lives under test/, the config is loaded
  // without a temporary file (`--configLoader runner` in package.json), and dist/ (the command's
  // bundle, built by npm ci) and artifacts/ (screenshots) are committed empty.
  cacheDir: 'test/.cache/vite',
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
