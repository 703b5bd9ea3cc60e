/**
 * Attendance check-in on PostgreSQL, in a database of its own (not the 1M-entry kalendaryo_bench):
 *   a batch of 1,000 QR check-ins (target < 2 s), the same batch sent again, and one scan's
 *   latency (p95 target < 30 ms), each through the HTTP layer (app.inject), so validation,
 *   authentication, signature checks and the transaction are all in the figure.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { signTicket } from '../src/features/attendance/codes.js';
import { createApiToken } from '../src/features/auth/tokens.js';
import { bootstrap } from '../src/features/setup/bootstrap.js';
import { buildApp } from '../src/app.js';
import type { Report } from './run.js';
import { BENCH_SECRET_KEY, ensurePgDatabase, percentile } from './support.js';

const URL_ = process.env.BENCH_ATTENDANCE_URL ?? 'postgres://postgres@127.0.0.1:5432/kalendaryo_bench_attendance';
const BATCH = 1_000;
const ROUNDS = 5;
const SINGLE_SCANS = 300;

/** An event with n participants (inserted directly: the bench measures check-in, not invitations). */
async function eventWithParticipants(database: Database, organizationId: string, calendarId: string, n: number) {
  const [entry] = await database.query<{ id: string }>(
    `insert into entries (organization_id, calendar_id, uid, module, kind, title, start_at, end_at, span_start, span_end)
     values ($1, $2, gen_random_uuid()::text, 'community', 'event', 'Bench consultation', now() - interval '1 hour', now() + interval '3 hours', now() - interval '1 hour', now() + interval '3 hours')
     returning id`, [organizationId, calendarId]);
  const people = await database.query<{ id: string }>(
    `insert into entry_participants (organization_id, entry_id, name) select $1, $2, 'Person ' || g from generate_series(1, $3) g returning id`,
    [organizationId, entry!.id, n]);
  return { entryId: entry!.id, participantIds: people.map((p) => p.id) };
}

export default async function (report: Report): Promise<void> {
  await ensurePgDatabase(URL_);
  const database = await openDatabase({ url: URL_, poolSize: 10 });
  try {
    await migrate(database);
    const setup = await bootstrap(database.db, { adminEmail: 'admin@bench.local' });
    const [admin] = await database.query<{ id: string }>("select id from users where role = 'admin' and organization_id = $1 order by created_at limit 1", [setup.organizationId]);
    const [calendar] = await database.query<{ id: string }>("select id from calendars where organization_id = $1 and type = 'organisation' order by name limit 1", [setup.organizationId]);
    const { token } = await createApiToken(database.db, { userId: admin!.id, organizationId: setup.organizationId }, 'bench attendance');
    const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', SECRET_KEY: BENCH_SECRET_KEY }), logger: false });
    await app.ready();
    const headers = { authorization: `Bearer ${token}` };
    const key = app.ctx.signingKey;
    const expires = new Date(Date.now() + 86_400_000);
    const send = async (scans: object[]) => {
      const t0 = performance.now();
      const response = await app.inject({ method: 'POST', url: '/api/v1/attendance/check-ins', headers, payload: { deviceId: 'bench', scans } });
      const ms = performance.now() - t0;
      if (response.statusCode !== 200) throw new Error(`check-in batch: ${response.statusCode} ${response.body.slice(0, 300)}`);
      return { ms, summary: response.json().summary as { applied: number; resent: number } };
    };
    const ticketScans = (entryId: string, ids: string[]) => ids.map((participantId) => ({
      idempotencyKey: randomUUID(), clientTime: new Date().toISOString(), entryId,
      ticket: signTicket(key, { organizationId: setup.organizationId, entryId, participantId, recurrenceId: null, version: 1 }, expires),
    }));

    // Warm-up: JIT, connection pool, prepared plans.
    const warm = await eventWithParticipants(database, setup.organizationId, calendar!.id, 50);
    await send(ticketScans(warm.entryId, warm.participantIds));

    const batchTimes: number[] = [];
    const resendTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const event = await eventWithParticipants(database, setup.organizationId, calendar!.id, BATCH);
      const scans = ticketScans(event.entryId, event.participantIds);
      const first = await send(scans);
      if (first.summary.applied !== BATCH) throw new Error(`expected ${BATCH} check-ins, got ${JSON.stringify(first.summary)}`);
      batchTimes.push(first.ms);
      const again = await send(scans);
      if (again.summary.resent !== BATCH) throw new Error(`expected ${BATCH} resent, got ${JSON.stringify(again.summary)}`);
      resendTimes.push(again.ms);
    }
    batchTimes.sort((a, b) => a - b);
    resendTimes.sort((a, b) => a - b);
    report('attendance.batch_1000.median', percentile(batchTimes, 50), 'ms');
    report('attendance.batch_1000.max', batchTimes[batchTimes.length - 1]!, 'ms');
    report('attendance.batch_1000_resent.median', percentile(resendTimes, 50), 'ms');

    const single = await eventWithParticipants(database, setup.organizationId, calendar!.id, SINGLE_SCANS);
    const scans = ticketScans(single.entryId, single.participantIds);
    const times: number[] = [];
    for (const scan of scans) times.push((await send([scan])).ms);
    times.sort((a, b) => a - b);
    report('attendance.single_scan.p50', percentile(times, 50), 'ms');
    report('attendance.single_scan.p95', percentile(times, 95), 'ms');
    await app.close();
  } finally {
    await database.close();
  }
}
