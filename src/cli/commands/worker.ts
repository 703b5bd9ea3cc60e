import { liveBusFor } from '../../features/notifications/live.js';
import { loadSigningKey } from '../../features/setup/signing-key.js';
import { createAppWorker } from '../../app-worker.js';
import { openForCommand, reportCommandError } from '../open.js';

/**
 * `kalendaryo worker`: delivers notifications and runs the planners until SIGINT/SIGTERM. Run as
 * many as you like against PostgreSQL; they share the outbox through atomic claims. On the
 * embedded database the data directory belongs to one process: there `serve` runs the worker
 * itself (WORKER=inline, the default).
 */
export async function run(): Promise<number | void> {
  let opened;
  try {
    opened = await openForCommand();
  } catch (error) {
    return reportCommandError(error);
  }
  const { config, database } = opened;
  const live = liveBusFor(database);
  const worker = createAppWorker({
    database,
    config,
    live,
    // The same key as the app's (SECRET_KEY, or the one kept in the database): it signs the reply links of invitations.
    signingKey: await loadSigningKey(database.db, config),
    log: (message, extra) => process.stderr.write(`${new Date().toISOString()} ${message} ${extra ? JSON.stringify(extra, (_k, v: unknown) => (v instanceof Error ? v.message : v)) : ''}\n`),
  });
  worker.start();
  process.stdout.write(`kalendaryo worker ${worker.id} delivering (${database.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'})\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await worker.stop();
  await live.close();
  await opened.close();
}
