import { and, eq, inArray } from 'drizzle-orm';
import type { Span } from '../../core/resources/index.js';
import type { Database } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canSeeEntryDetails } from '../calendars/policy.js';
import { listAccessibleCalendars } from '../calendars/repository.js';
import { canDecideBookings } from './policy.js';
import { isoIn } from './presenter.js';
import { type ActiveBookingRow, activeBookingsIn, blackoutsIn, type BlackoutSpanRow, findResource, resourceNames } from './repository.js';

const COLOURS = { booking: '#0f766e', pending: '#b45309', travel: '#64748b', blackout: '#991b1b' } as const;

/** The entry titles the actor may read, "Booked" for the rest (private entries, calendars they cannot see). */
async function titlesFor(database: Database, actor: Actor, entryIds: string[]): Promise<Map<string, string>> {
  if (entryIds.length === 0) return new Map();
  const [rows, calendars] = await Promise.all([
    database.db.select({ id: entries.id, title: entries.title, calendarId: entries.calendarId, visibility: entries.visibility, organizerId: entries.organizerId, createdBy: entries.createdBy })
      .from(entries).where(and(eq(entries.organizationId, actor.organizationId), inArray(entries.id, [...new Set(entryIds)]))),
    listAccessibleCalendars(database.db, actor),
  ]);
  const levels = new Map(calendars.map((c) => [c.id, c.level]));
  return new Map(rows.map((e) => [e.id, canSeeEntryDetails(actor, levels.get(e.calendarId) ?? null, e) ? e.title : 'Booked']));
}

/** Bookings (and blackouts) as event objects: the booking itself, then travel / turnaround before and after as events of their own. */
async function eventsOf(database: Database, actor: Actor, bookings: ActiveBookingRow[], blackouts: BlackoutSpanRow[], prefixWithResource: boolean) {
  const [titles, names] = await Promise.all([
    titlesFor(database, actor, bookings.map((b) => b.entry_id)),
    prefixWithResource ? resourceNames(database.db, actor.organizationId, bookings.map((b) => b.resource_id)) : new Map<string, string>(),
  ]);
  const zone = actor.timeZone;
  const event = (id: string, title: string, startMs: number, endMs: number, color: string, extendedProps: Record<string, unknown>) =>
    ({ id, title, start: isoIn(startMs, zone), end: isoIn(endMs, zone), allDay: false, color, extendedProps });
  const events = [];
  for (const b of bookings) {
    const props = { bookingId: b.id, resourceId: b.resource_id, entryId: b.entry_id, recurrenceId: b.recurrence_id, status: b.status, units: b.units };
    const title = titles.get(b.entry_id) ?? 'Booked';
    events.push(event(b.id, prefixWithResource ? `${names.get(b.resource_id) ?? 'Resource'}: ${title}` : title, b.start_ms, b.end_ms,
      b.status === 'approved' ? COLOURS.booking : COLOURS.pending, { ...props, part: 'booking' }));
    if (b.blocked_start_ms < b.start_ms) events.push(event(`${b.id}:before`, 'Travel / turnaround', b.blocked_start_ms, b.start_ms, COLOURS.travel, { ...props, part: 'before' }));
    if (b.blocked_end_ms > b.end_ms) events.push(event(`${b.id}:after`, 'Travel / turnaround', b.end_ms, b.blocked_end_ms, COLOURS.travel, { ...props, part: 'after' }));
  }
  for (const b of blackouts) events.push(event(b.id, b.reason ?? 'Unavailable', b.start_ms, b.end_ms, COLOURS.blackout, { resourceId: b.resource_id, part: 'blackout' }));
  return events;
}

/** The resource's own calendar: its bookings (entry titles where the reader may see them), travel and turnaround, blackouts. */
export async function resourceFeed(database: Database, actor: Actor, id: string, window: Span) {
  if (!(await findResource(database.db, actor.organizationId, id))) throw notFound('Resource');
  const [bookings, blackouts] = await Promise.all([
    activeBookingsIn(database, actor.organizationId, [id], window.startMs, window.endMs),
    blackoutsIn(database.db, actor.organizationId, [id], window.startMs, window.endMs),
  ]);
  return eventsOf(database, actor, bookings, blackouts, false);
}

/**
 * The bookings layer of the integrated calendar: the bookings the actor may see in the window (their
 * own; all for resource managers), each titled "<resource>: <entry>", with travel shown apart.
 */
export async function bookingsFeed(database: Database, actor: Actor, window: Span) {
  const own = !canDecideBookings(actor);
  const bookings = await database.query<ActiveBookingRow>(
    `select id, resource_id, entry_id, recurrence_id, status, units,
       (extract(epoch from starts_at) * 1000)::float8 as start_ms, (extract(epoch from ends_at) * 1000)::float8 as end_ms,
       (extract(epoch from blocked_start) * 1000)::float8 as blocked_start_ms, (extract(epoch from blocked_end) * 1000)::float8 as blocked_end_ms
     from resource_bookings where organization_id = $1 and status in ('pending', 'approved') and blocked && tstzrange($2, $3, '[)')
       and ($4::uuid is null or requested_by = $4) order by blocked_start limit 5000`,
    [actor.organizationId, new Date(window.startMs), new Date(window.endMs), own ? actor.userId : null],
  );
  return eventsOf(database, actor, bookings, [], true);
}
