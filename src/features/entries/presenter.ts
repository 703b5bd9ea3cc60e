import type { AccessLevel } from '../../db/schema/calendars.js';
import type { Actor } from '../auth/actor.js';
import { canEditEntry } from '../calendars/policy.js';
import type { EntryRow } from './repository.js';
import type { EntryDto } from './schemas.js';
import { formatInZone } from './times.js';

export const etagOf = (row: Pick<EntryRow, 'id' | 'version'>): string => `"${row.version}"`;

export function presentEntry(actor: Actor, level: AccessLevel | null, row: EntryRow): EntryDto {
  const canEdit = canEditEntry(actor, level, row);
  return {
    id: row.id,
    uid: row.uid,
    calendarId: row.calendarId,
    module: row.module,
    kind: row.kind,
    title: row.title,
    description: row.description,
    location: row.location,
    communityId: row.communityId,
    organizerId: row.organizerId,
    status: row.status,
    priority: row.priority,
    visibility: row.visibility,
    allDay: row.allDay,
    start: row.allDay ? row.startDate! : formatInZone(row.startAt, row.timeZone),
    end: row.allDay ? row.endDate! : formatInZone(row.endAt, row.timeZone),
    timeZone: row.timeZone,
    rrule: row.rrule,
    rdate: row.rdate,
    exdate: row.exdate,
    seriesId: row.seriesId,
    recurrenceId: row.recurrenceId,
    details: row.details,
    sequence: row.sequence,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit,
    canDelete: canEdit,
  };
}
