import { and, eq, isNull } from 'drizzle-orm';
import { occurrenceInstant } from '../../core/recurrence/index.js';
import { formatLocalDate, formatLocalDateTime, type LocalDateTime } from '../../core/time/index.js';
import type { DbOrTx } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import { invalidField } from '../../http/problem.js';
import { parseOccurrenceId } from '../entries/edit-occurrence.js';
import type { EntryRow } from '../entries/repository.js';
import { occurrencesInWindow, seriesFieldsOf, toRecurrenceInput } from '../entries/series.js';

/** One span of an entry to book: the entry itself (recurrenceId null) or one occurrence of its series. */
export interface BookableOccurrence {
  recurrenceId: string | null;
  startMs: number;
  endMs: number;
}

export const isSeries = (row: Pick<EntryRow, 'rrule' | 'rdate'>): boolean => Boolean(row.rrule) || row.rdate.length > 0;

const DAY_MS = 86_400_000;
export const DEFAULT_HORIZON_DAYS = 180;
export const MAX_HORIZON_DAYS = 730;
const MAX_OCCURRENCES = 1000;

async function overridesOf(db: DbOrTx, master: EntryRow): Promise<Map<string, EntryRow>> {
  const rows = await db.select().from(entries)
    .where(and(eq(entries.organizationId, master.organizationId), eq(entries.seriesId, master.id), isNull(entries.deletedAt)));
  return new Map(rows.map((r) => [r.recurrenceId!, r]));
}

/** The span of an entry that does not recur (which needs none of the series machinery). */
export function singleEntrySpan(entry: Pick<EntryRow, 'startAt' | 'endAt'>, recurrenceId: string | undefined): BookableOccurrence {
  if (recurrenceId !== undefined) throw invalidField('recurrenceId', 'is only for an entry that recurs', 422);
  return { recurrenceId: null, startMs: entry.startAt.getTime(), endMs: entry.endAt.getTime() };
}

/**
 * What a booking request covers: a single entry; one occurrence of a series (its override's time
 * if it was moved); or, with no recurrenceId, every occurrence from now up to the horizon.
 */
export async function occurrencesToBook(db: DbOrTx, entry: EntryRow, recurrenceId: string | undefined, nowMs: number, untilMs: number | null): Promise<BookableOccurrence[]> {
  if (!isSeries(entry)) return [singleEntrySpan(entry, recurrenceId)];
  const durationMs = entry.endAt.getTime() - entry.startAt.getTime();
  const overrides = await overridesOf(db, entry);
  const timed = (rid: string, startMs: number): BookableOccurrence => {
    const o = overrides.get(rid);
    return o ? { recurrenceId: rid, startMs: o.startAt.getTime(), endMs: o.endAt.getTime() } : { recurrenceId: rid, startMs, endMs: startMs + durationMs };
  };
  if (recurrenceId !== undefined) {
    const instant = occurrenceInstant(toRecurrenceInput(seriesFieldsOf(entry)), parseOccurrenceId(entry, recurrenceId));
    if (instant === null) throw invalidField('recurrenceId', 'is not an occurrence of this series', 422);
    return [timed(recurrenceId, instant)];
  }
  const horizon = untilMs ?? nowMs + DEFAULT_HORIZON_DAYS * DAY_MS;
  if (horizon > nowMs + MAX_HORIZON_DAYS * DAY_MS) throw invalidField('until', `may be at most ${MAX_HORIZON_DAYS} days ahead`, 422);
  const found = occurrencesInWindow(seriesFieldsOf(entry), nowMs, horizon, MAX_OCCURRENCES);
  return found.map((o) => timed(entry.allDay ? formatLocalDate(o.local) : formatLocalDateTime(o.local as LocalDateTime), o.epochMs));
}
