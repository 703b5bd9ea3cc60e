import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
let admin: Session;
let staff: Session;
let viewer: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(t.admin.email, t.admin.password);
  staff = await t.userSession('staff');
  viewer = await t.userSession('viewer');
  let parentId: string | null = null;
  for (const [level, name] of [['region', 'BARMM'], ['province', 'Maguindanao del Norte'], ['municipality', 'Datu Odin Sinsuat'], ['barangay', 'Dinaig Proper']] as const) {
    const r = await t.as(admin, { method: 'POST', url: '/api/v1/communities', payload: { name, level, parentId } });
    parentId = ids[level] = r.json().id;
  }
});
afterAll(async () => t?.close());

const post = (session: Session, communityId: string, body: Record<string, unknown>) =>
  t.as(session, { method: 'POST', url: `/api/v1/communities/${communityId}/observances`, payload: body });
const list = async (communityId: string, start: string, end: string) =>
  (await t.as(viewer, { method: 'GET', url: `/api/v1/communities/${communityId}/observances?start=${start}&end=${end}` })).json() as { title: string; start: string; allDay: boolean }[];

describe('community observances', () => {
  it('adds a yearly observance to the community calendar, linked to the community', async () => {
    const response = await post(staff, ids.barangay!, { title: 'Dinaig Founding Day', date: '2026-03-15', rrule: 'FREQ=YEARLY' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ module: 'community', kind: 'observance', allDay: true, communityId: ids.barangay, visibility: 'public', start: '2026-03-15', end: '2026-03-16' });
    const calendars = (await t.as(staff, { method: 'GET', url: '/api/v1/calendars' })).json().items as { id: string; module: string | null }[];
    expect(response.json().calendarId).toBe(calendars.find((c) => c.module === 'community')!.id);
    const events = await list(ids.barangay!, '2026-01-01', '2029-01-01');
    expect(events.map((e) => e.start)).toEqual(['2026-03-15', '2027-03-15', '2028-03-15']);
  });

  it('follows the Hijri calendar with RSCALE (Eid al-Fitr, 1 Shawwal)', async () => {
    const response = await post(staff, ids.province!, { title: 'Hariraya Puasa', date: '2026-03-20', rrule: 'RSCALE=ISLAMIC-CIVIL;FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1', observanceType: 'islamic' });
    expect(response.statusCode, response.body).toBe(201);
    const starts = (await list(ids.province!, '2026-01-01', '2029-01-01')).filter((e) => e.title === 'Hariraya Puasa').map((e) => e.start);
    // about 11 days earlier each Gregorian year
    expect(starts).toEqual(['2026-03-20', '2027-03-10', '2028-02-27']);
  });

  it('lists the observances inside a region, not those elsewhere', async () => {
    const other = (await t.as(admin, { method: 'POST', url: '/api/v1/communities', payload: { name: 'Region XII', level: 'region' } })).json().id as string;
    await post(staff, other, { title: 'T’nalak Festival', date: '2026-07-18' });
    const inRegion = (await list(ids.region!, '2026-01-01', '2027-01-01')).map((e) => e.title);
    expect(inRegion).toContain('Dinaig Founding Day');
    expect(inRegion).not.toContain('T’nalak Festival');
    expect((await list(other, '2026-01-01', '2027-01-01')).map((e) => e.title)).toEqual(['T’nalak Festival']);
  });

  it('refuses viewers (403), unknown communities (404) and a broken rule (422 on rrule)', async () => {
    expect((await post(viewer, ids.barangay!, { title: 'X', date: '2026-05-01' })).statusCode).toBe(403);
    expect((await post(staff, '00000000-0000-4000-8000-000000000000', { title: 'X', date: '2026-05-01' })).statusCode).toBe(404);
    const broken = await post(staff, ids.barangay!, { title: 'X', date: '2026-05-01', rrule: 'RSCALE=KLINGON;FREQ=YEARLY' });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors[0].field).toBe('rrule');
  });
});
