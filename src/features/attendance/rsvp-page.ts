import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { escapeHtml } from '../exports/brief-html.js';
import { Problem } from '../../http/problem.js';
import { describeRsvpLink } from './answer-rsvp.js';

// The page's script is a file of its own (no inline script: the pages' Content-Security-Policy
// allows scripts only from this server). It reads the token from the page, never from the URL,
// and posts without cookies: a signed-in browser would otherwise need the CSRF header.
const RSVP_SCRIPT = `const page = document.querySelector('[data-token]');
for (const b of document.querySelectorAll('button[data-r]')) b.addEventListener('click', async () => {
  const r = await fetch('/api/v1/rsvp', { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: page.dataset.token, response: b.dataset.r }) });
  const j = await r.json();
  document.getElementById('msg').textContent = r.ok ? 'Thank you, your answer is saved.' : j.detail;
  if (r.ok) document.getElementById('now').textContent = j.response;
});
`;

/**
 * The page a reply link opens, for people without an account: says what it is about and posts the
 * answer to /api/v1/rsvp.
 */
export function registerRsvpPage(app: FastifyInstance, guardLink: <T>(address: string, attempt: () => Promise<T>) => Promise<T>): void {
  app.get('/rsvp.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(RSVP_SCRIPT));

  app.get('/rsvp', { schema: { hide: true, querystring: z.object({ token: z.string().max(2000).default('') }) } }, async (request, reply) => {
    const { token } = request.query as { token: string };
    let body: string;
    try {
      const { info } = await guardLink(request.ip, () => describeRsvpLink(app.ctx, token));
      body = `<main data-token="${escapeHtml(token)}"><h1>${escapeHtml(info.entryTitle)}</h1><p>${escapeHtml(info.start)}${info.recurrenceId ? ' (this occurrence)' : ''}</p>
<p>Hello ${escapeHtml(info.participantName)}, will you attend? Your answer now: <strong id="now">${escapeHtml(info.response)}</strong></p>
<p><button data-r="going">Going</button> <button data-r="maybe">Maybe</button> <button data-r="declined">Not going</button></p>
<p id="msg" role="status"></p></main>
<script src="/rsvp.js" defer></script>`;
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      void reply.status(error.status);
      if (error.retryAfterSeconds !== null) void reply.header('Retry-After', String(error.retryAfterSeconds));
      body = `<h1>Reply link</h1><p>${escapeHtml(error.detail)}</p>`;
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
      .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Kalendaryo — reply</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem;margin:.2rem}</style></head><body>${body}</body></html>`);
  });
}
