import { afterAll, describe, expect, it } from 'vitest';
import { freshLoadDatabase, insertDueReminders, type LoadDatabase, spawnWorker, statusCounts, stopWorker, waitUntil } from '../../test/support/notification-load.js';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp.js';

const url = process.env.DATABASE_URL;
const CONCURRENCY = 10;
/** nodemailer's pool size (email-channel.ts): at most this many SMTP transactions are in flight. */
const SMTP_CONNECTIONS = 5;
let load: LoadDatabase | undefined;
let sink: SmtpSink | undefined;
afterAll(async () => {
  await load?.close();
  await sink?.close();
});

// Worker processes need a database of their own (they work in its public schema): PostgreSQL only.
describe.skipIf(!url)('a worker killed mid-delivery (PostgreSQL)', () => {
  it('delivers every one of 1,000 due reminders after a restart; repeats only of the in-flight SMTP transactions, same Message-ID', async () => {
    load = await freshLoadDatabase(url!, 'kalendaryo_test_crash');
    sink = await startSmtpSink({ raw: false });
    await insertDueReminders(load, 1000, new Date());
    const env = { WORKER_CONCURRENCY: String(CONCURRENCY), WORKER_LEASE_MS: '3000' };
    const first = spawnWorker(load, sink.url, env);
    await sink.waitFor(250, 60_000);
    await stopWorker(first, 'SIGKILL');
    const atKill = await statusCounts(load);
    const inFlight = new Set((await load.database.query<{ id: string }>(`select id from notifications where status = 'sending'`)).map((r) => `<${r.id}@kalendaryo.notifications>`));
    expect(atKill.sent ?? 0).toBeLessThan(1000);

    const second = spawnWorker(load, sink.url, env);
    try {
      await waitUntil(async () => ((await statusCounts(load!)).sent ?? 0) === 1000, 90_000, 'every reminder sent');
    } finally {
      await stopWorker(second);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ids = sink.mails.map((m) => m.messageId);
    const distinct = new Set(ids);
    expect(distinct.size).toBe(1000);
    const rows = await load.database.query<{ id: string }>('select id from notifications');
    expect(rows.every((r) => distinct.has(`<${r.id}@kalendaryo.notifications>`))).toBe(true);
    const seen = new Set<string | null>();
    const repeated = ids.filter((id) => seen.has(id) || !seen.add(id));
    console.log(JSON.stringify({ atKill, received: ids.length, duplicates: repeated.length }));
    // No row is sent twice by the workers. The only possible repeats are the messages whose SMTP
    // transaction was in flight at the SIGKILL (the server had the message, the worker never
    // recorded it): they went out again with the same Message-ID, which mail systems fold.
    expect(repeated.every((id) => id !== null && inFlight.has(id))).toBe(true);
    expect(repeated.length).toBeLessThanOrEqual(SMTP_CONNECTIONS);
  }, 180_000);
});
