import { getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';
import type { Database, DbOrTx, QueryFn } from '../../db/client.js';
import { resourceBookings, resources } from '../../db/schema/resources.js';
import type { Actor } from '../auth/actor.js';
import type { AccessRow, CalendarForPolicy } from '../calendars/policy.js';
import type { EntryRow } from '../entries/repository.js';
import { conflictingBookingIn } from './guard-errors.js';
import type { BlackoutSpanRow, BookingRow, ResourceRow } from './repository.js';

/** A row read as JSON or by the raw driver, turned into what Drizzle would have returned (dates, numerics). */
function fromRow<T>(table: Table, raw: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T;
}

/** What a booking needs of its entry; a series is read whole afterwards (occurrencesToBook). */
export type BookingEntry = Pick<EntryRow, 'id' | 'calendarId' | 'visibility' | 'organizerId' | 'createdBy' | 'startAt' | 'endAt' | 'communityId' | 'rrule' | 'rdate'>;

export interface BookingContext {
  entry: BookingEntry | null;
  calendar: CalendarForPolicy | null;
  /** The calendar's access rows that name the actor or the actor's role: all accessLevelOf looks at. */
  access: AccessRow[];
  resource: ResourceRow | null;
  /** The resource's blackouts within marginMs of the entry's own span. */
  blackouts: BlackoutSpanRow[];
}

const CONTEXT_SQL = `
select
  case when e.id is not null then jsonb_build_object('id', e.id, 'calendarId', e.calendar_id, 'visibility', e.visibility, 'organizerId', e.organizer_id,
    'createdBy', e.created_by, 'startAt', e.start_at, 'endAt', e.end_at, 'communityId', e.community_id, 'rrule', e.rrule, 'rdate', e.rdate) end as entry,
  case when c.id is not null then jsonb_build_object('id', c.id, 'type', c.type, 'ownerId', c.owner_id, 'isReadOnly', c.is_read_only) end as calendar,
  coalesce((select jsonb_agg(jsonb_build_object('calendarId', a.calendar_id, 'userId', a.user_id, 'role', a.role, 'level', a.level))
    from calendar_access a where a.calendar_id = c.id and (a.user_id = $4::uuid or a.role = $5)), '[]'::jsonb) as access,
  to_jsonb(r) as resource,
  coalesce((select jsonb_agg(jsonb_build_object('id', bo.id, 'resource_id', bo.resource_id, 'reason', bo.reason,
      'start_ms', extract(epoch from bo.starts_at) * 1000, 'end_ms', extract(epoch from bo.ends_at) * 1000) order by bo.starts_at)
    from resource_blackouts bo where bo.organization_id = $1::uuid and bo.resource_id = r.id
      and bo.starts_at < e.end_at + $6::float8 * interval '1 millisecond' and bo.ends_at > e.start_at - $6::float8 * interval '1 millisecond'), '[]'::jsonb) as blackouts
from (select 1) as one
left join entries e on e.organization_id = $1::uuid and e.id = $2::uuid and e.deleted_at is null
left join calendars c on c.organization_id = $1::uuid and c.id = e.calendar_id
left join resources r on r.organization_id = $1::uuid and r.id = $3::uuid`;

/**
 * Everything a booking reads before it decides, in one round trip and without a lock: the write
 * (bookOccurrence) locks the resource and refuses if it changed since (its version) or a blackout
 * appeared, so nothing read here can be stale when it counts.
 */
export async function loadBookingContext(database: Database, actor: Actor, entryId: string, resourceId: string, marginMs: number): Promise<BookingContext> {
  const [row] = await database.query<{ entry: Record<string, unknown> | null; calendar: CalendarForPolicy | null; access: AccessRow[]; resource: Record<string, unknown> | null; blackouts: BlackoutSpanRow[] }>(
    CONTEXT_SQL, [actor.organizationId, entryId, resourceId, actor.userId, actor.role, marginMs], { name: 'booking_context' });
  const e = row!.entry;
  return {
    entry: e ? ({ ...e, startAt: new Date(e.startAt as string), endAt: new Date(e.endAt as string) } as BookingEntry) : null,
    calendar: row!.calendar,
    access: row!.access,
    resource: row!.resource ? fromRow<ResourceRow>(resources, row!.resource) : null,
    blackouts: row!.blackouts.map((b) => ({ ...b, start_ms: Number(b.start_ms), end_ms: Number(b.end_ms) })),
  };
}

export interface OccurrenceToWrite {
  resource: ResourceRow;
  travelMinutes: number;
  entryId: string;
  recurrenceId: string | null;
  startMs: number;
  endMs: number;
  units: number;
  note: string | null;
  idempotencyKey: string | null;
  /** Stored with the key (src/core/idempotency): the same key with another body is then refused. */
  requestHash?: string | null;
}

export type WriteOutcome =
  | { outcome: 'booked'; booking: BookingRow }
  | { outcome: 'conflict'; conflictingBookingId: string | null }
  | { outcome: 'blackout'; blackoutId: string }
  | { outcome: 'changed' };

/**
 * Writes one booking and its first event through resource_book (0009_resource_book.sql), one
 * statement: on a pooled connection of its own, one autocommitted round trip. Refusals come back as
 * outcomes: an overlap or over-stock (the guard), a blackout, or a resource changed since it was read.
 */
export async function bookOccurrence(query: QueryFn, actor: Pick<Actor, 'organizationId' | 'userId'>, o: OccurrenceToWrite): Promise<WriteOutcome> {
  const [row] = await query<{ outcome: WriteOutcome['outcome']; detail: string | null; booking: Record<string, unknown> | null }>(
    'select * from resource_book($1::uuid, $2::uuid, $3::int, $4::uuid, $5::text, $6::timestamptz, $7::timestamptz, $8::int, $9::int, $10::text, $11::uuid, $12::text, $13::text)',
    [actor.organizationId, o.resource.id, o.resource.version, o.entryId, o.recurrenceId, new Date(o.startMs), new Date(o.endMs), o.units, o.travelMinutes, o.note, actor.userId, o.idempotencyKey, o.requestHash ?? null],
    { name: 'resource_book' },
  );
  const { outcome, detail, booking } = row!;
  if (outcome === 'booked') return { outcome, booking: fromRow<BookingRow>(resourceBookings, booking!) };
  if (outcome === 'conflict') return { outcome, conflictingBookingId: conflictingBookingIn(detail) };
  if (outcome === 'blackout') return { outcome, blackoutId: detail! };
  return { outcome };
}

/** A Drizzle transaction as a QueryFn: `$n` placeholders bound as parameters, so raw statements run inside it. */
export function queryFnOf(db: DbOrTx): QueryFn {
  return async <T>(text: string, params: unknown[] = []) => {
    const chunks: SQL[] = text.split(/\$(\d+)/).map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`));
    const result = (await db.execute(sql.join(chunks))) as unknown as { rows: T[] };
    return result.rows;
  };
}
