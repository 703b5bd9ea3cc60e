import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';

interface Ev { id: string; title: string; start: string; extendedProps: { entryId: string; seriesId?: string; recurrenceId?: string } }

let t: TestApp;
let staff: Session;
let cal: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  cal = await calendarIdOf(t, staff, 'coordination');
});
afterAll(async () => t?.close());

const createSeries = async (rrule: string, title: string) => {
  const response = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(cal, { title, rrule, start: '2026-03-02T09:00:00+08:00', end: '2026-03-02T10:00:00+08:00' }) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
};
const occurrencesOf = async (titlePrefix: string): Promise<Ev[]> =>
  ((await t.as(staff, { method: 'GET', url: '/api/v1/calendar?start=2026-03-01&end=2026-05-01' })).json() as Ev[]).filter((e) => e.title.startsWith(titlePrefix));
const edit = async (id: string, rid: string, scope: string, payload: object) => {
  const response = await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${id}/occurrences/${rid}?scope=${scope}`, payload });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { series: { id: string; rrule: string; version: number } | null; entry: { id: string; rrule: string | null; seriesId: string | null } | null; droppedOverrides: string[] };
};

describe('editing a series the way people expect', () => {
  it('"this occurrence" moves one occurrence through an override; the rest stay', async () => {
    const series = await createSeries('FREQ=WEEKLY;COUNT=6', 'Staff meeting');
    const result = await edit(series.id, '2026-03-09T09:00:00', 'this', { title: 'Staff meeting (moved)', start: '2026-03-10T14:00:00+08:00', end: '2026-03-10T15:00:00+08:00' });
    expect(result.entry).toMatchObject({ seriesId: series.id, rrule: null });
    const events = await occurrencesOf('Staff meeting');
    expect(events.map((e) => `${e.start} ${e.title}`)).toEqual([
      '2026-03-02T09:00:00+08:00 Staff meeting',
      '2026-03-10T14:00:00+08:00 Staff meeting (moved)',
      '2026-03-16T09:00:00+08:00 Staff meeting',
      '2026-03-23T09:00:00+08:00 Staff meeting',
      '2026-03-30T09:00:00+08:00 Staff meeting',
      '2026-04-06T09:00:00+08:00 Staff meeting',
    ]);
    expect(events[1]!.extendedProps).toMatchObject({ seriesId: series.id, recurrenceId: '2026-03-09T09:00:00' });
    // Editing the same occurrence again changes the override, it does not make a second one.
    await edit(series.id, '2026-03-09T09:00:00', 'this', { title: 'Staff meeting (moved again)' });
    expect((await occurrencesOf('Staff meeting')).filter((e) => e.title.includes('moved'))).toHaveLength(1);
  });

  it('"this and following" ends the series before the occurrence and starts a new one, carrying COUNT over', async () => {
    const series = await createSeries('FREQ=WEEKLY;COUNT=6', 'Planning huddle');
    await edit(series.id, '2026-03-09T09:00:00', 'this', { title: 'Planning huddle (early)' , start: '2026-03-09T08:00:00+08:00', end: '2026-03-09T09:00:00+08:00' });
    await edit(series.id, '2026-03-30T09:00:00', 'this', { title: 'Planning huddle (late)' });
    const result = await edit(series.id, '2026-03-16T09:00:00', 'following', { title: 'Planning huddle v2', start: '2026-03-17T15:00:00+08:00', end: '2026-03-17T16:00:00+08:00' });
    expect(result.series!.rrule).toBe('FREQ=WEEKLY;COUNT=2');
    expect(result.entry!.rrule).toBe('FREQ=WEEKLY;COUNT=4');
    const events = await occurrencesOf('Planning huddle');
    expect(events.map((e) => `${e.start} ${e.title}`)).toEqual([
      '2026-03-02T09:00:00+08:00 Planning huddle',
      '2026-03-09T08:00:00+08:00 Planning huddle (early)',
      '2026-03-17T15:00:00+08:00 Planning huddle v2',
      '2026-03-24T15:00:00+08:00 Planning huddle v2',
      '2026-03-31T15:00:00+08:00 Planning huddle v2',
      '2026-04-07T15:00:00+08:00 Planning huddle v2',
    ]);
    // The override of 30 March was on the old day; the moved series no longer has it, so it is reported and dropped.
    expect(result.droppedOverrides).toEqual(['2026-03-30T09:00:00']);
  });

  it('"all occurrences" changes the series, keeps overrides that still fall on it, and reports the rest', async () => {
    const series = await createSeries('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8', 'Field briefing');
    await edit(series.id, '2026-03-04T09:00:00', 'this', { title: 'Field briefing (Wednesday special)' });
    await edit(series.id, '2026-03-09T09:00:00', 'this', { title: 'Field briefing (Monday special)' });
    const result = await edit(series.id, '2026-03-02T09:00:00', 'all', { rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4', title: 'Field briefing' });
    expect(result.droppedOverrides).toEqual(['2026-03-04T09:00:00']);
    const events = await occurrencesOf('Field briefing');
    expect(events.map((e) => `${e.start.slice(0, 10)} ${e.title}`)).toEqual([
      '2026-03-02 Field briefing', '2026-03-09 Field briefing (Monday special)', '2026-03-16 Field briefing', '2026-03-23 Field briefing',
    ]);
  });

  it('"all" with a moved occurrence moves the whole series by the same amount', async () => {
    const series = await createSeries('FREQ=DAILY;COUNT=3', 'Daily check-in');
    await edit(series.id, '2026-03-03T09:00:00', 'all', { start: '2026-03-03T10:30:00+08:00', end: '2026-03-03T11:30:00+08:00' });
    expect((await occurrencesOf('Daily check-in')).map((e) => e.start)).toEqual(['2026-03-02T10:30:00+08:00', '2026-03-03T10:30:00+08:00', '2026-03-04T10:30:00+08:00']);
  });

  it('deletes one occurrence (EXDATE), this and following, or the whole series', async () => {
    const series = await createSeries('FREQ=WEEKLY;COUNT=5', 'Radio program');
    const one = await t.as(staff, { method: 'DELETE', url: `/api/v1/entries/${series.id}/occurrences/2026-03-09T09:00:00?scope=this` });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().series.exdate).toEqual(['2026-03-09T09:00:00']);
    expect((await occurrencesOf('Radio program')).map((e) => e.start.slice(0, 10))).toEqual(['2026-03-02', '2026-03-16', '2026-03-23', '2026-03-30']);
    await t.as(staff, { method: 'DELETE', url: `/api/v1/entries/${series.id}/occurrences/2026-03-23T09:00:00?scope=following` });
    expect((await occurrencesOf('Radio program')).map((e) => e.start.slice(0, 10))).toEqual(['2026-03-02', '2026-03-16']);
    await t.as(staff, { method: 'DELETE', url: `/api/v1/entries/${series.id}/occurrences/2026-03-02T09:00:00?scope=all` });
    expect(await occurrencesOf('Radio program')).toEqual([]);
  });

  it('refuses a RECURRENCE-ID that is not an occurrence (404) and a rule change for one occurrence (422)', async () => {
    const series = await createSeries('FREQ=WEEKLY;COUNT=3', 'Check');
    expect((await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${series.id}/occurrences/2026-03-03T09:00:00?scope=this`, payload: { title: 'x' } })).statusCode).toBe(404);
    expect((await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${series.id}/occurrences/2026-03-02T09:00:00?scope=this`, payload: { rrule: 'FREQ=DAILY' } })).statusCode).toBe(422);
    expect((await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${series.id}/occurrences/next-week?scope=this`, payload: { title: 'x' } })).statusCode).toBe(400);
  });
});
