import { describe, expect, it } from 'vitest';
import { testIntl } from './i18n/test-intl';
import { blankForm, entryToForm, formChanges, formSpan, formToInput, rangeToForm, toggleAllDay, validateForm } from './entry-form';
import type { Entry } from './types';

const base = blankForm({
  start: '2026-11-25T09:00', end: '2026-11-25T10:00', timeZone: 'Asia/Manila',
  title: 'Barangay consultation', calendarId: 'cal-1', module: 'coordination', kind: 'event',
});

describe('entry form', () => {
  it('sends timed entries as instants with the zone offset', () => {
    const input = formToInput(base);
    expect(input).toMatchObject({ start: '2026-11-25T09:00:00+08:00', end: '2026-11-25T10:00:00+08:00', allDay: false, timeZone: 'Asia/Manila' });
    expect(input).not.toHaveProperty('location');
    expect(input).not.toHaveProperty('rrule');
    expect(formToInput({ ...base, rrule: 'RRULE:FREQ=DAILY;COUNT=3' }).rrule).toBe('FREQ=DAILY;COUNT=3');
  });

  it('sends all-day entries as dates with an exclusive end', () => {
    const form = { ...base, allDay: true, start: '2026-11-25', end: '2026-11-27' };
    expect(formToInput(form)).toMatchObject({ allDay: true, start: '2026-11-25', end: '2026-11-28' });
  });

  it('gives the instants to check resources over: midnight to midnight for all-day, none while the times are wrong', () => {
    expect(formSpan(blankForm({ start: '2026-12-01T09:00', end: '2026-12-01T10:30', timeZone: 'Asia/Manila' })))
      .toEqual({ start: '2026-12-01T09:00:00+08:00', end: '2026-12-01T10:30:00+08:00' });
    expect(formSpan(blankForm({ allDay: true, start: '2026-12-01', end: '2026-12-02', timeZone: 'Asia/Manila' })))
      .toEqual({ start: '2026-12-01T00:00:00+08:00', end: '2026-12-03T00:00:00+08:00' });
    expect(formSpan(blankForm({ start: '2026-12-01T09:00', end: '2026-12-01T08:00', timeZone: 'Asia/Manila' }))).toBeNull();
  });

  it('shows a selected all-day range with an inclusive end', () => {
    expect(rangeToForm('2026-11-25', '2026-11-26', true, 'Asia/Manila')).toEqual({ allDay: true, start: '2026-11-25', end: '2026-11-25' });
  });

  it('shows a selected time range in the zone asked for', () => {
    expect(rangeToForm('2026-11-25T09:00:00+08:00', '2026-11-25T10:30:00+08:00', false, 'Asia/Manila'))
      .toEqual({ allDay: false, start: '2026-11-25T09:00', end: '2026-11-25T10:30' });
  });

  it('refuses an empty title and an end before the start', () => {
    const errors = validateForm({ ...base, title: ' ', end: '2026-11-25T08:00' }, testIntl);
    expect(errors.title).toBeTruthy();
    expect(errors.end).toBeTruthy();
    expect(validateForm(base, testIntl)).toEqual({});
    expect(validateForm({ ...base, allDay: true, start: '2026-11-25', end: '2026-11-25' }, testIntl)).toEqual({});
  });

  it('keeps the days when switching to all-day and back', () => {
    const allDay = toggleAllDay(base, true);
    expect(allDay).toMatchObject({ allDay: true, start: '2026-11-25', end: '2026-11-25' });
    expect(toggleAllDay(allDay, false)).toMatchObject({ start: '2026-11-25T09:00', end: '2026-11-25T10:00' });
  });

  it('patches only what changed, and times together', () => {
    expect(formChanges(base, { ...base, location: 'Cotabato City' })).toEqual({ location: 'Cotabato City' });
    expect(formChanges(base, { ...base, end: '2026-11-25T11:00' })).toEqual({
      start: '2026-11-25T09:00:00+08:00', end: '2026-11-25T11:00:00+08:00', allDay: false, timeZone: 'Asia/Manila',
    });
    expect(formChanges(base, base)).toEqual({});
    expect(formChanges({ ...base, location: 'Hall' }, base)).toEqual({ location: null });
    expect(formChanges({ ...base, status: 'planned' }, base)).toEqual({});
    expect(formChanges(base, { ...base, rrule: 'FREQ=WEEKLY' })).toEqual({ rrule: 'FREQ=WEEKLY' });
    expect(formChanges({ ...base, rrule: 'FREQ=WEEKLY' }, base)).toEqual({ rrule: null });
  });

  it("sends a kind's details whole when they or the kind changed, and none when nothing was filled", () => {
    expect(formToInput(base)).not.toHaveProperty('details');
    const task = { ...base, module: 'staff', kind: 'task', details: { assigneeId: 'u1', dueDate: '2026-12-01', legacy: 1 } };
    expect(formToInput(task).details).toEqual(task.details);
    expect(formChanges(task, task)).toEqual({});
    expect(formChanges(task, { ...task, details: { ...task.details, dueDate: '2026-12-02' } })).toEqual({ details: { assigneeId: 'u1', dueDate: '2026-12-02', legacy: 1 } });
    expect(formChanges(task, { ...task, kind: 'leave', details: {} })).toEqual({ kind: 'leave', details: {} });
  });

  it('opens a stored entry in its own zone', () => {
    const entry = {
      id: 'e1', calendarId: 'cal-1', module: 'staff', kind: 'task', title: 'Report', description: null, location: null,
      communityId: null, organizerId: null, status: 'planned', priority: 'normal', visibility: 'internal', allDay: false,
      start: '2026-11-25T01:00:00Z', end: '2026-11-25T02:00:00Z', timeZone: 'Asia/Manila', rrule: null, rdate: [], exdate: [], seriesId: null,
      recurrenceId: null, details: {}, sequence: 0, version: 3, canEdit: true, canDelete: true,
      uid: 'e1@kalendaryo', createdAt: '2026-11-20T00:00:00Z', updatedAt: '2026-11-20T00:00:00Z',
    } satisfies Entry;
    expect(entryToForm(entry)).toMatchObject({ start: '2026-11-25T09:00', end: '2026-11-25T10:00', status: 'planned', location: '' });
  });
});

describe('server field errors', () => {
  it('puts each message next to its field and keeps the rest', async () => {
    const { serverFieldErrors } = await import('./entry-form');
    expect(serverFieldErrors([
      { field: 'body.title', message: 'Too long' },
      { field: '/end', message: 'Must be after start' },
      { field: 'kind', message: 'Unknown kind' },
      { field: 'rooms', message: 'Not a field here' },
    ])).toEqual({ errors: { title: 'Too long', end: 'Must be after start', kind: 'Unknown kind' }, other: ['rooms: Not a field here'] });
  });

  it("names a kind's details field by its path, an error inside a list by the list", async () => {
    const { serverFieldErrors } = await import('./entry-form');
    expect(serverFieldErrors([
      { field: 'details.assigneeId', message: 'Required' },
      { field: 'details.participantIds.2', message: 'Too short' },
      { field: 'details', message: 'Unrecognized key: "room"' },
    ]).errors).toEqual({ 'details.assigneeId': 'Required', 'details.participantIds': 'Too short', details: 'Unrecognized key: "room"' });
  });
});
