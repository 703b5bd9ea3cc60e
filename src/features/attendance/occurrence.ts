import { occurrenceInstant } from '../../core/recurrence/index.js';
import { formatLocalDate, formatLocalDateTime, ianaZone, localFromWallMs } from '../../core/time/index.js';
import { invalidField, notFound } from '../../http/problem.js';
import { parseOccurrenceId } from '../entries/edit-occurrence.js';
import type { EntryRow } from '../entries/repository.js';
import { seriesFieldsOf, toRecurrenceInput } from '../entries/series.js';

/** One occurrence attendance is about: key '' for an entry that does not recur (see OccurrenceKey). */
export interface AttendanceOccurrence {
  key: string;
  at: Date;
}

export const isSeries = (row: Pick<EntryRow, 'rrule' | 'rdate'>): boolean => Boolean(row.rrule) || row.rdate.length > 0;

/** The occurrence named by a RECURRENCE-ID; a single entry takes none; a series needs one. */
export function resolveOccurrence(entry: EntryRow, recurrenceId: string | null | undefined, field = 'recurrenceId'): AttendanceOccurrence {
  if (!isSeries(entry)) {
    if (recurrenceId) throw invalidField(field, 'is only for an entry that recurs', 422);
    return { key: '', at: entry.startAt };
  }
  if (!recurrenceId) throw invalidField(field, 'is required for a recurring entry: the occurrence (YYYY-MM-DDTHH:MM:SS local start)', 422);
  const instant = occurrenceInstant(toRecurrenceInput(seriesFieldsOf(entry)), parseOccurrenceId(entry, recurrenceId));
  if (instant === null) throw notFound(`Occurrence ${recurrenceId} of this series`);
  return { key: recurrenceId, at: new Date(instant) };
}

/** Same, without throwing: null when the id names no occurrence (scans report it instead). */
export function tryResolveOccurrence(entry: EntryRow, recurrenceId: string | null | undefined): AttendanceOccurrence | null {
  try {
    return resolveOccurrence(entry, recurrenceId);
  } catch {
    return null;
  }
}

/** The RECURRENCE-ID of the occurrence that starts at an instant (iTIP replies and the contract give instants). */
export function recurrenceIdAt(entry: EntryRow, at: Date): string {
  const zone = ianaZone(entry.timeZone);
  const local = localFromWallMs(at.getTime() + zone.offsetMsAt(at.getTime()));
  return entry.allDay ? formatLocalDate(local) : formatLocalDateTime(local);
}
