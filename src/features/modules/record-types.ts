/**
 * The module record types (built in the registry from each module's declaration), looked up by
 * their API path `<module>/<type>`: validation and projection of a record, and what changes when it
 * is projected again. The module-records feature stores a record and writes its drafts as entries;
 * the drafts' projectionKeys say which entries to create, update or delete.
 */
import type { RecordType } from './define-module.js';
import type { EntryDraft } from './model.js';
import { RECORD_TYPES } from './registry.js';

export { RECORD_TYPES };

const BY_PATH = new Map(RECORD_TYPES.map((r) => [`${r.module}/${r.type}`, r]));

export function findRecordType(module: string, type: string): RecordType | undefined {
  return BY_PATH.get(`${module}/${type}`);
}

export type ProjectionResult = { ok: true; record: { id: string } & Record<string, unknown>; drafts: EntryDraft[] } | { ok: false; issues: { path: string; message: string }[] };

/** Validates a module record (filling defaults) and projects it; bad input gives the fields at fault. */
export function projectRecord(path: string, input: unknown): ProjectionResult {
  const [module = '', type = ''] = path.split('/');
  const def = findRecordType(module, type);
  if (!def) return { ok: false, issues: [{ path: 'type', message: `unknown record type ${path}` }] };
  const parsed = def.schema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  return { ok: true, record: parsed.data, drafts: def.project(parsed.data as never) };
}

/** What changes when a record is projected again: keys to create, update and delete. */
export function diffProjection(existingKeys: Iterable<string>, drafts: readonly EntryDraft[]): { create: EntryDraft[]; update: EntryDraft[]; deleteKeys: string[] } {
  const existing = new Set(existingKeys);
  const next = new Set(drafts.map((d) => d.projectionKey));
  return {
    create: drafts.filter((d) => !existing.has(d.projectionKey)),
    update: drafts.filter((d) => existing.has(d.projectionKey)),
    deleteKeys: [...existing].filter((k) => !next.has(k)),
  };
}
