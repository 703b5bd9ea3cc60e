import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'web/dist/', 'dist/', 'artifacts/', 'scratch/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core is pure: no I/O, no framework, no feature, db or http imports (DESIGN.md "Shape").
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/db/**', '**/features/**', '**/http/**', '**/jobs/**', '**/cli/**'], message: 'src/core is pure: it must not import db, features, http, jobs or cli.' },
          { group: ['node:fs', 'node:net', 'node:http', 'fs', 'pg', '@electric-sql/*', 'fastify', 'drizzle-orm', 'drizzle-orm/*'], message: 'src/core does no I/O.' },
        ],
      }],
    },
  },
);
