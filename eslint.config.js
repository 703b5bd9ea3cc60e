import formatjs from 'eslint-plugin-formatjs';
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
  {
    // Every word a person reads comes from locales/*.json (docs/web.md "Messages"): no literal text in JSX.
    files: ['web/src/**/*.tsx'],
    // The field app (web/src/field) is the one part whose words are not in the catalogues yet.
    ignores: ['web/src/field/**'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': ['error', { props: { include: [['*', '{label,title,placeholder,alt}']] } }],
    },
  },
);
