/**
 * Serves the web calendar (web/dist, built by `npm run build:web`) from the Kalendaryo server.
 * Files are served as they are on disk, so a rebuild needs no restart; any other path outside
 * /api answers index.html so the single-page app can route it (a bookmarked /?view=… works).
 * Hashed files under /assets are cached for a year; index.html is revalidated every time so a
 * new release is picked up. Pre-compressed .br/.gz siblings (written by the build) are preferred.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Two levels below the repository root, as src/http/ and the CLI bundle's dist/cli/ both are.
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const IMMUTABLE = 'public, max-age=31536000, immutable';

function isApiPath(urlPath: string): boolean {
  return urlPath === '/api' || urlPath.startsWith('/api/');
}

/** The file under `root` that a URL path names, or null (outside root, a folder, or missing). */
function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  try {
    return statSync(full).isFile() ? path.relative(root, full).split(path.sep).join('/') : null;
  } catch {
    return null;
  }
}

function sendIndex(reply: FastifyReply): FastifyReply {
  // Its Content-Security-Policy and nosniff come from the hook every response passes (security-headers.ts).
  return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
}

export async function registerWebApp(app: FastifyInstance, opts: { distDir?: string } = {}): Promise<void> {
  const root = path.resolve(opts.distDir ?? DEFAULT_WEB_DIST);

  // Encapsulated so reply.sendFile does not clash with other users of @fastify/static (swagger-ui).
  await app.register(async (web) => {
    await web.register(fastifyStatic, { root, serve: false, cacheControl: false, preCompressed: true, dotfiles: 'ignore', suppressWarning: true });

    const handler = async (request: { url: string }, reply: FastifyReply) => {
      const urlPath = request.url.split('?')[0] ?? '/';
      if (isApiPath(urlPath)) return reply.callNotFound();
      if (!existsSync(path.join(root, 'index.html'))) {
        return reply.code(503).type('text/plain; charset=utf-8').header('Retry-After', '30')
          .send('The web calendar is not built yet. Run `npm run build:web` (npm start does it for you).');
      }
      const file = urlPath === '/' ? null : fileUnder(root, urlPath);
      if (file === 'index.html') return sendIndex(reply);
      if (file) {
        reply.header('Cache-Control', file.startsWith('assets/') ? IMMUTABLE : 'no-cache');
        return reply.sendFile(file);
      }
      // A missing script or image must not get the page back (it would run as HTML): 404 instead.
      if (path.posix.extname(urlPath)) return reply.callNotFound();
      return sendIndex(reply);
    };

    web.get('/', { schema: { hide: true } }, handler);
    web.get('/*', { schema: { hide: true } }, handler);
  });
}
