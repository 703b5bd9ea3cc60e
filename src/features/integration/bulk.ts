import { describeHostileValue, fieldName, findHostileValue } from '../../core/input/hostile-values.js';
import type { Db } from '../../db/client.js';
import { Problem } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { deleteSourceEntry } from './delete-source-entry.js';
import { type BulkLineResult, BulkLineSchema, type BulkReport } from './schemas.js';
import { upsertSourceEntry } from './upsert-source-entry.js';

export const BULK_MAX_LINES = 1000;
export const BULK_MAX_BYTES = 2 * 1024 * 1024;

export interface NdjsonLine {
  line: number;
  text: string;
}

/** The non-blank lines of an NDJSON body with their 1-based numbers; too many lines is a 413. */
export function splitNdjson(body: string): NdjsonLine[] {
  const lines: NdjsonLine[] = [];
  body.split('\n').forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    if (text.trim()) lines.push({ line: i + 1, text });
  });
  if (lines.length === 0) throw new Problem(400, 'Bad Request', 'The body holds no lines: send one JSON object per line.', [{ field: '(body)', message: 'is empty' }]);
  if (lines.length > BULK_MAX_LINES) {
    throw new Problem(413, 'Payload Too Large', `The body holds ${lines.length} lines; send at most ${BULK_MAX_LINES} per request and the rest in another.`, [{ field: '(body)', message: `at most ${BULK_MAX_LINES} lines` }]);
  }
  return lines;
}

function failure(line: number, externalId: string | null, status: number, errors: { field: string | null; message: string }[]): BulkLineResult {
  return { line, externalId, result: 'error', status, errors };
}

/** A use-case error as a line's error; fields are named inside the line ("entry.calendarId"). */
function lineFailure(line: number, externalId: string, error: unknown, prefix: string): BulkLineResult {
  if (error instanceof Problem) {
    const errors = error.errors.length ? error.errors.map((e) => ({ field: `${prefix}${e.field}`, message: e.message })) : [{ field: null, message: error.detail }];
    return failure(line, externalId, error.status, errors);
  }
  const code = (error as { code?: string }).code;
  if (code === '23505') return failure(line, externalId, 409, [{ field: null, message: 'another request wrote this source entry at the same time; send the line again' }]);
  if (code === '23503') return failure(line, externalId, 422, [{ field: null, message: 'a referenced record does not exist' }]);
  throw error;
}

/**
 * Applies each line on its own (its own transaction), so one bad line costs only itself. Lines run
 * in order: a later line for the same externalId sees what an earlier one wrote.
 */
export async function applyBulk(deps: { db: Db }, actor: Actor, system: string, lines: readonly NdjsonLine[]): Promise<BulkReport> {
  const summary = { created: 0, updated: 0, unchanged: 0, deleted: 0, error: 0 };
  const results: BulkLineResult[] = [];
  for (const { line, text } of lines) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      results.push(failure(line, null, 400, [{ field: '(line)', message: `is not JSON: ${(error as Error).message}` }]));
      summary.error++;
      continue;
    }
    const hostile = findHostileValue(value);
    if (hostile) {
      results.push(failure(line, null, 400, [{ field: fieldName(hostile.path, '(line)'), message: describeHostileValue(hostile) }]));
      summary.error++;
      continue;
    }
    const parsed = BulkLineSchema.safeParse(value);
    if (!parsed.success) {
      const externalId = typeof (value as { externalId?: unknown })?.externalId === 'string' ? (value as { externalId: string }).externalId : null;
      results.push(failure(line, externalId, 400, parsed.error.issues.map((i) => ({
        field: i.code === 'unrecognized_keys' ? [...i.path, ...i.keys].join('.') : i.path.join('.') || '(line)', message: i.message,
      }))));
      summary.error++;
      continue;
    }
    const { externalId, entry } = parsed.data;
    let result: BulkLineResult;
    try {
      if (entry) {
        const done = await upsertSourceEntry(deps, actor, system, externalId, entry);
        result = { line, externalId, result: done.result, entryId: done.row.id, version: done.row.version };
      } else {
        result = { line, externalId, result: await deleteSourceEntry(deps, actor, system, externalId) };
      }
    } catch (error) {
      result = lineFailure(line, externalId, error, entry ? 'entry.' : '');
    }
    summary[result.result]++;
    results.push(result);
  }
  return { summary, results };
}
