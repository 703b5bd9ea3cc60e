import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { unreadCount } from './inbox.js';
import type { LiveBus } from './live.js';

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events: `unread` with the count on connect, then `notification` for each in-app
 * notification delivered to the user by any worker (see live.ts), and a comment every 25 s so
 * proxies keep the connection open.
 */
export function registerNotificationStream(app: FastifyInstance, live: LiveBus): void {
  const open = new Set<() => void>();
  // preClose: the server waits for open connections before onClose hooks would run.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.get('/api/v1/notifications/stream', {
    schema: { tags: ['notifications'], summary: 'Live in-app notifications (text/event-stream)', response: { 200: z.string().describe('text/event-stream') } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const count = await unreadCount(app.ctx.database, actor);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write(`retry: 5000\nevent: unread\ndata: ${JSON.stringify({ unreadCount: count })}\n\n`);
    const off = live.subscribe(actor.userId, (event) => raw.write(`event: notification\ndata: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
    const end = () => {
      off();
      clearInterval(heartbeat);
      open.delete(end);
      if (!raw.writableEnded) raw.end();
    };
    open.add(end);
    request.raw.on('close', end);
  });
}
