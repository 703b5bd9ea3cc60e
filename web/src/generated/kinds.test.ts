/**
 * What the server's registry names by id (generated/kinds.ts) has words in every complete catalogue,
 * so that a module, kind or record type added on the server and generated here shows in English and
 * Filipino, not as a humanized id.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED_LIFECYCLES, GENERATED_MODULES, GENERATED_PRIORITIES, GENERATED_RECORD_TYPES } from './kinds';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../locales');
const keys = [
  ...GENERATED_MODULES.flatMap((m) => [`module.${m.id}`, ...m.kinds.map((k) => `kind.${m.id}.${k.id}`)]),
  ...GENERATED_RECORD_TYPES.map((r) => `recordType.${r.module}.${r.type}`),
  ...GENERATED_LIFECYCLES.map((s) => `status.${s}`),
  ...GENERATED_PRIORITIES.map((p) => `priority.${p}`),
];

describe('the registry in the catalogues', () => {
  it.each(['en', 'fil'])('%s words every generated module, kind, record type, lifecycle status and priority', (code) => {
    const catalogue = JSON.parse(readFileSync(path.join(dir, `${code}.json`), 'utf8')) as Record<string, string>;
    expect(keys.filter((key) => !catalogue[key])).toEqual([]);
  });
});
