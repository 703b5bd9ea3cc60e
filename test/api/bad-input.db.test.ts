import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app.js';
import { calendarIdOf, countEntries, entryPayload } from '../support/fixtures.js';

/**
 * Bad input to every route: always a 4xx application/problem+json naming what is wrong, never a
 * 500, and never a write. Each row is [name, who, method, url, body, expected status, field].
 */
let t: TestApp;
let staff: Session;
let other: Session;
let admin: Session;
let cal: string;
let entryId: string;
let privateId: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  other = await t.userSession('staff');
  admin = await t.login(t.admin.email, t.admin.password);
  cal = await calendarIdOf(t, staff, 'coordination');
  entryId = (await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(cal) })).json().id;
  const personal = await calendarIdOf(t, other, 'personal');
  privateId = (await t.as(other, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(personal, { visibility: 'private' }) })).json().id;
});
afterAll(async () => t?.close());

type Who = 'none' | 'staff' | 'admin';
type Row = [string, Who, string, string | (() => string), unknown, number, string | null];
const long = 'x'.repeat(600);
const rows: Row[] = [
  ['login without password', 'none', 'POST', '/api/v1/auth/login', { email: 'a@test.local' }, 400, 'password'],
  ['login with a number as e-mail', 'none', 'POST', '/api/v1/auth/login', { email: 42, password: 'x' }, 400, 'email'],
  ['login with an unknown field', 'none', 'POST', '/api/v1/auth/login', { email: 'a@test.local', password: 'x', admin: true }, 400, 'admin'],
  ['me without auth', 'none', 'GET', '/api/v1/me', undefined, 401, null],
  ['token with an empty name', 'staff', 'POST', '/api/v1/me/tokens', { name: '' }, 400, 'name'],
  ['revoke a token with a malformed id', 'staff', 'DELETE', '/api/v1/me/tokens/not-a-uuid', undefined, 400, 'id'],
  ['revoke an unknown token', 'staff', 'DELETE', '/api/v1/me/tokens/00000000-0000-4000-8000-000000000000', undefined, 404, null],
  ['user with a bad role', 'admin', 'POST', '/api/v1/users', { email: 'n@test.local', name: 'N', role: 'king', password: 'long enough password' }, 400, 'role'],
  ['user with an unknown zone', 'admin', 'POST', '/api/v1/users', { email: 'n@test.local', name: 'N', password: 'long enough password', timeZone: 'Mars/Olympus' }, 400, 'timeZone'],
  ['user with a short password', 'admin', 'POST', '/api/v1/users', { email: 'n@test.local', name: 'N', password: 'short' }, 400, 'password'],
  ['patch an unknown user', 'admin', 'PATCH', '/api/v1/users/00000000-0000-4000-8000-000000000000', { name: 'X' }, 404, null],
  ['calendar with a bad colour', 'admin', 'POST', '/api/v1/calendars', { name: 'Ops', color: 'red' }, 400, 'color'],
  ['calendar by staff', 'staff', 'POST', '/api/v1/calendars', { name: 'Ops' }, 403, null],
  ['access rows with a bad level', 'admin', 'PUT', () => `/api/v1/calendars/${cal}/access`, { items: [{ role: 'staff', level: 'owner' }] }, 400, 'items.0.level'],
  ['access rows for a user of nowhere', 'admin', 'PUT', () => `/api/v1/calendars/${cal}/access`, { items: [{ userId: '00000000-0000-4000-8000-000000000000', level: 'view' }] }, 422, 'items.0.userId'],
  ['entry without auth', 'none', 'POST', '/api/v1/entries', () => entryPayload(cal), 401, null],
  ['entry with a number as title', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { title: 5 }), 400, 'title'],
  ['entry with an unknown field', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { colour: 'red' }), 400, 'colour'],
  ['entry ending before it starts', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { end: '2026-03-02T08:00:00+08:00' }), 400, 'end'],
  ['entry in an unknown zone', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { timeZone: 'Asia/Atlantis' }), 400, 'timeZone'],
  ['entry on a date that does not exist', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { start: '2026-02-30T09:00:00+08:00' }), 400, 'start'],
  ['entry with a time that has no offset', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { start: '2026-03-02T09:00:00' }), 400, 'start'],
  ['all-day entry with times', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { allDay: true }), 400, 'start'],
  ['entry with a malformed calendar id', 'staff', 'POST', '/api/v1/entries', () => entryPayload('12345'), 400, 'calendarId'],
  ['entry in an unknown calendar', 'staff', 'POST', '/api/v1/entries', () => entryPayload('00000000-0000-4000-8000-000000000000'), 422, 'calendarId'],
  ['entry with an oversized title', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { title: long }), 400, 'title'],
  ['entry with a bad visibility', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { visibility: 'secret' }), 400, 'visibility'],
  ['entry with an unknown organizer', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { organizerId: '00000000-0000-4000-8000-000000000000' }), 422, 'organizerId'],
  ['entry with an unknown community', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { communityId: '00000000-0000-4000-8000-000000000000' }), 422, 'communityId'],
  ['entry with a broken rule', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { rrule: 'FREQ=SOMETIMES' }), 422, 'rrule'],
  ['entry with a broken EXDATE', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { rrule: 'FREQ=DAILY', exdate: ['yesterday'] }), 422, 'exdate'],
  ['entry with details that are not an object', 'staff', 'POST', '/api/v1/entries', () => entryPayload(cal, { details: [1, 2] }), 400, 'details'],
  ['get an entry by a malformed id', 'staff', 'GET', '/api/v1/entries/abc', undefined, 400, 'id'],
  ['get an unknown entry', 'staff', 'GET', '/api/v1/entries/00000000-0000-4000-8000-000000000000', undefined, 404, null],
  ["get another user's private entry", 'staff', 'GET', () => `/api/v1/entries/${privateId}`, undefined, 404, null],
  ["change another user's private entry", 'staff', 'PATCH', () => `/api/v1/entries/${privateId}`, { title: 'mine now' }, 404, null],
  ["delete another user's private entry", 'staff', 'DELETE', () => `/api/v1/entries/${privateId}`, undefined, 404, null],
  ['patch with an unknown field', 'staff', 'PATCH', () => `/api/v1/entries/${entryId}`, { owner: 'x' }, 400, 'owner'],
  ['patch that ends before it starts', 'staff', 'PATCH', () => `/api/v1/entries/${entryId}`, { end: '2026-01-01T00:00:00+08:00' }, 400, 'end'],
  ['patch with a malformed If-Match', 'staff', 'PATCH', () => `/api/v1/entries/${entryId}`, { title: 'x' }, 400, 'If-Match'],
  ['calendar without a window', 'staff', 'GET', '/api/v1/calendar', undefined, 400, 'start'],
  ['calendar with a malformed start', 'staff', 'GET', '/api/v1/calendar?start=yesterday&end=2026-01-01', undefined, 400, 'start'],
  ['calendar with a malformed calendar id', 'staff', 'GET', '/api/v1/calendar?start=2026-01-01&end=2026-01-02&calendars=abc', undefined, 400, 'calendars'],
  ['calendar with an unknown module', 'staff', 'GET', '/api/v1/calendar?start=2026-01-01&end=2026-01-02&modules=astrology', undefined, 400, 'modules'],
  ['calendar with an unknown parameter', 'staff', 'GET', '/api/v1/calendar?start=2026-01-01&end=2026-01-02&limit=5', undefined, 400, 'limit'],
  ['calendar without auth', 'none', 'GET', '/api/v1/calendar?start=2026-01-01&end=2026-01-02', undefined, 401, null],
  ['a route that does not exist', 'staff', 'GET', '/api/v1/nothing', undefined, 404, null],
];

