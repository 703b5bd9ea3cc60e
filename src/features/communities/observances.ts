import { and, asc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database, Db } from '../../db/client.js';
import { calendars } from '../../db/schema/calendars.js';
import { invalidField, notFound, Problem } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { queryCalendar } from '../calendar/query-calendar.js';
import type { CalendarEvent } from '../calendar/schemas.js';
import { createEntry } from '../entries/create-entry.js';
import type { EntryRow } from '../entries/repository.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { findCommunity } from './repository.js';
import type { ObservanceCreate } from './observance-schemas.js';

/** The organisation's community calendar (module 'community'), where observances of places live. */
async function communityCalendarId(db: Db, organizationId: string): Promise<string> {
  const [row] = await db.select({ id: calendars.id }).from(calendars)
    .where(and(eq(calendars.organizationId, organizationId), eq(calendars.module, 'community'), eq(calendars.type, 'organisation')))
    .orderBy(asc(calendars.createdAt)).limit(1);
  if (!row) throw new Problem(409, 'Conflict', 'This organisation has no community calendar to hold observances.');
  return row.id;
}

/** An all-day observance of one community, once or recurring (yearly, or on a Hijri date with RSCALE). */
export async function createObservance(deps: { db: Db }, actor: Actor, communityId: string, input: ObservanceCreate): Promise<{ row: EntryRow; calendar: CalendarWithLevel }> {
  const community = await findCommunity(deps.db, actor.organizationId, communityId);
  if (!community) throw notFound('Community');
  const end = input.endDate ?? Temporal.PlainDate.from(input.date).add({ days: 1 }).toString();
  if (end <= input.date) throw invalidField('endDate', 'must be after date (it is exclusive: the day after the last day)');
  const calendarId = await communityCalendarId(deps.db, actor.organizationId);
  return createEntry(deps, actor, {
    calendarId,
    module: 'community',
    kind: 'observance',
    title: input.title,
    description: input.description ?? null,
    communityId: community.id,
    allDay: true,
    start: input.date,
    end,
    timeZone: input.timeZone,
    rrule: input.rrule ?? null,
    rdate: [],
    exdate: input.exdate,
    status: 'observed',
    priority: 'normal',
    visibility: input.visibility,
    details: {
      observanceType: input.observanceType,
      holidayType: input.holidayType,
      isPublic: input.visibility === 'public',
      source: 'manual',
      communityIds: [community.id],
      ...(input.hijri ? { hijri: input.hijri } : {}),
    },
  });
}

/** Observances at the community and the places inside it, occurrences expanded in [start, end). */
export async function listObservances(database: Database, actor: Actor, communityId: string, window: { start: string; end: string }): Promise<CalendarEvent[]> {
  const community = await findCommunity(database.db, actor.organizationId, communityId);
  if (!community) throw notFound('Community');
  const events = await queryCalendar(database, actor, { start: window.start, end: window.end, community: [community.id], modules: ['community'] });
  return events.filter((e) => e.extendedProps.kind === 'observance');
}
