import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';
import { buildApp } from '../../app.js';

/**
 * The occurrence cache against its oracle: after random writes through one app instance (singles,
 * series, moves, overrides, splits, deletions, a hard delete behind the app's back), every window
 * read through two cached instances — the writer's, and another "process" with a tiny cache that
 * keeps evicting — must equal what the same database answers with the cache switched off.
 */
let t: TestApp;
let staff: Session;
let calendars: string[];
let otherProcess: FastifyInstance;
let uncached: FastifyInstance;

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const at = (n: number, hour: number) => `${day(n)}T${String(hour).padStart(2, '0')}:00:00+08:00`;

async function feedOf(app: FastifyInstance, url: string): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
  expect(response.statusCode, response.body).toBe(200);
  const events = response.json() as { id: string; title: string; start: string; end: string }[];
  return events.map((e) => `${e.start} ${e.end} ${e.id} ${e.title}`).sort();
}

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('manager');
  calendars = [await calendarIdOf(t, staff, 'coordination'), await calendarIdOf(t, staff, 'mana'), await calendarIdOf(t, staff, 'personal')];
  const config = (items: string) => ({ ...t.app.ctx.config, CALENDAR_CACHE_ITEMS: Number(items) });
  otherProcess = await buildApp({ database: t.testDb.database, config: config('40'), logger: false });
  uncached = await buildApp({ database: t.testDb.database, config: config('0'), logger: false });
});
afterAll(async () => {
  await otherProcess?.close();
  await uncached?.close();
  await t?.close();
});

describe('the occurrence cache', () => {
  it('answers every window exactly as the database does, through random writes, in two processes', async () => {
    const next = random(20261125);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
    const singles: string[] = [];
    const series: { id: string; occurrences: string[] }[] = [];
    const write = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) => {
      const response = await t.as(staff, { method, url, payload });
      expect(response.statusCode, `${method} ${url} ${response.body}`).toBeLessThan(300);
      return (response.body ? response.json() : {}) as { id: string };
    };
    const recurrenceIdsOf = async (id: string) => {
      const response = await t.as(staff, { method: 'GET', url: `/api/v1/calendar?start=${day(-10)}&end=${day(130)}&calendars=${calendars.join(',')}` });
      return (response.json() as { extendedProps: { entryId: string; recurrenceId?: string } }[])
        .filter((e) => e.extendedProps.entryId === id && e.extendedProps.recurrenceId).map((e) => e.extendedProps.recurrenceId!);
    };

    for (let step = 0; step < 45; step++) {
      const operation = step < 8 ? (step % 2 === 0 ? 'single' : 'series') : pick(['single', 'series', 'move', 'delete', 'this', 'following', 'all', 'skip', 'hard']);
      const startDay = Math.floor(next() * 100);
      if (operation === 'single' || (operation !== 'series' && singles.length === 0 && series.length === 0)) {
        const allDay = next() < 0.25;
        const length = pick([0, 1, 1, 3, 12]);
        const payload = allDay
          ? { allDay: true, start: day(startDay), end: day(startDay + 1 + length) }
          : { start: at(startDay, 8 + Math.floor(next() * 8)), end: at(startDay + (length > 1 ? length : 0), 18) };
        singles.push((await write('POST', '/api/v1/entries', entryPayload(pick(calendars), { title: `single ${step}`, ...payload }))).id);
      } else if (operation === 'series') {
        const rrule = pick(['FREQ=WEEKLY;COUNT=8', 'FREQ=DAILY;INTERVAL=3;COUNT=15', 'FREQ=WEEKLY;BYDAY=MO,TH', `FREQ=WEEKLY;UNTIL=${day(startDay + 40).replaceAll('-', '')}T000000Z`]);
        const hour = 7 + Math.floor(next() * 9);
        const created = await write('POST', '/api/v1/entries', entryPayload(pick(calendars), { title: `series ${step}`, rrule, start: at(startDay, hour), end: at(startDay, hour + 1) }));
        series.push({ id: created.id, occurrences: [] });
      } else if (operation === 'move' && singles.length > 0) {
        const id = pick(singles);
        const current = (await t.as(staff, { method: 'GET', url: `/api/v1/entries/${id}` })).json() as { allDay: boolean; version: number };
        const payload = current.allDay ? { start: day(startDay), end: day(startDay + 2) } : { start: at(startDay, 9), end: at(startDay, 11) };
        await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${id}`, payload: { ...payload, title: `moved ${step}` } });
      } else if ((operation === 'delete' || operation === 'hard') && singles.length > 0) {
        const id = singles.splice(Math.floor(next() * singles.length), 1)[0]!;
        if (operation === 'hard') await t.testDb.database.query('delete from entries where id = $1', [id]);
        else await write('DELETE', `/api/v1/entries/${id}`);
      } else if (series.length > 0) {
        const target = pick(series);
        const ids = await recurrenceIdsOf(target.id);
        if (ids.length === 0) continue;
        const recurrenceId = pick(ids);
        const base = `/api/v1/entries/${target.id}/occurrences/${recurrenceId}`;
        if (operation === 'this') await write('PATCH', `${base}?scope=this`, { title: `override ${step}`, start: at(startDay, 14), end: at(startDay, 15) });
        else if (operation === 'skip') await write('DELETE', `${base}?scope=this`);
        else if (operation === 'following') {
          const result = (await write('PATCH', `${base}?scope=following`, { title: `split ${step}` })) as unknown as { entry?: { id: string } };
          if (result.entry?.id) series.push({ id: result.entry.id, occurrences: [] });
        } else await write('PATCH', `${base}?scope=all`, { title: `renamed ${step}` });
      }

      for (let w = 0; w < 2; w++) {
        const from = Math.floor(next() * 110) - 5;
        const url = `/api/v1/calendar?start=${day(from)}&end=${day(from + 1 + Math.floor(next() * 40))}`;
        const expected = await feedOf(uncached, url);
        expect(await feedOf(t.app, url), `step ${step} (${operation}) ${url}`).toEqual(expected);
        expect(await feedOf(otherProcess, url), `step ${step} (${operation}) ${url}, other process`).toEqual(expected);
      }
    }
  });

  it('shows a write at once to the next reader of another process', async () => {
    const url = `/api/v1/calendar?start=2026-06-01&end=2026-06-08`;
    const fresh = async () => (await feedOf(otherProcess, url)).filter((line) => line.endsWith(' Fresh'));
    expect(await fresh()).toEqual([]);
    const created = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(calendars[0]!, { title: 'Fresh', start: '2026-06-02T09:00:00+08:00', end: '2026-06-02T10:00:00+08:00' }) });
    expect(created.statusCode).toBe(201);
    expect(await fresh()).toEqual(['2026-06-02T09:00:00+08:00 2026-06-02T10:00:00+08:00 ' + created.json().id + ' Fresh']);
  });
});
