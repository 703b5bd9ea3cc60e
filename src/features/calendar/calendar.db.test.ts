import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';

interface Ev { id: string; title: string; start: string; end: string; allDay: boolean; extendedProps: Record<string, unknown> }

let t: TestApp;
let staff: Session;
let cal: Record<string, string>;
const feed = async (session: Session, query: string): Promise<Ev[]> => {
  const response = await t.as(session, { method: 'GET', url: `/api/v1/calendar?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const create = async (payload: Record<string, unknown>) => {
  const response = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
};

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  cal = {};
  for (const m of ['coordination', 'mana', 'staff', 'community']) cal[m] = await calendarIdOf(t, staff, m);
});
afterAll(async () => t?.close());

describe('the calendar range query', () => {
  it('expands a weekly series only inside the window, each occurrence with a stable id', async () => {
    const series = await create(entryPayload(cal.coordination!, { title: 'Weekly sync', rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '2026-01-05T09:00:00+08:00', end: '2026-01-05T10:00:00+08:00' }));
    const events = (await feed(staff, 'start=2026-03-01T00:00:00%2B08:00&end=2026-03-22T00:00:00%2B08:00')).filter((e) => e.extendedProps.entryId === series.id);
    expect(events.map((e) => e.start)).toEqual(['2026-03-02T09:00:00+08:00', '2026-03-09T09:00:00+08:00', '2026-03-16T09:00:00+08:00']);
    expect(events[0]).toMatchObject({ id: `${series.id}:2026-03-02T09:00:00`, extendedProps: { seriesId: series.id, recurrenceId: '2026-03-02T09:00:00' } });
  });

  it('keeps a New York 09:00 series at 09:00 local across the DST change', async () => {
    const series = await create(entryPayload(cal.coordination!, { title: 'Liaison call', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;COUNT=4', start: '2026-03-01T09:00:00-05:00', end: '2026-03-01T09:30:00-05:00' }));
    const events = (await feed(staff, 'start=2026-02-28&end=2026-04-01')).filter((e) => e.extendedProps.entryId === series.id);
    expect(events.map((e) => e.start)).toEqual(['2026-03-01T09:00:00-05:00', '2026-03-08T09:00:00-04:00', '2026-03-15T09:00:00-04:00', '2026-03-22T09:00:00-04:00']);
  });

  it('lists an entry that began before the window and is still running, and not one that ended at its start', async () => {
    const running = await create(entryPayload(cal.mana!, { title: 'Overnight data collection', start: '2026-04-30T20:00:00+08:00', end: '2026-05-01T06:00:00+08:00' }));
    const ended = await create(entryPayload(cal.mana!, { title: 'Ends at midnight', start: '2026-04-30T22:00:00+08:00', end: '2026-05-01T00:00:00+08:00' }));
    const ids = (await feed(staff, 'start=2026-05-01&end=2026-05-02')).map((e) => e.extendedProps.entryId);
    expect(ids).toContain(running.id);
    expect(ids).not.toContain(ended.id);
  });

  it('filters by module, priority, status, organizer and full text', async () => {
    const urgent = await create(entryPayload(cal.staff!, { title: 'Leave approval deadline', start: '2026-07-01T09:00:00+08:00', end: '2026-07-01T09:30:00+08:00', priority: 'urgent', status: 'pending_approval' }));
    const other = await create(entryPayload(cal.community!, { title: 'Kanduli thanksgiving feast', start: '2026-07-01T10:00:00+08:00', end: '2026-07-01T12:00:00+08:00' }));
    const window = 'start=2026-07-01&end=2026-07-02';
    const idsFor = async (q: string) => (await feed(staff, `${window}&${q}`)).map((e) => e.extendedProps.entryId);
    expect(await idsFor('modules=staff')).toEqual([urgent.id]);
    expect(await idsFor('modules=staff,community')).toEqual([urgent.id, other.id]);
    expect(await idsFor('priority=urgent')).toEqual([urgent.id]);
    expect(await idsFor('status=pending_approval')).toEqual([urgent.id]);
    expect(await idsFor(`organizer=${staff.userId}`)).toEqual([urgent.id, other.id]);
    expect(await idsFor('q=kanduli')).toEqual([other.id]);
    expect(await idsFor(`calendars=${cal.community}`)).toEqual([other.id]);
  });

  it('filters by community at any level of the directory', async () => {
    const db = t.testDb.database;
    const [region] = await db.query<{ id: string }>(`insert into communities (organization_id, level, name, path) values ($1, 'region', 'BARMM', '{}') returning id`, [t.organizationId]);
    await db.query('update communities set path = array[id] where id = $1', [region!.id]);
    const [barangay] = await db.query<{ id: string }>(`insert into communities (organization_id, parent_id, level, name, path) values ($1, $2, 'barangay', 'Tamontaka', array[$2::uuid]) returning id`, [t.organizationId, region!.id]);
    await db.query('update communities set path = path || id where id = $1', [barangay!.id]);
    const entry = await create(entryPayload(cal.community!, { title: 'Barangay assembly', communityId: barangay!.id, start: '2026-08-03T09:00:00+08:00', end: '2026-08-03T11:00:00+08:00' }));
    for (const community of [region!.id, barangay!.id]) {
      expect((await feed(staff, `start=2026-08-03&end=2026-08-04&community=${community}`)).map((e) => e.extendedProps.entryId)).toEqual([entry.id]);
    }
  });

  it('answers 304 to If-None-Match when nothing changed, and 200 after a change', async () => {
    const url = '/api/v1/calendar?start=2026-03-01&end=2026-04-01';
    const first = await t.as(staff, { method: 'GET', url });
    const etag = first.headers.etag as string;
    expect((await t.as(staff, { method: 'GET', url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    await create(entryPayload(cal.coordination!, { title: 'New in March', start: '2026-03-20T09:00:00+08:00', end: '2026-03-20T10:00:00+08:00' }));
    expect((await t.as(staff, { method: 'GET', url, headers: { 'if-none-match': etag } })).statusCode).toBe(200);
  });

  it('refuses windows that are backwards (400) or longer than five years (422)', async () => {
    const backwards = await t.as(staff, { method: 'GET', url: '/api/v1/calendar?start=2026-03-02&end=2026-03-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('end');
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/calendar?start=2020-01-01&end=2030-01-02' })).statusCode).toBe(422);
  });
});
