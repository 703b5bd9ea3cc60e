/**
 * The web calendar's fetch client: same-origin JSON, the session cookie, the CSRF header on every
 * write, and problem+json answers (RFC 9457) turned into ApiError with the fields at fault.
 */

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];

  constructor(status: number, title: string, detail?: string, fieldErrors: FieldError[] = []) {
    super(detail ?? title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }

  /** The message for one form field, if the server named it. */
  forField(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

let csrfToken: string | null = null;

/** What a failed connection says; the language provider sets it in the user's language (server messages stay English for now). */
let networkErrorText = 'The server could not be reached. Check your connection and try again.';

export function setNetworkErrorText(text: string): void {
  networkErrorText = text;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  etag: string | null;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = (opts.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (WRITES.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'Network error', networkErrorText);
  }
  if (!res.ok) throw await toApiError(res);
  const text = res.status === 204 ? '' : await res.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, status: res.status, etag: res.headers.get('ETag') };
}

export async function toApiError(res: Response): Promise<ApiError> {
  let body: { title?: unknown; detail?: unknown; errors?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON (a proxy page, an empty body): fall back to the status text
  }
  const title = typeof body.title === 'string' ? body.title : res.statusText || `HTTP ${res.status}`;
  const detail = typeof body.detail === 'string' ? body.detail : undefined;
  const errors = Array.isArray(body.errors)
    ? body.errors
        .filter((e): e is FieldError => typeof e === 'object' && e !== null && 'message' in e)
        .map((e) => ({ field: String(e.field ?? ''), message: String(e.message) }))
    : [];
  return new ApiError(res.status, title, detail, errors);
}

/** A human sentence for any failure, preferring the server's own words. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message));
    const main = err.detail ?? err.title;
    return fields.length && !fields.some((f) => main.includes(f)) ? `${main} (${fields.join('; ')})` : main;
  }
  return err instanceof Error ? err.message : String(err);
}

/** True when an optional route (a later feature) is simply not there yet. */
export function isMissingRoute(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 404 || err.status === 501);
}
