import { describe, expect, it } from 'vitest';
import type { EntryRow } from '../entries/repository.js';
import { EntryCreateSchema } from '../entries/schemas.js';
import { resolveEntryTimes } from '../entries/times.js';
import { type DesiredEntry, sameJson, sourcePatchOf } from './source-diff.js';

const CAL = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';

function desiredOf(body: Record<string, unknown>): DesiredEntry {
  const input = EntryCreateSchema.parse({ calendarId: CAL, title: 'Meeting', start: '2026-03-02T09:00:00+08:00', end: '2026-03-02T10:00:00+08:00', ...body });
  const timeZone = input.timeZone ?? 'Asia/Manila';
  return { input, calendarId: CAL, module: input.module ?? 'coordination', timeZone, organizerId: input.organizerId ?? USER, times: resolveEntryTimes({ ...input, timeZone, rrule: input.rrule ?? null }) };
}

/** The row that creating `d` would store. */
function rowOf(d: DesiredEntry): EntryRow {
  const { input } = d;
  return {
    id: 'x', organizationId: 'o', calendarId: d.calendarId, uid: 'u', module: d.module, kind: input.kind, title: input.title,
    description: input.description ?? null, location: input.location ?? null, communityId: input.communityId ?? null, organizerId: d.organizerId,
    createdBy: USER, status: input.status, priority: input.priority, visibility: input.visibility, allDay: input.allDay, isFloating: false,
    timeZone: d.timeZone, zoneRules: null, rdate: input.rdate, exdate: input.exdate, seriesId: null, recurrenceId: null, recurrenceIdAt: null,
    sourceSystem: 's', externalId: 'e', details: input.details, sequence: 0, version: 1, deletedAt: null, createdAt: new Date(), updatedAt: new Date(),
    ...d.times,
  } as EntryRow;
}

describe('sourcePatchOf', () => {
  it('finds nothing to change in the row the same body created, whatever the body', () => {
    const variants: Record<string, unknown>[] = [
      {}, { allDay: true, start: '2026-03-02', end: '2026-03-04' }, { rrule: 'FREQ=WEEKLY;COUNT=5', exdate: ['2026-03-09T09:00:00'] },
      { details: { b: [1, 2], a: { d: 1, c: 2 } }, location: 'Cotabato', description: 'x' }, { timeZone: 'UTC', status: 'confirmed', priority: 'high' },
    ];
    for (const v of variants) expect(sourcePatchOf(rowOf(desiredOf(v)), desiredOf(v)), JSON.stringify(v)).toBeNull();
  });

  it('treats the same instant written with another offset as no change', () => {
    const row = rowOf(desiredOf({}));
    expect(sourcePatchOf(row, desiredOf({ start: '2026-03-02T01:00:00Z', end: '2026-03-02T02:00:00Z' }))).toBeNull();
  });

  it('sends times only when they move, and only the fields that differ', () => {
    const row = rowOf(desiredOf({}));
    expect(sourcePatchOf(row, desiredOf({ title: 'Other' }))).toEqual({ title: 'Other' });
    expect(sourcePatchOf(row, desiredOf({ end: '2026-03-02T11:00:00+08:00' }))).toMatchObject({ start: '2026-03-02T09:00:00+08:00', end: '2026-03-02T11:00:00+08:00' });
    expect(sourcePatchOf(row, desiredOf({ rrule: 'FREQ=DAILY;COUNT=2' }))).toEqual({ rrule: 'FREQ=DAILY;COUNT=2' });
  });

  it('compares JSON by content, not key order', () => {
    expect(sameJson({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });
});
