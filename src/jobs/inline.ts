import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { liveBusFor } from '../features/notifications/live.js';
import { createWorker, type Worker } from './worker.js';

/** The worker inside `serve` (WORKER=inline, the default): same database, same live bus as the API. */
export function startInlineWorker(app: FastifyInstance, database: Database, config: Config): Worker | null {
  if (config.WORKER !== 'inline') return null;
  const worker = createWorker({
    database,
    config,
    live: liveBusFor(database, config.DATABASE_URL),
    log: (message, extra) => app.log.error(extra ?? {}, message),
  });
  worker.start();
  return worker;
}
