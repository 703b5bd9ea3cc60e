import type { FastifyInstance } from 'fastify';

/**
 * The policy of every HTML page this server sends (the web app, the printable brief, ticket sheets,
 * attendance reports, the RSVP page, the API docs): scripts only from this server's files, so an
 * injected <script> or onclick never runs. Inline style attributes stay allowed: React, FullCalendar,
 * Swagger UI and the printable pages position and colour with them, and a style cannot run code.
 * No page may be framed (clickjacking); a page meant to be embedded later sets its own policy.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const DOCUMENT_TYPES = /^\s*(text\/html|application\/xhtml\+xml|image\/svg\+xml)\b/i;

/**
 * One onSend hook for every response, whichever route or plugin made it: no MIME sniffing anywhere
 * (a JSON body or an upload's echo is never run as a page), and on documents the policy above, a
 * referrer policy and no framing. A route that set its own value for one of these keeps it.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    if (DOCUMENT_TYPES.test(String(reply.getHeader('content-type') ?? ''))) {
      if (!reply.hasHeader('content-security-policy')) void reply.header('Content-Security-Policy', PAGE_CSP);
      if (!reply.hasHeader('referrer-policy')) void reply.header('Referrer-Policy', 'same-origin');
      if (!reply.hasHeader('x-frame-options')) void reply.header('X-Frame-Options', 'DENY');
    }
    return payload;
  });
}