describe('bad input never gets a 500 or a write', () => {
  it.each(rows.map((r) => [`${r[0]} → ${r[5]}`, ...r.slice(1)] as Row))('%s', async (_name, who, method, url, body, status, field) => {
    const before = await Promise.all([countEntries(t), t.testDb.database.query('select count(*)::int as n from users')]);
    const session = who === 'staff' ? staff : who === 'admin' ? admin : null;
    const headers: Record<string, string> = method === 'PATCH' && field === 'If-Match' ? { 'if-match': 'yesterday' } : {};
    const payload = typeof body === 'function' ? (body as () => unknown)() : body;
    const response = await t.as(session, { method: method as never, url: typeof url === 'function' ? url() : url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json() as { title: string; detail: string; errors?: { field: string }[] };
    expect(problem.detail.length).toBeGreaterThan(5);
    if (field) expect(problem.errors?.map((e) => e.field).join(' ')).toContain(field);
    const after = await Promise.all([countEntries(t), t.testDb.database.query('select count(*)::int as n from users')]);
    expect(after).toEqual(before);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const huge = await t.as(staff, { method: 'POST', url: '/api/v1/entries', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ title: 'x'.repeat(6 * 1024 * 1024) }) });
    expect(huge.statusCode).toBe(413);
  });
});
