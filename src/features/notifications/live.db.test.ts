import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { createLiveBus, type LiveEvent } from './live.js';

const url = process.env.DATABASE_URL;
let a: TestDatabase;
let b: TestDatabase;
beforeAll(async () => {
  if (!url) return;
  a = await createTestDatabase();
  b = await createTestDatabase();
});
afterAll(async () => {
  await a?.drop();
  await b?.drop();
});

describe.skipIf(!url)('live fan-out across instances (PostgreSQL LISTEN/NOTIFY)', () => {
  it('delivers an event published through one connection pool to the subscriber of another', async () => {
    const listener = createLiveBus(a.database);
    const publisher = createLiveBus(b.database);
    const got: LiveEvent[] = [];
    const userId = crypto.randomUUID();
    listener.subscribe(userId, (e) => got.push(e));
    listener.subscribe(crypto.randomUUID(), () => got.push({ userId: 'wrong', id: '', type: '', title: '' }));
    // The LISTEN connection opens on the first subscription; give it a moment.
    for (let i = 0; i < 50 && got.length === 0; i++) {
      await publisher.publish({ userId, id: `n${i}`, type: 'reminder', title: 'Hello' });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((e) => e.userId === userId && e.title === 'Hello')).toBe(true);
    await listener.close();
    await publisher.close();
  });

  it('hears events again after its LISTEN connection was cut (open streams keep working)', async () => {
    const listener = createLiveBus(a.database);
    const publisher = createLiveBus(b.database);
    const userId = crypto.randomUUID();
    const got: string[] = [];
    listener.subscribe(userId, (e) => got.push(e.id));
    await listener.heard();
    await publisher.publish({ userId, id: 'before', type: 'reminder', title: 'Hello' });
    await expect.poll(() => got).toEqual(['before']);
    // The server drops the listening session (a restart, a failover, an idle cut by a proxy).
    await a.database.query(`select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen "kalendaryo_notifications"' and pid <> pg_backend_pid()`);
    await expect.poll(async () => {
      await publisher.publish({ userId, id: 'after', type: 'reminder', title: 'Hello' });
      return got.includes('after');
    }, { interval: 200 }).toBe(true);
    await listener.close();
    await publisher.close();
  });
});
