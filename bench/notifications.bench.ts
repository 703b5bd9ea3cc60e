/**
 * 10,000 e-mail reminders due in the same minute, delivered by two `kalendaryo worker` processes
 * to a real SMTP server process. Own database (BENCH_NOTIFY_DATABASE_URL, default
 * kalendaryo_bench_notify), made afresh each run. Target: all delivered within 60 s, no duplicates.
 */
import type { Report } from './run.js';
import { freshLoadDatabase, insertDueReminders, spawnWorker, statusCounts, stopWorker, waitUntil, workerReady } from '../test/support/notification-load.js';
import { startSmtpSink } from '../test/support/smtp.js';

const SERVER_URL = process.env.BENCH_NOTIFY_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const COUNT = 10_000;
const WORKERS = 2;

export default async function notificationsBench(report: Report): Promise<void> {
  const load = await freshLoadDatabase(SERVER_URL, 'kalendaryo_bench_notify');
  const sink = await startSmtpSink({ raw: false });
  const workers = [];
  try {
    // Workers already running, as in production; the clock starts when the reminders become due.
    for (let i = 0; i < WORKERS; i++) workers.push(spawnWorker(load, `${sink.url}/?pool=8`, { WORKER_CONCURRENCY: '32' }));
    await Promise.all(workers.map(workerReady));
    const started = performance.now();
    await insertDueReminders(load, COUNT, new Date());
    await sink.waitFor(COUNT, 180_000);
    const receivedMs = performance.now() - started;
    await waitUntil(async () => ((await statusCounts(load)).sent ?? 0) === COUNT, 60_000, 'every row marked sent');
    const ids = sink.mails.map((m) => m.messageId);
    const distinct = new Set(ids).size;
    report('notify_10k_reminders_delivered_s', receivedMs / 1000, 's');
    report('notify_delivery_rate', (COUNT / receivedMs) * 1000, 'mails/s');
    report('notify_duplicates', ids.length - distinct, 'mails');
    report('notify_missing', COUNT - distinct, 'mails');
  } finally {
    for (const w of workers) await stopWorker(w);
    await sink.close();
    await load.close();
  }
}
