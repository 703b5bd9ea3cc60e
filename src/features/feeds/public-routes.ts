import compress from '@fastify/compress';
import type { FastifyPluginAsync } from 'fastify';
import { Readable } from 'node:stream';
import { Problem } from '../../http/problem.js';
import { sha256 } from '../auth/secrets.js';
import { readFeed } from './serve-feed.js';

const gone = () => new Problem(410, 'Gone', 'This subscription URL was revoked by its owner.');
const unknown = () => new Problem(404, 'Not Found', 'There is no calendar at this address (the URL may have been replaced by a new one).');

/**
 * The subscription URL itself (`/feeds/<secret>.ics`): no session, the secret is the key. Compressed
 * (gzip/deflate) and rate-limited per URL, so one leaked or misbehaving client cannot hog the server.
 */
export const feedPublicRoutes: FastifyPluginAsync = async (app) => {
  const { database, now, config } = app.ctx;
  await app.register(compress, { global: true, encodings: ['gzip', 'deflate'], threshold: 1024 });

  app.get<{ Params: { file: string } }>('/feeds/:file', {
    schema: { tags: ['feeds'], summary: 'A subscription URL: the feed as text/calendar (no session; ETag, If-None-Match → 304; gzip)' },
    config: { rateLimit: { max: config.FEED_RATE_LIMIT, timeWindow: '1 minute', keyGenerator: (request) => `feed:${sha256(request.url.split('?')[0]!)}` } },
  }, async (request, reply) => {
    const secret = request.params.file.replace(/\.ics$/, '');
    const headers = request.headers;
    const answer = await readFeed({ database, now }, secret, {
      ifNoneMatch: headers['if-none-match'], ifModifiedSince: headers['if-modified-since'],
    });
    if (!('etag' in answer)) throw answer.status === 410 ? gone() : unknown();
    void reply
      .header('etag', answer.etag)
      .header('last-modified', answer.lastModified.toUTCString())
      .header('cache-control', 'private, no-cache')
      .header('x-robots-tag', 'noindex')
      .header('referrer-policy', 'no-referrer');
    if (answer.status === 304) return reply.status(304).send();
    return reply.type('text/calendar; charset=utf-8').send(Readable.from(answer.body!));
  });
};
