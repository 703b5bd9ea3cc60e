import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { liveBusFor } from './features/notifications/live.js';
import type { JobContribution } from './jobs/registry.js';
import { createWorker, type Worker, type WorkerOptions } from './jobs/worker.js';
import { type NotificationJobDeps, notificationJobs } from './features/notifications/jobs.js';

export type AppWorkerOptions = Omit<WorkerOptions, 'contributions'> & Omit<NotificationJobDeps, 'database' | 'config'>;

/**
 * The worker's composition root: every feature that has background work contributes its jobs and
 * sweepers here (a new kind of work — a sync poll, a purge — is one more line), the way src/app.ts
 * assembles the routes. `kalendaryo worker`, the inline worker of `serve` and the tests build their
 * worker through it.
 */
export function workerContributions(options: AppWorkerOptions & Pick<WorkerOptions, 'database' | 'config'>): JobContribution[] {
  return [notificationJobs(options)];
}

export function createAppWorker(options: AppWorkerOptions): Worker {
  return createWorker({ ...options, contributions: workerContributions(options) });
}

/** The worker inside `serve` (WORKER=inline, the default): same database, same live bus as the API. */
export function startInlineWorker(app: FastifyInstance, database: Database, config: Config): Worker | null {
  if (config.WORKER !== 'inline') return null;
  const worker = createAppWorker({
    database,
    config,
    live: liveBusFor(database),
    signingKey: app.ctx.signingKey,
    log: (message, extra) => app.log.error(extra ?? {}, message),
  });
  worker.start();
  return worker;
}
