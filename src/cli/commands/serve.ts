import { syncHolidays } from '../../features/holidays/sync-holidays.js';
import { bootstrap } from '../../features/setup/bootstrap.js';
import { buildApp } from '../../app.js';
import { startInlineWorker } from '../../app-worker.js';
import { openForCommand, reportCommandError } from '../open.js';

export async function run(): Promise<number | void> {
  let opened;
  try {
    opened = await openForCommand();
  } catch (error) {
    return reportCommandError(error);
  }
  const { config, database } = opened;
  const setup = await bootstrap(database.db, { adminEmail: config.ADMIN_EMAIL });
  if (setup.createdAdmin) {
    // Printed once, never logged or stored in clear: the operator signs in and changes it.
    process.stdout.write(
      `\nKalendaryo created the first administrator:\n  e-mail:   ${setup.createdAdmin.email}\n  password: ${setup.createdAdmin.password}\n` +
        'This password is shown only now.\n\n',
    );
  }
  const app = await buildApp({ database, config });
  // Notifications are delivered in this process unless WORKER=off (separate `kalendaryo worker` processes).
  const worker = startInlineWorker(app, database, config);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    await worker?.stop();
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  // Holidays of last year to two years ahead, after listening so that start-up does not wait on it (~2 s).
  const year = new Date().getUTCFullYear();
  void syncHolidays(database.db, setup.organizationId, year - 1, year + 2)
    .then((r) => app.log.info({ holidays: r }, 'holidays calendar synced'))
    .catch((error: unknown) => app.log.error({ err: error }, 'holidays calendar sync failed'));
  process.stdout.write(`Kalendaryo serves on http://localhost:${config.PORT} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})\n`);
}
