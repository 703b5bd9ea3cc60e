import { gunzipSync } from 'node:zlib';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf } from '../../../test/support/fixtures.js';
import { OVERRIDE_TITLE, PRIVATE_TITLE, privateSeriesSharedWith } from '../../../test/support/private-series.js';

let t: TestApp;
let owner: Session;
let colleague: Session;
let sharedCalendar: string;
let ownCalendar: string;

/** Next Monday, so that every test entry falls inside a feed's window (90 days back, 18 months ahead). */
const monday = (() => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
})();

interface Made { id: string; url: string; webcalUrl: string }
const makeFeed = async (session: Session, payload: Record<string, unknown>): Promise<Made> => {
  const response = await t.as(session, { method: 'POST', url: '/api/v1/feeds', payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Made;
};
/** The feed URL read the way a calendar app reads it: no cookie, no token. */
const poll = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: new URL(url).pathname, headers });
const summaries = (body: string) => new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://calendar.example.org', FEED_RATE_LIMIT: '8' });
  owner = await t.userSession('staff');
  colleague = await t.userSession('staff');
  ({ calendarId: sharedCalendar } = await privateSeriesSharedWith(t, owner, colleague, monday));
  ownCalendar = await calendarIdOf(t, colleague, 'personal');
  const made = await t.as(colleague, {
    method: 'POST', url: '/api/v1/entries',
    payload: { calendarId: ownCalendar, title: 'Site visit', description: 'Bring the forms', location: 'Barangay hall', start: `${monday}T08:00:00+08:00`, end: `${monday}T09:00:00+08:00` },
  });
  expect(made.statusCode, made.body).toBe(201);
});
afterAll(async () => t?.close());

