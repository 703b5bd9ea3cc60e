import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { enqueueNotification } from './enqueue.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('enqueueNotification', () => {
  it('writes one outbox row per wanted channel, once per dedupe key, and only when the transaction commits', async () => {
    const staff = await t.userSession('staff');
    const { db } = t.testDb.database;
    const intent = { organizationId: t.organizationId, recipientUserId: staff.userId, type: 'leave_decision' as const, dedupeKey: 'leave:1:approved', payload: { title: 'Leave approved' } };
    await db.transaction((tx) => enqueueNotification(tx, intent));
    await db.transaction((tx) => enqueueNotification(tx, intent));
    await db
      .transaction(async (tx) => {
        await enqueueNotification(tx, { ...intent, dedupeKey: 'leave:2:approved' });
        throw new Error('rolled back');
      })
      .catch(() => {});
    await db.transaction((tx) => enqueueNotification(tx, { organizationId: t.organizationId, recipientEmail: 'guest@example.org', type: 'invitation', dedupeKey: 'invitation:p1' }));
    const rows = await t.testDb.database.query<{ dedupe_key: string; channel: string; status: string }>(
      'select dedupe_key, channel, status from notifications order by dedupe_key, channel',
    );
    expect(rows).toEqual([
      { dedupe_key: 'invitation:p1', channel: 'email', status: 'pending' },
      { dedupe_key: 'leave:1:approved', channel: 'email', status: 'pending' },
      { dedupe_key: 'leave:1:approved', channel: 'in_app', status: 'pending' },
      { dedupe_key: 'leave:1:approved', channel: 'push', status: 'pending' },
    ]);
  });
});
