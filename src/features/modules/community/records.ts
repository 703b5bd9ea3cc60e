/**
 * Community records: a community event is one entry (all-day by default, as in the plan's model);
 * holidays from src/core/holidays become public observance entries.
 */
import { z } from 'zod';
import type { HolidayDraft } from '../../../core/holidays/philippine-holidays.js';
import type { EntryDraft } from '../model.js';
import { allDayDraft, key, timedDraft } from '../projection.js';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, RecordBaseShape } from '../schema-parts.js';
import { CommunityEventDetailsSchema } from './kinds.js';

export const CommunityEventRecordSchema = z
  .strictObject({
    ...RecordBaseShape,
    communityId: IdSchema,
    allDay: z.boolean().default(true),
    startDate: IsoDateSchema.optional(),
    endDate: IsoDateSchema.nullable().default(null),
    start: IsoDateTimeSchema.optional(),
    end: IsoDateTimeSchema.optional(),
    createdById: IdSchema.nullable().default(null),
    status: z.string().default('planned'),
    details: CommunityEventDetailsSchema,
  })
  .refine((r) => (r.allDay ? r.startDate !== undefined : r.start !== undefined && r.end !== undefined), {
    message: 'an all-day event needs startDate; a timed one needs start and end',
    path: ['startDate'],
  });
export type CommunityEventRecord = z.infer<typeof CommunityEventRecordSchema>;

export function projectCommunityEvent(record: CommunityEventRecord): EntryDraft[] {
  const fields = {
    projectionKey: key('community', 'event', record.id),
    module: 'community' as const,
    kind: 'community_event',
    title: record.title,
    status: record.status,
    // The plan's organizer is a name (details.organizerName); who typed the record in is not
    // attending, so the entry has no organizer person.
    organizerId: null,
    visibility: record.details.isPublic ? ('public' as const) : ('internal' as const),
    details: record.details,
  };
  if (record.allDay || !record.start || !record.end) return [allDayDraft(record, fields, record.startDate ?? record.start!.slice(0, 10), record.endDate)];
  return [timedDraft(record, fields, record.start, record.end)];
}

/** Holidays (src/core/holidays) as public observance drafts on their dates in `timeZone`. */
export function projectHolidays(holidays: readonly HolidayDraft[], timeZone = 'Asia/Manila'): EntryDraft[] {
  return holidays.map((h) =>
    allDayDraft(
      { id: h.projectionKey, title: h.name, description: null, timeZone, priority: 'normal', communityId: null, location: null },
      {
        projectionKey: h.projectionKey,
        module: 'community',
        kind: 'observance',
        title: h.name,
        status: 'observed',
        visibility: 'public',
        details: {
          observanceType: h.category === 'islamic' ? 'islamic' : 'national_holiday',
          holidayType: h.holidayType,
          isPublic: true,
          source: h.source,
          communityIds: [],
          ...(h.hijri ? { hijri: h.hijri } : {}),
          ...(h.rule ? { rule: h.rule } : {}),
        },
      },
      h.date,
    ),
  );
}
