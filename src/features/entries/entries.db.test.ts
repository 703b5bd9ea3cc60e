import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';

let t: TestApp;
let staff: Session;
let coordination: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  coordination = await calendarIdOf(t, staff, 'coordination');
});
afterAll(async () => t?.close());

describe('entries', () => {
  it('creates an entry and reads it back in its zone with an ETag (201, 200)', async () => {
    const created = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(coordination, { location: 'Barangay hall', priority: 'high', details: { agenda: 'water supply' } }) });
    expect(created.statusCode).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({
      title: 'Coordination meeting with barangay officials', start: '2026-03-02T09:00:00+08:00', end: '2026-03-02T10:30:00+08:00',
      timeZone: 'Asia/Manila', module: 'coordination', kind: 'event', status: 'scheduled', priority: 'high', visibility: 'internal',
      organizerId: staff.userId, details: { agenda: 'water supply' }, version: 1, canEdit: true,
    });
    const read = await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
  });

  it('keeps an all-day entry on its dates, end exclusive', async () => {
    const created = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(coordination, { allDay: true, start: '2026-06-12', end: '2026-06-13', title: 'Independence Day' }) });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ allDay: true, start: '2026-06-12', end: '2026-06-13' });
  });

  it('honours If-Match: a stale version is refused (412) and nothing changes', async () => {
    const entry = (await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(coordination) })).json();
    const first = await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${entry.id}`, headers: { 'if-match': '"1"' }, payload: { title: 'Moved meeting', start: '2026-03-03T09:00:00+08:00', end: '2026-03-03T10:00:00+08:00' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ title: 'Moved meeting', version: 2, sequence: 1, start: '2026-03-03T09:00:00+08:00' });
    const stale = await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${entry.id}`, headers: { 'if-match': '"1"' }, payload: { title: 'Lost update' } });
    expect(stale.statusCode).toBe(412);
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}` })).json().title).toBe('Moved meeting');
  });

  it('deletes an entry: it is gone from reads (204, then 404)', async () => {
    const entry = (await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(coordination) })).json();
    expect((await t.as(staff, { method: 'DELETE', url: `/api/v1/entries/${entry.id}` })).statusCode).toBe(204);
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}` })).statusCode).toBe(404);
  });

  it('refuses a rule that names its bad part (422) and a rule with no occurrence (422)', async () => {
    const bad = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(coordination, { rrule: 'FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO' }) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'rrule', message: expect.stringContaining('BYSETPOS') });
    const never = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(coordination, { rrule: 'FREQ=DAILY;COUNT=1', exdate: ['2026-03-02T09:00:00'] }) });
    expect(never.statusCode).toBe(422);
  });
});

describe('who may do what with entries', () => {
  it('keeps a viewer from creating or changing entries (403)', async () => {
    const viewer = await t.userSession('viewer');
    expect((await t.as(viewer, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(coordination) })).statusCode).toBe(403);
    const entry = (await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(coordination) })).json();
    expect((await t.as(viewer, { method: 'GET', url: `/api/v1/entries/${entry.id}` })).json().canEdit).toBe(false);
    expect((await t.as(viewer, { method: 'PATCH', url: `/api/v1/entries/${entry.id}`, payload: { title: 'x' } })).statusCode).toBe(403);
    expect((await t.as(viewer, { method: 'DELETE', url: `/api/v1/entries/${entry.id}` })).statusCode).toBe(403);
  });

  it("hides another user's personal and private entries: 404 for details, busy in the calendar", async () => {
    const owner = await t.userSession('staff');
    const other = await t.userSession('staff');
    const personal = await calendarIdOf(t, owner, 'personal');
    const entry = (await t.as(owner, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(personal, { title: 'Doctor appointment', visibility: 'private', location: 'Clinic' }) })).json();
    expect((await t.as(other, { method: 'GET', url: `/api/v1/entries/${entry.id}` })).statusCode).toBe(404);
    expect((await t.as(other, { method: 'PATCH', url: `/api/v1/entries/${entry.id}`, payload: { title: 'x' } })).statusCode).toBe(404);
    const feed = (await t.as(other, { method: 'GET', url: '/api/v1/calendar?start=2026-03-02&end=2026-03-03' })).json() as { title: string; extendedProps: { entryId: string; busyOnly: boolean; location: string | null } }[];
    const seen = feed.find((e) => e.extendedProps.entryId === entry.id)!;
    expect(seen).toMatchObject({ title: 'Busy', extendedProps: { busyOnly: true, location: null } });
    expect(JSON.stringify(feed)).not.toContain('Doctor');
    // The owner sees everything.
    expect((await t.as(owner, { method: 'GET', url: `/api/v1/entries/${entry.id}` })).json().title).toBe('Doctor appointment');
  });

  it("refuses writing into someone else's personal calendar (403)", async () => {
    const owner = await t.userSession('staff');
    const personal = await calendarIdOf(t, owner, 'personal');
    expect((await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(personal) })).statusCode).toBe(403);
  });
});
