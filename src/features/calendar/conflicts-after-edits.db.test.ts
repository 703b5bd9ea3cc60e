import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';
import { seededRandom } from '../../core/conflicts/random-spans.js';
import { buildApp } from '../../app.js';

/**
 * The conflict report after edits is brought forward from the previous sweep (overview.ts,
 * updateConflicts): after each random write, the conflicts and the overview's conflict count read
 * through the cached app must equal those of an app without the occurrence cache, which sweeps
 * the whole window every time.
 */
let t: TestApp;
let manager: Session;
let uncached: FastifyInstance;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userSession('manager');
  uncached = await buildApp({ database: t.testDb.database, config: { ...t.app.ctx.config, CALENDAR_CACHE_ITEMS: 0 }, logger: false });
});
afterAll(async () => {
  await uncached?.close();
  await t?.close();
});

const WINDOW = 'start=2026-05-04&end=2026-05-11';
const at = (day: number, hour: number) => `2026-05-${String(4 + day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;

async function read(app: FastifyInstance) {
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie: manager.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const conflicts = (await get(`/api/v1/calendar/conflicts?${WINDOW}`)).items as { type: string; subjectId: string; entryIds: string[]; start: string; end: string }[];
  const overview = await get(`/api/v1/calendar/overview?${WINDOW}`);
  return { conflicts: conflicts.map((c) => `${c.type} ${c.subjectId} ${c.entryIds.join(' ')} ${c.start} ${c.end}`), total: overview.conflicts.total as number, byType: overview.conflicts.byType };
}

describe('conflicts brought forward after edits', () => {
  it('equal a full sweep after each of 40 random writes', async () => {
    const next = seededRandom(20261126);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
    const calendar = await calendarIdOf(t, manager, 'coordination');
    const people = [manager.userId, (await t.userSession('staff')).userId, (await t.userSession('staff')).userId, (await t.userSession('viewer')).userId];
    const venues = ['Hall A', 'Hall B', 'Municipal gym'];
    const details = () => ({ participantIds: people.filter(() => next() < 0.35), ...(next() < 0.5 ? { venue: pick(venues) } : {}) });
    const times = () => {
      const day = Math.floor(next() * 7);
      const hour = 7 + Math.floor(next() * 10);
      return { start: at(day, hour), end: at(day, hour + 1 + Math.floor(next() * 3)) };
    };
    const ids: string[] = [];
    const write = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) => {
      const response = await t.as(manager, { method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response;
    };
    for (let i = 0; i < 12; i++) ids.push((await write('POST', '/api/v1/entries', entryPayload(calendar, { title: `Meeting ${i}`, kind: 'event', ...times(), details: details() }))).json().id);
    const series = (await write('POST', '/api/v1/entries', entryPayload(calendar, { title: 'Daily huddle', kind: 'event', start: at(0, 9), end: at(0, 10), rrule: 'FREQ=DAILY;COUNT=7', details: { participantIds: [people[1]] } }))).json().id;

    let withConflicts = 0;
    for (let step = 0; step < 40; step++) {
      const cached = await read(t.app);
      expect(cached, `before write ${step}`).toEqual(await read(uncached));
      if (cached.total > 0) withConflicts++;
      const roll = next();
      if (roll < 0.45 && ids.length) await write('PATCH', `/api/v1/entries/${pick(ids)}`, times());
      else if (roll < 0.65 && ids.length) await write('PATCH', `/api/v1/entries/${pick(ids)}`, { details: details() });
      else if (roll < 0.75 && ids.length) await write('DELETE', `/api/v1/entries/${ids.splice(Math.floor(next() * ids.length), 1)[0]}`);
      else if (roll < 0.85) await write('PATCH', `/api/v1/entries/${series}?scope=all`, { details: details() });
      else ids.push((await write('POST', '/api/v1/entries', entryPayload(calendar, { title: `New ${step}`, kind: 'event', ...times(), details: details() }))).json().id);
    }
    expect(await read(t.app)).toEqual(await read(uncached));
    // The walk must have met conflicts to prove anything.
    expect(withConflicts).toBeGreaterThan(20);
  }, 120_000);
});
