import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, countEntries, entryPayload } from '../../../test/support/fixtures.js';

/**
 * Bad input to the communities, observances, holidays and integration routes: a 4xx
 * application/problem+json naming the field, never a 500, and nothing written.
 * Each row is [name, who, method, url, body, expected status, field].
 */
let t: TestApp;
let staff: Session;
let admin: Session;
let cal: string;
let region: string;
let barangay: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  admin = await t.login(t.admin.email, t.admin.password);
  cal = await calendarIdOf(t, staff, 'coordination');
  let parentId: string | null = null;
  for (const level of ['region', 'province', 'municipality', 'barangay']) {
    parentId = (await t.as(admin, { method: 'POST', url: '/api/v1/communities', payload: { name: `Bad-input ${level}`, level, parentId } })).json().id;
    if (level === 'region') region = parentId!;
  }
  barangay = parentId!;
});
afterAll(async () => t?.close());

type Who = 'none' | 'staff' | 'admin';
type Row = [string, Who, string, string | (() => string), unknown, number, string | null];
const none = '00000000-0000-4000-8000-000000000000';
const rows: Row[] = [
  ['community without auth', 'none', 'POST', '/api/v1/communities', { name: 'X', level: 'region' }, 401, null],
  ['community with an unknown level', 'admin', 'POST', '/api/v1/communities', { name: 'X', level: 'sitio' }, 400, 'level'],
  ['community without a name', 'admin', 'POST', '/api/v1/communities', { name: ' ', level: 'region' }, 400, 'name'],
  ['community with a latitude past the pole', 'admin', 'POST', '/api/v1/communities', { name: 'X', level: 'region', latitude: 91, longitude: 124 }, 400, 'latitude'],
  ['community with a longitude out of range', 'admin', 'POST', '/api/v1/communities', { name: 'X', level: 'region', latitude: 7, longitude: 181 }, 400, 'longitude'],
  ['community with half a position', 'admin', 'POST', '/api/v1/communities', { name: 'X', level: 'region', latitude: 7 }, 400, 'longitude'],
  ['community with a text latitude', 'admin', 'POST', '/api/v1/communities', { name: 'X', level: 'region', latitude: '7', longitude: 124 }, 400, 'latitude'],
  ['community with an unknown field', 'admin', 'POST', '/api/v1/communities', { name: 'X', level: 'region', population: 5 }, 400, 'population'],
  ['community with a malformed parent', 'admin', 'POST', '/api/v1/communities', { name: 'X', level: 'province', parentId: 'abc' }, 400, 'parentId'],
  ['barangay under a region', 'admin', 'POST', '/api/v1/communities', () => ({ name: 'X', level: 'barangay', parentId: region }), 422, 'parentId'],
  ['province under nothing', 'admin', 'POST', '/api/v1/communities', { name: 'X', level: 'province' }, 422, 'parentId'],
  ['community list with a bad level', 'staff', 'GET', '/api/v1/communities?level=sitio', undefined, 400, 'level'],
  ['community list with a bad parent', 'staff', 'GET', '/api/v1/communities?parent=abc', undefined, 400, 'parent'],
  ['community list with a forged cursor', 'staff', 'GET', '/api/v1/communities?cursor=bm9wZQ', undefined, 400, 'cursor'],
  ['community list with a huge limit', 'staff', 'GET', '/api/v1/communities?limit=100000', undefined, 400, 'limit'],
  ['get a community by a malformed id', 'staff', 'GET', '/api/v1/communities/abc', undefined, 400, 'id'],
  ['get an unknown community', 'staff', 'GET', `/api/v1/communities/${none}`, undefined, 404, null],
  ['move a barangay under a region', 'admin', 'PATCH', () => `/api/v1/communities/${barangay}`, () => ({ parentId: region }), 422, 'parentId'],
  ['patch a lone latitude', 'admin', 'PATCH', () => `/api/v1/communities/${barangay}`, { latitude: 7 }, 400, 'longitude'],
  ['turn a region into a barangay under nothing', 'admin', 'PATCH', () => `/api/v1/communities/${region}`, { level: 'barangay', parentId: none }, 422, 'parentId'],
  ['patch a community as staff', 'staff', 'PATCH', () => `/api/v1/communities/${barangay}`, { name: 'Mine' }, 403, null],
  ['delete a community with communities under it', 'admin', 'DELETE', () => `/api/v1/communities/${region}`, undefined, 409, null],
  ['observance without a date', 'staff', 'POST', () => `/api/v1/communities/${barangay}/observances`, { title: 'Kanduli' }, 400, 'date'],
  ['observance on a date that does not exist', 'staff', 'POST', () => `/api/v1/communities/${barangay}/observances`, { title: 'Kanduli', date: '2026-02-30' }, 400, 'date'],
  ['observance ending before it starts', 'staff', 'POST', () => `/api/v1/communities/${barangay}/observances`, { title: 'Kanduli', date: '2026-05-02', endDate: '2026-05-01' }, 400, 'endDate'],
  ['observance with a broken rule', 'staff', 'POST', () => `/api/v1/communities/${barangay}/observances`, { title: 'Kanduli', date: '2026-05-02', rrule: 'FREQ=YEARLY;BYMONTH=13' }, 422, 'rrule'],
  ['observance with a bad type', 'staff', 'POST', () => `/api/v1/communities/${barangay}/observances`, { title: 'Kanduli', date: '2026-05-02', observanceType: 'party' }, 400, 'observanceType'],
  ['observance of an unknown community', 'staff', 'POST', `/api/v1/communities/${none}/observances`, { title: 'Kanduli', date: '2026-05-02' }, 404, null],
  ['observances without a window', 'staff', 'GET', () => `/api/v1/communities/${barangay}/observances`, undefined, 400, 'start'],
  ['holiday sync by staff', 'staff', 'POST', '/api/v1/holidays/sync', { fromYear: 2026, toYear: 2026 }, 403, null],
  ['holiday sync over too many years', 'admin', 'POST', '/api/v1/holidays/sync', { fromYear: 2000, toYear: 2050 }, 400, 'toYear'],
  ['holiday sync with a text year', 'admin', 'POST', '/api/v1/holidays/sync', { fromYear: '2026', toYear: 2026 }, 400, 'fromYear'],
  ['holiday sync in the stone age', 'admin', 'POST', '/api/v1/holidays/sync', { fromYear: 1200, toYear: 1201 }, 400, 'fromYear'],
  ['source entry with a bad system name', 'staff', 'PUT', '/api/v1/sources/HR%20System/entries/1', () => entryPayload(cal), 400, 'system'],
  ['source entry with a system name too long', 'staff', 'PUT', `/api/v1/sources/${'s'.repeat(41)}/entries/1`, () => entryPayload(cal), 400, 'system'],
  ['source entry with a control character in its id', 'staff', 'PUT', '/api/v1/sources/hris/entries/a%01b', () => entryPayload(cal), 400, 'externalId'],
  ['source entry with a number as title', 'staff', 'PUT', '/api/v1/sources/hris/entries/1', () => entryPayload(cal, { title: 5 }), 400, 'title'],
  ['source entry with an unknown field', 'staff', 'PUT', '/api/v1/sources/hris/entries/1', () => entryPayload(cal, { colour: 'red' }), 400, 'colour'],
  ['source entry ending before it starts', 'staff', 'PUT', '/api/v1/sources/hris/entries/1', () => entryPayload(cal, { end: '2026-03-02T08:00:00+08:00' }), 400, 'end'],
  ['source entry in an unknown calendar', 'staff', 'PUT', '/api/v1/sources/hris/entries/1', () => entryPayload(none), 422, 'calendarId'],
  ['source entry at an unknown community', 'staff', 'PUT', '/api/v1/sources/hris/entries/1', () => entryPayload(cal, { communityId: none }), 422, 'communityId'],
  ['source entry with a broken rule', 'staff', 'PUT', '/api/v1/sources/hris/entries/1', () => entryPayload(cal, { rrule: 'FREQ=SOMETIMES' }), 422, 'rrule'],
  ['source entry without auth', 'none', 'PUT', '/api/v1/sources/hris/entries/1', () => entryPayload(cal), 401, null],
  ['delete a source entry never sent', 'staff', 'DELETE', '/api/v1/sources/hris/entries/never', undefined, 404, null],
  ['delete with a bad system name', 'staff', 'DELETE', '/api/v1/sources/a.b/entries/1', undefined, 400, 'system'],
];

describe('bad input to the directory, holidays and integration routes', () => {
  it.each(rows.map((r) => [`${r[0]} → ${r[5]}`, ...r.slice(1)] as Row))('%s', async (_name, who, method, url, body, status, field) => {
    const count = () => Promise.all([countEntries(t), t.testDb.database.query('select count(*)::int as n, max(name) as m, array_agg(path::text order by id) as p from communities')]);
    const before = await count();
    const session = who === 'staff' ? staff : who === 'admin' ? admin : null;
    const payload = typeof body === 'function' ? (body as () => unknown)() : body;
    const response = await t.as(session, { method: method as never, url: typeof url === 'function' ? url() : url, ...(payload === undefined ? {} : { payload: payload as object }) });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json() as { detail: string; errors?: { field: string }[] };
    expect(problem.detail.length).toBeGreaterThan(5);
    if (field) expect(problem.errors?.map((e) => e.field).join(' ')).toContain(field);
    expect(await count()).toEqual(before);
  });
});
