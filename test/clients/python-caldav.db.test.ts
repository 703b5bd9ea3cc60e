import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { calendarIdOf } from '../support/fixtures.js';
import { type DavUser, davUser, eventIcs } from '../../src/features/caldav/test-helpers.js';
import { caldavStep, type ClientAccount, scratch } from './run.js';

let t: TestApp;
let user: DavUser;
let account: ClientAccount;
const files = scratch('kal-caldav-');

const restTitles = async (start: string, end: string) =>
  ((await t.as(user, { method: 'GET', url: `/api/v1/calendar?start=${start}&end=${end}&calendars=${account.calendarId}` })).json() as { title: string }[]).map((e) => e.title);

beforeAll(async () => {
  t = await createTestApp();
  user = await davUser(t);
  const calendarId = await calendarIdOf(t, user, 'personal');
  const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  account = { baseUrl: `${baseUrl}/`, email: user.email, token: user.token, calendarId };
  const made = await t.as(user, {
    method: 'POST', url: '/api/v1/entries',
    payload: { calendarId, title: 'Weekly coordination', start: '2026-03-02T09:00:00+08:00', end: '2026-03-02T10:00:00+08:00', rrule: 'FREQ=WEEKLY;COUNT=4' },
  });
  expect(made.statusCode).toBe(201);
});
afterAll(async () => {
  files.remove();
  await t?.close();
});

describe('python3-caldav against Kalendaryo', () => {
  it('discovers the calendars from the site root with an e-mail and a personal token', async () => {
    const found = await caldavStep(account, 'discover');
    expect(found.principal).toContain(`/dav/principals/${user.userId}/`);
    expect(found.found).toBe(true);
  });

  it('reads by time range what the REST API wrote', async () => {
    expect((await caldavStep(account, 'search', '2026-03-01', '2026-04-01')).summaries).toEqual(['Weekly coordination']);
    expect((await caldavStep(account, 'search', '2026-05-01', '2026-06-01')).summaries).toEqual([]);
  });

  it('writes a recurring event that shows in the REST calendar, expands it, updates and deletes it', async () => {
    const ics = eventIcs('client-series-1@example.org', { summary: 'Field visit', start: '20260310T130000', end: '20260310T150000', rrule: 'FREQ=WEEKLY;COUNT=3', extra: ['EXDATE;TZID=Asia/Manila:20260317T130000'] });
    const created = await caldavStep(account, 'create', 'client-series-1@example.org', files.write('series.ics', ics));
    expect(created.url).toContain(`/dav/calendars/${user.userId}/${account.calendarId}/`);
    expect((await restTitles('2026-03-01', '2026-04-01')).filter((x) => x === 'Field visit')).toHaveLength(2);

    const expanded = (await caldavStep(account, 'expand', '2026-03-09', '2026-03-31')).instances as { summary: string; start: string; recurrenceId: string | null; rrule: boolean }[];
    const visits = expanded.filter((i) => i.summary === 'Field visit');
    expect(visits.map((i) => i.start)).toEqual(['2026-03-10T05:00:00+00:00', '2026-03-24T05:00:00+00:00']);
    expect(visits.every((i) => i.recurrenceId !== null && !i.rrule)).toBe(true);

    await caldavStep(account, 'update', 'client-series-1@example.org', 'Field visit (moved to Datu Piang)');
    expect(await restTitles('2026-03-01', '2026-04-01')).toContain('Field visit (moved to Datu Piang)');

    expect((await caldavStep(account, 'delete', 'client-series-1@example.org')).deleted).toBe('client-series-1@example.org');
    expect((await restTitles('2026-03-01', '2026-04-01')).some((x) => x.startsWith('Field visit'))).toBe(false);
  });

  it('syncs incrementally with a token: only what changed since', async () => {
    const first = await caldavStep(account, 'sync');
    expect((first.objects as unknown[]).length).toBe(1);
    const token = first.token as string;
    expect((await caldavStep(account, 'sync', token)).objects).toEqual([]);
    await caldavStep(account, 'create', 'client-sync-1@example.org', files.write('sync.ics', eventIcs('client-sync-1@example.org', { summary: 'Sync me' })));
    const next = await caldavStep(account, 'sync', token);
    const objects = next.objects as [string, string][];
    expect(objects).toHaveLength(1);
    expect(objects[0]![1]).toContain('SUMMARY:Sync me');
  });

  it('answers a free-busy query with the busy times', async () => {
    const fb = await caldavStep(account, 'freebusy', '2026-03-02', '2026-03-03');
    expect(String(fb.data).replace(/\r\n /g, '')).toContain('FREEBUSY;FBTYPE=BUSY:20260302T010000Z/20260302T020000Z');
  });
});
