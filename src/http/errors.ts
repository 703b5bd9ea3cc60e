import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { type FieldError, Problem, serviceUnavailable } from './problem.js';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';
const DATABASE_RETRY_AFTER_S = 5;

function fieldErrorsOf(validation: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[]): FieldError[] {
  return validation.map((issue) => {
    const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      const keys = issue.params.keys as string[];
      return { field: keys.map((k) => (base ? `${base}.${k}` : k)).join(', '), message: `unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')}` };
    }
    return { field: base || '(body)', message: issue.message ?? 'is not valid' };
  });
}

/** PostgreSQL errors that mean the input was wrong, not the server (Drizzle wraps them: look at the cause too). */
function problemFromDatabase(wrapped: { code?: string; constraint?: string; detail?: string; cause?: never }): Problem | null {
  const error = wrapped.code === undefined && wrapped.cause ? wrapped.cause : wrapped;
  switch (error.code) {
    case '23505':
      return new Problem(409, 'Conflict', 'This would duplicate an existing record.', [], { constraint: error.constraint });
    case '23P01':
      // The resources guard (0004_resources.sql) names the booking in the way: say which.
      return new Problem(409, 'Conflict', 'This overlaps an existing booking.', [], { constraint: error.constraint, conflictingBookingId: /conflicting booking ([0-9a-f-]{36})/.exec(error.detail ?? '')?.[1] ?? null });
    case '23503':
      return new Problem(422, 'Unprocessable Content', 'A referenced record does not exist.', [], { constraint: error.constraint });
    case '23514':
      return new Problem(422, 'Unprocessable Content', `A rule of the data was broken (${error.constraint ?? 'check'}).`);
    case '22021':
    case '22P05':
      // A NUL character (in text, or \u0000 in jsonb) that got past the input guard (hostile-input.ts).
      return new Problem(400, 'Bad Request', 'A value contains a NUL character (\\u0000), which cannot be stored.');
    case '22P02':
    case '22007':
    case '22008':
      return new Problem(400, 'Bad Request', 'A value has the wrong format.');
    default:
      return null;
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: Problem;
    if (error instanceof Problem) {
      problem = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrorsOf(error.validation as never);
      const where = error.validationContext ?? 'request';
      problem = new Problem(400, 'Bad Request', `The ${where} is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
    } else if (isDatabaseUnavailable(error)) {
      // Lost or restarting database: a client may try again shortly; load balancers read 503 too.
      request.log.warn({ err: error }, 'database unavailable');
      problem = serviceUnavailable('The database cannot be reached just now; try again in a few seconds.', DATABASE_RETRY_AFTER_S);
    } else if (problemFromDatabase(error as never)) {
      problem = problemFromDatabase(error as never)!;
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      problem = new Problem(error.statusCode, error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'Payload Too Large' : 'Bad Request', error.message);
      if (error.statusCode === 429) problem = new Problem(429, 'Too Many Requests', error.message);
    } else {
      request.log.error({ err: error }, 'unhandled error');
      problem = new Problem(500, 'Internal Server Error', 'Something went wrong on our side; it has been logged.');
    }
    if (problem.status >= 500 && problem.status !== 503) request.log.error({ err: error }, 'server error');
    if (problem.retryAfterSeconds !== null) void reply.header('Retry-After', String(problem.retryAfterSeconds));
    void reply.status(problem.status).type(PROBLEM_TYPE).send(JSON.stringify(problem.toJSON(request.url)));
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = new Problem(404, 'Not Found', `No route ${request.method} ${request.url.split('?')[0]}.`);
    void reply.status(404).type(PROBLEM_TYPE).send(JSON.stringify(problem.toJSON(request.url)));
  });
}
