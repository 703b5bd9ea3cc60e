import type { FastifyInstance } from 'fastify';
import { describeHostileValue, fieldName, findHostileValue } from '../core/input/hostile-values.js';
import { invalidField } from './problem.js';

const isStream = (value: unknown): boolean => typeof (value as { pipe?: unknown } | null)?.pipe === 'function' || Buffer.isBuffer(value);

/**
 * Refuses NUL characters and over-deep nesting in the query, the path and a parsed body before any
 * schema runs (400 naming the field): zod would recurse 10,000 levels into a stack overflow, and
 * PostgreSQL refuses NUL in text deep inside a query. Streamed bodies (iCalendar uploads) are
 * checked by their reader.
 */
export function registerHostileInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [value, root] of [[request.query, '(query)'], [request.params, '(path)'], [request.body, '(body)']] as const) {
      if (value === undefined || isStream(value)) continue;
      const found = findHostileValue(value);
      if (found) throw invalidField(fieldName(found.path, root), describeHostileValue(found));
    }
  });
}
