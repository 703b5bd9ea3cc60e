import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { calendarIdOf } from '../support/fixtures.js';
import { type DavUser, davUser } from '../../src/features/caldav/test-helpers.js';
import { program, scratch } from './run.js';

let t: TestApp;
let user: DavUser;
let calendarId: string;
let collectionUrl: string;
const files = scratch('kal-vdir-');
const local = path.join(files.dir, 'local');

function config(conflict: 'none' | 'a wins'): string {
  return files.write('config', [
    '[general]', `status_path = "${files.dir}/status/"`, '',
    '[pair kalendaryo]', 'a = "phone"', 'b = "server"', 'collections = null', ...(conflict === 'a wins' ? ['conflict_resolution = "a wins"'] : []), '',
    '[storage phone]', 'type = "filesystem"', `path = "${local}/"`, 'fileext = ".ics"', '',
    '[storage server]', 'type = "caldav"', `url = "${collectionUrl}"`, `username = "${user.email}"`, `password = "${user.token}"`, '',
  ].join('\n'));
}
const sync = (conflict: 'none' | 'a wins' = 'none') => program('vdirsyncer', ['-c', config(conflict), 'sync']);
const localFiles = () => (existsSync(local) ? readdirSync(local).filter((f) => f.endsWith('.ics')) : []);
const localWith = (text: string) => localFiles().find((f) => readFileSync(path.join(local, f), 'utf8').includes(text));
const restTitles = async () =>
  ((await t.as(user, { method: 'GET', url: `/api/v1/calendar?start=2026-03-01&end=2026-04-01&calendars=${calendarId}` })).json() as { title: string }[]).map((e) => e.title);
const restEntry = async (title: string) =>
  ((await t.as(user, { method: 'GET', url: `/api/v1/calendar?start=2026-03-01&end=2026-04-01&calendars=${calendarId}` })).json() as { title: string; extendedProps: { entryId: string } }[]).find((e) => e.title === title)!.extendedProps.entryId;

function khal(...args: string[]) {
  const conf = files.write('khal.conf', [
    '[calendars]', '[[kalendaryo]]', `path = ${local}/`, 'type = calendar', '',
    '[sqlite]', `path = ${files.dir}/khal.db`, '',
    '[locale]', 'local_timezone = Asia/Manila', 'default_timezone = Asia/Manila', 'timeformat = %H:%M', 'dateformat = %Y-%m-%d',
    'longdateformat = %Y-%m-%d', 'datetimeformat = %Y-%m-%d %H:%M', 'longdatetimeformat = %Y-%m-%d %H:%M', '',
  ].join('\n'));
  return program('khal', ['-c', conf, ...args]);
}

beforeAll(async () => {
  t = await createTestApp();
  user = await davUser(t);
  calendarId = await calendarIdOf(t, user, 'personal');
  const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  collectionUrl = `${baseUrl}/dav/calendars/${user.userId}/${calendarId}/`;
  for (const payload of [
    { title: 'Weekly coordination', start: '2026-03-02T09:00:00+08:00', end: '2026-03-02T10:00:00+08:00', rrule: 'FREQ=WEEKLY;COUNT=4' },
    { title: 'Barangay assembly', start: '2026-03-05T14:00:00+08:00', end: '2026-03-05T16:00:00+08:00' },
  ]) expect((await t.as(user, { method: 'POST', url: '/api/v1/entries', payload: { calendarId, ...payload } })).statusCode).toBe(201);
});
afterAll(async () => {
  files.remove();
  await t?.close();
});

describe('vdirsyncer two-way sync with a local folder, read by khal', () => {
  it('fetches the calendar on the first sync, and khal lists it, series expanded', async () => {
    mkdirSync(local, { recursive: true });
    const discovered = await program('vdirsyncer', ['-c', config('none'), 'discover']);
    expect(discovered.code, discovered.stderr).toBe(0);
    const first = await sync();
    expect(first.code, first.stderr).toBe(0);
    expect(localFiles()).toHaveLength(2);
    const listed = await khal('list', '2026-03-01', '30d');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.match(/Weekly coordination/g)).toHaveLength(4);
    expect(listed.stdout).toContain('14:00-16:00 Barangay assembly');
  });

  it('carries a change made on each side to the other', async () => {
    const file = path.join(local, localWith('Barangay assembly')!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('SUMMARY:Barangay assembly', 'SUMMARY:Barangay assembly (venue: covered court)'));
    expect((await sync()).code).toBe(0);
    expect(await restTitles()).toContain('Barangay assembly (venue: covered court)');

    const id = await restEntry('Weekly coordination');
    const changed = await t.as(user, { method: 'PATCH', url: `/api/v1/entries/${id}`, payload: { title: 'Weekly coordination (all units)' } });
    expect(changed.statusCode).toBe(200);
    expect((await sync()).code).toBe(0);
    expect(localWith('SUMMARY:Weekly coordination (all units)')).toBeDefined();
    expect((await khal('list', '2026-03-01', '30d')).stdout).toContain('Weekly coordination (all units)');
  });

  it('adds on the phone and deletes on either side', async () => {
    writeFileSync(path.join(local, 'made-on-phone@example.org.ics'), [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Phone//EN', 'BEGIN:VEVENT', 'UID:made-on-phone@example.org', 'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=Asia/Manila:20260312T080000', 'DTEND;TZID=Asia/Manila:20260312T090000', 'SUMMARY:Made on the phone', 'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n'));
    expect((await sync()).code).toBe(0);
    expect(await restTitles()).toContain('Made on the phone');

    // A PUT answers no ETag (the event is stored as entries, not as sent), so the next sync fetches
    // the stored form; a deletion made before that would lose to it, as vdirsyncer resolves change over delete.
    expect((await sync()).code).toBe(0);
    unlinkSync(path.join(local, localWith('Made on the phone')!));
    expect((await sync()).code).toBe(0);
    expect(await restTitles()).not.toContain('Made on the phone');

    const id = await restEntry('Barangay assembly (venue: covered court)');
    expect((await t.as(user, { method: 'DELETE', url: `/api/v1/entries/${id}` })).statusCode).toBe(204);
    expect((await sync()).code).toBe(0);
    expect(localWith('Barangay assembly')).toBeUndefined();
    expect((await khal('list', '2026-03-01', '30d')).stdout).not.toContain('Barangay assembly');
  });

  it('reports a conflict when both sides changed, and resolves it as told', async () => {
    const file = path.join(local, localWith('Weekly coordination')!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/SUMMARY:[^\r\n]+/, 'SUMMARY:Weekly coordination (phone)'));
    const id = await restEntry('Weekly coordination (all units)');
    expect((await t.as(user, { method: 'PATCH', url: `/api/v1/entries/${id}`, payload: { title: 'Weekly coordination (web)' } })).statusCode).toBe(200);
    const conflicted = await sync();
    expect(conflicted.code).not.toBe(0);
    expect(conflicted.stderr).toMatch(/conflict/i);
    const resolved = await sync('a wins');
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(await restTitles()).toContain('Weekly coordination (phone)');
    expect((await sync()).code).toBe(0);
  });
});