describe('subscription URLs', () => {
  it('makes an https URL holding a secret of at least 128 bits, stored only as a hash, and never lists it again (201)', async () => {
    const feed = await makeFeed(colleague, { name: 'My week', detail: 'full' });
    expect(feed.url).toMatch(/^https:\/\/calendar\.example\.org\/feeds\/kf_[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.webcalUrl).toBe(feed.url.replace('https://', 'webcal://'));
    const secret = /feeds\/(.+)\.ics$/.exec(feed.url)![1]!;
    const stored = await t.testDb.database.query<Record<string, unknown>>('select * from feeds where id = $1', [feed.id]);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await t.as(colleague, { method: 'GET', url: '/api/v1/feeds' });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(secret);
    expect((listed.json() as { items: { id: string }[] }).items.map((f) => f.id)).toContain(feed.id);
    expect((await t.as(owner, { method: 'GET', url: '/api/v1/feeds' })).body).not.toContain(feed.id);
  });

  it('serves the calendar without a session: series stay series, VTIMEZONE, name and refresh interval; 304 when unchanged (200)', async () => {
    const feed = await makeFeed(owner, { name: 'Owner calendar', detail: 'full', calendars: [sharedCalendar] });
    const first = await poll(feed.url);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(first.body).toContain('X-WR-CALNAME:Owner calendar');
    expect(first.body).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M');
    expect(first.body).toContain('X-PUBLISHED-TTL:PT60M');
    expect(first.body).toContain('BEGIN:VTIMEZONE');
    expect(first.body).toContain('RRULE:FREQ=WEEKLY;COUNT=4');
    expect(first.body).toMatch(/RECURRENCE-ID;TZID=Asia\/Manila:\d{8}T090000/);
    expect(summaries(first.body)).toEqual(expect.arrayContaining([PRIVATE_TITLE, OVERRIDE_TITLE, 'Team lunch']));
    const etag = first.headers.etag as string;
    expect((await poll(feed.url, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await poll(feed.url, { 'if-modified-since': first.headers['last-modified'] as string })).statusCode).toBe(304);
    const added = await t.as(owner, { method: 'POST', url: '/api/v1/entries', payload: { calendarId: sharedCalendar, title: 'Added later', start: `${monday}T16:00:00+08:00`, end: `${monday}T17:00:00+08:00` } });
    expect(added.statusCode).toBe(201);
    const changed = await poll(feed.url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(summaries(changed.body)).toContain('Added later');
  });

  it('compresses with gzip when asked (200)', async () => {
    const feed = await makeFeed(owner, { name: 'Zipped', detail: 'full' });
    const response = await poll(feed.url, { 'accept-encoding': 'gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString('utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('shows busy blocks, titles or everything as chosen, and others\' private entries (overrides too) only as busy', async () => {
    const busy = await poll((await makeFeed(colleague, { name: 'Busy', detail: 'busy' })).url);
    expect(busy.body).not.toContain('Site visit');
    expect(summaries(busy.body).every((s) => s === 'Busy')).toBe(true);
    const titles = await poll((await makeFeed(colleague, { name: 'Titles', detail: 'titles' })).url);
    expect(summaries(titles.body)).toContain('Site visit');
    expect(titles.body).not.toContain('Bring the forms');
    expect(titles.body).not.toContain('Barangay hall');
    const full = await poll((await makeFeed(colleague, { name: 'Full', detail: 'full' })).url);
    expect(full.body).toContain('Bring the forms');
    expect(summaries(full.body)).toContain('Team lunch');
    expect(full.body).not.toContain('Medical');
    expect(full.body).not.toContain('Cardiology');
  });

  it('keeps to its saved filters', async () => {
    const feed = await makeFeed(colleague, { name: 'Lunches', detail: 'full', filters: { q: 'lunch' } });
    expect(summaries((await poll(feed.url)).body)).toEqual(['Team lunch']);
  });

  it('empties when the owner loses access to the calendar, and when the owner is deactivated', async () => {
    const feed = await makeFeed(colleague, { name: 'Shared', detail: 'full', calendars: [sharedCalendar] });
    expect(summaries((await poll(feed.url)).body)).toContain('Team lunch');
    const unshared = await t.as(owner, { method: 'PUT', url: `/api/v1/calendars/${sharedCalendar}/access`, payload: { items: [] } });
    expect(unshared.statusCode).toBe(200);
    // A colleague's personal calendar stays visible as free/busy: busy blocks only.
    expect(summaries((await poll(feed.url)).body).every((s) => s === 'Busy')).toBe(true);
    await t.as(owner, { method: 'PUT', url: `/api/v1/calendars/${sharedCalendar}/access`, payload: { items: [{ userId: colleague.userId, level: 'view' }] } });
    const other = await t.userSession('staff');
    const theirs = await makeFeed(other, { name: 'Mine', detail: 'full' });
    const admin = await t.login(t.admin.email, t.admin.password);
    const deactivated = await t.as(admin, { method: 'PATCH', url: `/api/v1/users/${other.userId}`, payload: { isActive: false } });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    const emptied = await poll(theirs.url);
    expect(emptied.statusCode).toBe(200);
    expect(summaries(emptied.body)).toEqual([]);
  });

  it('answers 410 once revoked and 404 for the old secret once rotated', async () => {
    const revoked = await makeFeed(colleague, { name: 'Revoked', detail: 'busy' });
    expect((await t.as(colleague, { method: 'DELETE', url: `/api/v1/feeds/${revoked.id}` })).statusCode).toBe(204);
    const gone = await poll(revoked.url);
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    const rotated = await makeFeed(colleague, { name: 'Rotated', detail: 'busy' });
    const fresh = await t.as(colleague, { method: 'POST', url: `/api/v1/feeds/${rotated.id}/rotate` });
    expect(fresh.statusCode).toBe(200);
    expect((await poll(rotated.url)).statusCode).toBe(404);
    expect((await poll((fresh.json() as Made).url)).statusCode).toBe(200);
  });

  it('refuses bad input naming the field, and others\' feeds are 404', async () => {
    const noDetail = await t.as(colleague, { method: 'POST', url: '/api/v1/feeds', payload: { name: 'x' } });
    expect(noDetail.statusCode).toBe(400);
    expect(noDetail.json().errors[0].field).toBe('detail');
    const other = await t.userSession('staff');
    const admin = await t.login(t.admin.email, t.admin.password);
    const closed = (await t.as(admin, { method: 'POST', url: '/api/v1/calendars', payload: { name: 'Board only' } })).json() as { id: string };
    const hidden = await t.as(other, { method: 'POST', url: '/api/v1/feeds', payload: { name: 'x', detail: 'full', calendars: [ownCalendar, closed.id] } });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors[0].field).toBe('calendars.1');
    const mine = await makeFeed(colleague, { name: 'Mine', detail: 'busy' });
    expect((await t.as(other, { method: 'DELETE', url: `/api/v1/feeds/${mine.id}` })).statusCode).toBe(404);
    expect((await t.as(other, { method: 'POST', url: `/api/v1/feeds/${mine.id}/rotate` })).statusCode).toBe(404);
    expect((await poll(mine.url)).statusCode).toBe(200);
    for (const path of ['/feeds/nothing.ics', '/feeds/kf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', '/feeds/..%2F..%2Fetc%2Fpasswd']) {
      expect((await t.app.inject({ method: 'GET', url: path })).statusCode, path).toBe(404);
    }
  });

  it('limits how often one URL is read (429)', async () => {
    const feed = await makeFeed(colleague, { name: 'Polled', detail: 'busy' });
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await poll(feed.url)).statusCode);
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    expect(statuses[8]).toBe(429);
    const another = await makeFeed(colleague, { name: 'Another', detail: 'busy' });
    expect((await poll(another.url)).statusCode).toBe(200);
  });
});
