import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import type { Actor } from '../auth/actor.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import type { EntryRow } from './repository.js';
import type { EntryCreate } from './schemas.js';
import { resolveEntryTimes } from './times.js';
import { checkDetails, checkReferences, writableCalendar } from './write-checks.js';

export async function createEntry(
  deps: { db: Db },
  actor: Actor,
  input: EntryCreate,
  extra: { sourceSystem?: string; externalId?: string; uid?: string; override?: { seriesId: string; recurrenceId: string; recurrenceIdAt: Date } } = {},
): Promise<{ row: EntryRow; calendar: CalendarWithLevel }> {
  return deps.db.transaction(async (tx) => {
    const calendar = await writableCalendar(tx, actor, input.calendarId);
    const organizerId = input.organizerId === undefined ? actor.userId : input.organizerId;
    await checkReferences(tx, actor, { organizerId, communityId: input.communityId });
    const module = input.module ?? calendar.module ?? 'general';
    checkDetails(module, input.kind, input.details);
    const timeZone = input.timeZone ?? actor.timeZone;
    const times = resolveEntryTimes({ ...input, timeZone, rrule: input.rrule ?? null });
    const id = randomUUID();
    const [row] = await tx
      .insert(entries)
      .values({
        id,
        organizationId: actor.organizationId,
        calendarId: calendar.id,
        uid: extra.uid ?? `${id}@kalendaryo`,
        module,
        kind: input.kind,
        title: input.title,
        description: input.description ?? null,
        location: input.location ?? null,
        communityId: input.communityId ?? null,
        organizerId,
        createdBy: actor.userId,
        status: input.status,
        priority: input.priority,
        visibility: input.visibility,
        allDay: input.allDay,
        timeZone,
        ...times,
        rdate: input.rdate,
        exdate: input.exdate,
        details: input.details,
        sourceSystem: extra.sourceSystem ?? null,
        externalId: extra.externalId ?? null,
        seriesId: extra.override?.seriesId ?? null,
        recurrenceId: extra.override?.recurrenceId ?? null,
        recurrenceIdAt: extra.override?.recurrenceIdAt ?? null,
      })
      .returning();
    return { row: row!, calendar };
  });
}
