import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { kalendaryoLocales } from './locales-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));

// Unit tests of the SPA's pure logic (`npx vitest run --config web/vitest.config.ts`).
export default defineConfig({
  plugins: [kalendaryoLocales(path.join(root, '..', 'locales'))],
  test: {
    root,
    include: ['src/**/*.test.ts'],
  },
});
