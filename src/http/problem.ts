/**
 * RFC 9457 problem details. Every error leaving the API is one of these, with a human message and,
 * where one input is at fault, its field — so a form can put the message next to the input.
 */
export interface FieldError {
  field: string;
  message: string;
}

export class Problem extends Error {
  /** When the same request may succeed (429, 503): sent as the Retry-After header. */
  retryAfterSeconds: number | null = null;

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }

  // Extras first: a field of the same name (a booking's `status`) can never overwrite a member
  // RFC 9457 defines, which clients read to decide what happened.
  toJSON(instance?: string): Record<string, unknown> {
    return {
      ...this.extra,
      type: `https://kalendaryo.dev/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.errors.length ? { errors: this.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors: FieldError[] = []) => new Problem(400, 'Bad Request', detail, errors);
export const invalidField = (field: string, message: string, status = 400) =>
  new Problem(status, status === 422 ? 'Unprocessable Content' : 'Bad Request', `${field}: ${message}`, [{ field, message }]);
export const unauthorized = (detail = 'Sign in or send a valid API token.') => new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);
export const notFound = (what: string) => new Problem(404, 'Not Found', `${what} was not found.`);
export const conflict = (detail: string, extra: Record<string, unknown> = {}) => new Problem(409, 'Conflict', detail, [], extra);
export function tooManyRequests(detail: string, retryAfterSeconds: number): Problem {
  const problem = new Problem(429, 'Too Many Requests', detail);
  problem.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return problem;
}
export function serviceUnavailable(detail: string, retryAfterSeconds: number): Problem {
  const problem = new Problem(503, 'Service Unavailable', detail);
  problem.retryAfterSeconds = retryAfterSeconds;
  return problem;
}
export const preconditionFailed = (detail: string) => new Problem(412, 'Precondition Failed', detail);

/** The same idempotency key came with another request body: a new request needs a new key (422). */
export const idempotencyKeyReused = (field = 'Idempotency-Key') =>
  invalidField(field, 'was already used with another request; send a new key for a new request (the same key answers only the same request again)', 422);
