import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';

let t: TestApp;
let staff: Session;
let other: Session;
let calendarId: string;
/** The same database, with every statement sent through `query` written down. */
let watched: FastifyInstance;
const statements: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('manager');
  other = await t.userSession('staff');
  calendarId = await calendarIdOf(t, staff, 'coordination');
  const real = t.testDb.database;
  const database: Database = { ...real, query: (text, params, options) => (statements.push(text), real.query(text, params, options)) };
  watched = await buildApp({ database, config: t.app.ctx.config, logger: false });
  for (let week = 0; week < 30; week++) {
    const start = new Date(Date.UTC(2026, 0, 5 + week * 7, 1));
    const created = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(calendarId, { title: `Consultation ${week}`, start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() }) });
    expect(created.statusCode, created.body).toBe(201);
  }
});
afterAll(async () => {
  await watched?.close();
  await t?.close();
});

const get = (app: FastifyInstance, session: Session, url: string, etag?: string) =>
  app.inject({ method: 'GET', url, headers: { cookie: session.cookie, ...(etag ? { 'if-none-match': etag } : {}) } });
const readsEntries = () => statements.some((s) => /\bfrom entries\b/.test(s) && !s.includes('change_txid'));

describe('a conditional GET of the calendar feed', () => {
  // A half-year window and a search are both read from the database, not the occurrence cache.
  for (const [what, url] of [['a half-year window', '/api/v1/calendar?start=2026-01-01&end=2026-07-01'], ['a search', '/api/v1/calendar?start=2026-01-01&end=2026-03-01&q=consultation']] as const) {
    it(`answers 304 for ${what} without reading or expanding a single entry`, async () => {
      statements.length = 0;
      const first = await get(watched, staff, url);
      expect(first.statusCode, first.body).toBe(200);
      expect((first.json() as unknown[]).length).toBeGreaterThan(5);
      expect(readsEntries()).toBe(true);
      statements.length = 0;
      const again = await get(watched, staff, url, first.headers.etag as string);
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(readsEntries()).toBe(false);
    });
  }

  it('gives another ETag, and the new body, once anything the feed shows has changed', async () => {
    const url = '/api/v1/calendar?start=2026-02-01&end=2026-03-01';
    const etagNow = async (session = staff) => (await get(t.app, session, url)).headers.etag as string;
    const before = await etagNow();
    expect((await get(t.app, staff, url, before)).statusCode).toBe(304);

    // Someone else looking: their own ETag (what they may see and do differs).
    expect(await etagNow(other)).not.toBe(before);
    // The calendar recoloured: the events carry the colour.
    await t.testDb.database.query(`update calendars set color = '#123456' where id = $1`, [calendarId]);
    const recoloured = await get(t.app, staff, url, before);
    expect(recoloured.statusCode).toBe(200);
    expect((recoloured.json() as { color: string }[])[0]!.color).toBe('#123456');
    // An entry deleted: it is gone from the body.
    const recolouredTag = recoloured.headers.etag as string;
    const entry = (recoloured.json() as { extendedProps: { entryId: string; version: number } }[])[0]!;
    const deleted = await t.as(staff, { method: 'DELETE', url: `/api/v1/entries/${entry.extendedProps.entryId}`, headers: { 'if-match': `"${entry.extendedProps.version}"` } });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const after = await get(t.app, staff, url, recolouredTag);
    expect(after.statusCode).toBe(200);
    expect((after.json() as { extendedProps: { entryId: string } }[]).map((e) => e.extendedProps.entryId)).not.toContain(entry.extendedProps.entryId);
    // Another process over the same database (or this one after a restart) never takes an ETag for its own.
    const settled = await etagNow();
    expect((await get(t.app, staff, url, settled)).statusCode).toBe(304);
    expect((await get(watched, staff, url, settled)).statusCode).toBe(200);
  });
});
