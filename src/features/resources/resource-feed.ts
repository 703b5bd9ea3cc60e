import { and, eq, inArray } from 'drizzle-orm';
import type { Span } from '../../core/resources/index.js';
import type { Database } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import type { Actor } from '../auth/actor.js';
import { canSeeEntryDetails } from '../calendars/policy.js';
import { listAccessibleCalendars } from '../calendars/repository.js';
import { notFound } from '../../http/problem.js';
import { isoIn } from './presenter.js';
import { activeBookingsIn, blackoutsIn, findResource } from './repository.js';

const COLOURS = { booking: '#0f766e', pending: '#b45309', travel: '#64748b', blackout: '#991b1b' } as const;

/**
 * The resource's own calendar: each booking as an event (the entry's title when the reader may see
 * it, else "Booked"), the drive there and back as separate "travel" events, blackouts.
 */
export async function resourceFeed(database: Database, actor: Actor, id: string, window: Span) {
  if (!(await findResource(database.db, actor.organizationId, id))) throw notFound('Resource');
  const [bookings, blackouts] = await Promise.all([
    activeBookingsIn(database, actor.organizationId, [id], window.startMs, window.endMs),
    blackoutsIn(database.db, actor.organizationId, [id], window.startMs, window.endMs),
  ]);
  const entryIds = [...new Set(bookings.map((b) => b.entry_id))];
  const [rows, calendars] = await Promise.all([
    entryIds.length
      ? database.db.select({ id: entries.id, title: entries.title, calendarId: entries.calendarId, visibility: entries.visibility, organizerId: entries.organizerId, createdBy: entries.createdBy })
        .from(entries).where(and(eq(entries.organizationId, actor.organizationId), inArray(entries.id, entryIds)))
      : [],
    listAccessibleCalendars(database.db, actor),
  ]);
  const levels = new Map(calendars.map((c) => [c.id, c.level]));
  const titles = new Map(rows.map((e) => [e.id, canSeeEntryDetails(actor, levels.get(e.calendarId) ?? null, e) ? e.title : 'Booked']));
  const zone = actor.timeZone;
  const event = (eventId: string, title: string, startMs: number, endMs: number, color: string, extendedProps: Record<string, unknown>) =>
    ({ id: eventId, title, start: isoIn(startMs, zone), end: isoIn(endMs, zone), allDay: false, color, extendedProps });
  const events = [];
  for (const b of bookings) {
    const props = { bookingId: b.id, entryId: b.entry_id, recurrenceId: b.recurrence_id, status: b.status, units: b.units };
    events.push(event(b.id, titles.get(b.entry_id) ?? 'Booked', b.start_ms, b.end_ms, b.status === 'approved' ? COLOURS.booking : COLOURS.pending, { ...props, part: 'booking' }));
    if (b.blocked_start_ms < b.start_ms) events.push(event(`${b.id}:before`, 'Travel / turnaround', b.blocked_start_ms, b.start_ms, COLOURS.travel, { ...props, part: 'before' }));
    if (b.blocked_end_ms > b.end_ms) events.push(event(`${b.id}:after`, 'Travel / turnaround', b.end_ms, b.blocked_end_ms, COLOURS.travel, { ...props, part: 'after' }));
  }
  for (const b of blackouts) events.push(event(b.id, b.reason ?? 'Unavailable', b.start_ms, b.end_ms, COLOURS.blackout, { part: 'blackout' }));
  return events;
}
