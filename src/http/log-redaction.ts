/**
 * What the access log may say about a request. A reply link (`/rsvp?token=…`) and any other signed
 * link answer for someone without a login, so their secrets never reach a log line: query
 * parameters named like a secret, and any value shaped like a signed token
 * (src/core/signing: base64url "." 43-character HMAC), are written as `[redacted]`.
 */
const SECRET_NAMES = new Set(['token', 'code', 'key', 'secret', 'password', 'sig', 'signature', 'access_token', 'refresh_token', 'api_key', 'apikey', 'auth']);
const SIGNED_TOKEN = /^[A-Za-z0-9_-]+(\.|%2E)[A-Za-z0-9_-]{43}$/i;
export const REDACTED = '[redacted]';

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The URL with secret query values redacted; the path and the other parameters as they came. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    const name = decoded(pair.slice(0, eq)).toLowerCase();
    const value = pair.slice(eq + 1);
    return SECRET_NAMES.has(name) || SIGNED_TOKEN.test(value) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
  });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number } | null;
}

/** The logger's one request serializer (Fastify's default fields, the URL redacted). */
export function serializeRequest(request: LoggedRequest): Record<string, unknown> {
  return { method: request.method, url: redactUrl(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}
