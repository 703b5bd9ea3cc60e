import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../test/support/fixtures.js';
import { liveBusFor } from '../features/notifications/live.js';
import { createAppWorker } from '../app-worker.js';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
});
afterAll(async () => t?.close());

const databaseNow = async () => (await t.testDb.database.query<{ now: Date }>('select now() as now'))[0]!.now.getTime();
const FIVE_MINUTES = 5 * 60_000;

describe("the worker judges what is due by the database's clock", () => {
  it('a worker whose own clock runs 5 minutes fast sends nothing early and takes no lease into its future', async () => {
    expect((await t.as(staff, { method: 'PATCH', url: '/api/v1/me/notification-preferences', payload: { reminderMinutes: [60], channels: { email: true, in_app: true, push: false, sms: false } } })).statusCode).toBe(200);
    const start = new Date(Math.ceil((await databaseNow()) / 60_000) * 60_000 + 63 * 60_000);
    const calendarId = await calendarIdOf(t, staff, 'personal');
    const created = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(calendarId, { start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() }) });
    expect(created.statusCode, created.body).toBe(201);
    const entryId = created.json().id as string;
    const reminders = () => t.testDb.database.query<{ channel: string; status: string; scheduled_at: Date }>(`select channel, status, scheduled_at from notifications where entry_id = $1 and type = 'reminder' order by channel`, [entryId]);

    const { database, config } = t.app.ctx;
    const fast = createAppWorker({ database, signingKey: t.app.ctx.signingKey, config, live: liveBusFor(database), now: () => new Date(Date.now() + FIVE_MINUTES) });
    await fast.drain();
    // Planned by the fast worker, due in 3 minutes by the database: still waiting.
    expect((await reminders()).map((r) => [r.channel, r.status, r.scheduled_at.getTime()])).toEqual([['email', 'pending', start.getTime() - 3600_000], ['in_app', 'pending', start.getTime() - 3600_000]]);
    const [lease] = await database.query<{ late: boolean }>(`select bool_or(last_run_at > now()) as late from job_leases`);
    expect(lease!.late).toBe(false);
    await fast.stop();

    // When the database's clock reaches the time (a stand-in clock here), it goes out once.
    const later = createAppWorker({ database, signingKey: t.app.ctx.signingKey, config, live: liveBusFor(database), periodic: false, databaseClock: async () => new Date((await databaseNow()) + 4 * 60_000) });
    expect(await later.drain()).toBe(2);
    expect((await reminders()).map((r) => r.status)).toEqual(['sent', 'sent']);
    await later.stop();
  });
});
