import { createHash } from 'node:crypto';
import { formatInstantInZone, ianaZone } from '../../core/time/index.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { canEditEntry, canSeeEntryDetails } from '../calendars/policy.js';
import { matchesNoneMatch } from '../../http/conditional.js';
import type { CachedOccurrence, OccurrenceCache } from './occurrence-cache.js';
import type { WindowOccurrence } from './expand-rows.js';
import { feedEtag } from './feed-etag.js';
import { type CalendarOccurrence, collectOccurrences, forEachInView, matchingCommunities } from './occurrences.js';
import { policyFactsOf } from './repository.js';
import { type CalendarView, resolveView } from './view.js';
import { jsonArrayChunks } from './json-chunks.js';
import type { CalendarEvent, CalendarQuery } from './schemas.js';

const DAY_MS = 86_400_000;
const BUSY_COLOR = '#6b7280';

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

interface Presentation {
  detailed: boolean;
  canEdit: boolean;
  color: string;
}

/** What this actor may see of an occurrence and do with it: others' private entries say only "Busy". */
function presentationOf(actor: Actor, occurrence: CalendarOccurrence): Presentation {
  const { row, calendar } = occurrence;
  const owner = policyFactsOf(row);
  const detailed = canSeeEntryDetails(actor, calendar.level, owner);
  const canEdit = detailed && canEditEntry(actor, calendar.level, owner);
  return { detailed, canEdit, color: detailed ? calendar.color : BUSY_COLOR };
}

function presentEvent(occurrence: WindowOccurrence, { detailed, canEdit, color }: Presentation): CalendarEvent {
  const { row } = occurrence;
  let start: string;
  let end: string;
  if (row.all_day) {
    start = occurrence.localDate!;
    const days = Math.round((Date.parse(`${row.end_date}T00:00:00Z`) - Date.parse(`${row.start_date}T00:00:00Z`)) / DAY_MS);
    end = addDays(start, days);
  } else {
    const zone = ianaZone(row.time_zone);
    start = formatInstantInZone(occurrence.startMs, zone);
    end = formatInstantInZone(occurrence.endMs, zone);
  }
  const series = occurrence.series ?? (row.series_id ? { seriesId: row.series_id, recurrenceId: row.recurrence_id! } : null);
  return {
    id: occurrence.series ? `${occurrence.series.seriesId}:${occurrence.series.recurrenceId}` : row.id,
    title: detailed ? row.title : 'Busy',
    start,
    end,
    allDay: row.all_day,
    color,
    contrastColor: '#ffffff',
    backgroundColor: color,
    borderColor: color,
    textColor: '#ffffff',
    editable: canEdit,
    extendedProps: {
      entryId: row.id,
      module: detailed ? row.module : null,
      kind: detailed ? row.kind : null,
      status: detailed ? row.status : null,
      priority: detailed ? row.priority : null,
      calendarId: row.calendar_id,
      version: row.version,
      location: detailed ? row.location : null,
      visibility: row.visibility,
      busyOnly: !detailed,
      ...(series ?? {}),
      canEdit,
      canDelete: canEdit,
    },
  };
}

/** An occurrence as the event object the calendar views consume. */
export function eventOf(actor: Actor, occurrence: CalendarOccurrence): CalendarEvent {
  return presentEvent(occurrence, presentationOf(actor, occurrence));
}

/**
 * The range query's response body, as chunks to stream, and its ETag; `chunks` is null when
 * `ifNoneMatch` names the ETag (answer 304). With the occurrence cache the ETag comes from what
 * decides the body (feed-etag.ts), before anything is read or expanded; without it, from the body.
 * Occurrences from the cache keep their event object per presentation, already encoded, so a month
 * of a large organisation is copied out, not rebuilt. Sending in small chunks matters as much: one
 * string of ten megabytes costs more in fresh memory than the rest of the request.
 */
export async function calendarFeed(database: Database, cache: OccurrenceCache | null, actor: Actor, query: CalendarQuery, ifNoneMatch?: string): Promise<{ chunks: Iterable<Buffer> | null; etag: string }> {
  // Both started after the request arrived: the stamp sees every write committed before it.
  const [view, stamp] = await Promise.all([resolveView(database, actor, query), cache?.changeStamp(database, actor.organizationId)]);
  if (!cache || stamp === undefined) {
    // Nothing names the state of the data but the body itself: it is built, then hashed.
    const parts = await uncachedParts(database, actor, view);
    const hash = createHash('sha1');
    for (const part of parts) hash.update(part);
    const etag = `W/"${hash.digest('base64url')}"`;
    return { chunks: matchesNoneMatch(ifNoneMatch, etag) ? null : jsonArrayChunks(parts), etag };
  }
  const { filters, calendars } = view;
  const etag = feedEtag(stamp, actor, view, await matchingCommunities(database, filters));
  if (matchesNoneMatch(ifNoneMatch, etag)) return { chunks: null, etag };
  const items = !filters.q && calendars.size > 0 ? await cache.occurrencesIn(database, actor.organizationId, filters.startMs, filters.endMs, { fresh: true }) : null;
  return { chunks: jsonArrayChunks(items ? await cachedParts(database, actor, view, items) : await uncachedParts(database, actor, view)), etag };
}

async function uncachedParts(database: Database, actor: Actor, view: CalendarView): Promise<Buffer[]> {
  const { occurrences } = await collectOccurrences(database, actor, view);
  return occurrences.map((o) => Buffer.from(JSON.stringify(presentEvent(o, presentationOf(actor, o)))));
}

async function cachedParts(database: Database, actor: Actor, view: CalendarView, items: CachedOccurrence[]): Promise<Buffer[]> {
  const parts: Buffer[] = [];
  await forEachInView(database, items, view.calendars, view.filters, (item, calendar) => {
    const detailed = canSeeEntryDetails(actor, calendar.level, item.owner);
    const canEdit = detailed && canEditEntry(actor, calendar.level, item.owner);
    const variant = detailed ? (canEdit ? 2 : 1) : 0;
    if (item.jsonColor !== calendar.color || !item.json) {
      item.json = [];
      item.jsonColor = calendar.color;
    }
    parts.push((item.json[variant] ??= Buffer.from(JSON.stringify(presentEvent(item, { detailed, canEdit, color: detailed ? calendar.color : BUSY_COLOR })))));
  });
  return parts;
}

/** The range query behind the calendar views: event objects for [start, end), filtered by what the actor may see. */
export async function queryCalendar(database: Database, actor: Actor, query: CalendarQuery, cache: OccurrenceCache | null = null): Promise<CalendarEvent[]> {
  const { occurrences } = await collectOccurrences(database, actor, query, { cache });
  return occurrences.map((o) => eventOf(actor, o));
}
