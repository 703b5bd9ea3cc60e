import { expect } from 'vitest';
import type { Session, TestApp } from './app.js';
import { calendarIdOf } from './fixtures.js';

export const PRIVATE_TITLE = 'Medical appointment';
export const OVERRIDE_TITLE = 'Medical appointment (moved)';

/**
 * The owner's personal calendar, shared at "view" with a colleague, holding a private weekly
 * series whose second occurrence was changed and (wrongly) marked internal, plus one internal
 * entry: what every output must show the colleague as busy blocks and a visible entry.
 */
export async function privateSeriesSharedWith(t: TestApp, owner: Session, colleague: Session, firstDay = '2026-03-02') {
  const day = (offset: number) => new Date(Date.parse(`${firstDay}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const calendarId = await calendarIdOf(t, owner, 'personal');
  const shared = await t.as(owner, { method: 'PUT', url: `/api/v1/calendars/${calendarId}/access`, payload: { items: [{ userId: colleague.userId, level: 'view' }] } });
  expect(shared.statusCode, shared.body).toBe(200);
  const series = await t.as(owner, {
    method: 'POST', url: '/api/v1/entries',
    payload: {
      calendarId, title: PRIVATE_TITLE, description: 'Cardiology', location: 'Clinic', visibility: 'private',
      start: `${day(0)}T09:00:00+08:00`, end: `${day(0)}T10:00:00+08:00`, rrule: 'FREQ=WEEKLY;COUNT=4',
    },
  });
  expect(series.statusCode, series.body).toBe(201);
  const seriesId = (series.json() as { id: string }).id;
  const edited = await t.as(owner, {
    method: 'PATCH', url: `/api/v1/entries/${seriesId}/occurrences/${day(7)}T09:00:00`,
    payload: { title: OVERRIDE_TITLE, visibility: 'internal', start: `${day(7)}T14:00:00+08:00`, end: `${day(7)}T15:00:00+08:00` },
  });
  expect(edited.statusCode, edited.body).toBe(200);
  const open = await t.as(owner, {
    method: 'POST', url: '/api/v1/entries',
    payload: { calendarId, title: 'Team lunch', start: `${day(1)}T12:00:00+08:00`, end: `${day(1)}T13:00:00+08:00` },
  });
  expect(open.statusCode, open.body).toBe(201);
  return { calendarId, seriesId };
}
