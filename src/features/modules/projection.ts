/** Draft construction shared by the module projections. */
import { allDaySpan, instantMs } from './dates.js';
import type { EntryDraft, ModuleKey, Priority } from './model.js';

interface RecordBase {
  id: string;
  title: string;
  description: string | null;
  timeZone: string;
  priority: Priority;
  communityId: string | null;
  location: string | null;
}

type DraftFields = Omit<EntryDraft, 'startMs' | 'endMs' | 'allDay' | 'timeZone' | 'description' | 'communityId' | 'location' | 'priority' | 'visibility' | 'organizerId'> &
  Partial<Pick<EntryDraft, 'description' | 'communityId' | 'location' | 'priority' | 'visibility' | 'organizerId'>>;

/** A draft on whole dates [date, lastDate] in the record's zone. */
export function allDayDraft(record: RecordBase, fields: DraftFields, date: string, lastDate?: string | null): EntryDraft {
  return { ...baseOf(record), ...fields, ...allDaySpan(date, record.timeZone, lastDate), allDay: true, timeZone: record.timeZone };
}

/** A timed draft from ISO instants; an end before the start is clamped to the start. */
export function timedDraft(record: RecordBase, fields: DraftFields, start: string, end: string): EntryDraft {
  const startMs = instantMs(start);
  return { ...baseOf(record), ...fields, startMs, endMs: Math.max(startMs, instantMs(end)), allDay: false, timeZone: record.timeZone };
}

function baseOf(record: RecordBase) {
  return {
    description: record.description,
    priority: record.priority,
    communityId: record.communityId,
    location: record.location,
    visibility: 'internal' as const,
    organizerId: null,
  };
}

export function key(module: ModuleKey, ...parts: (string | number)[]): string {
  return [module, ...parts].join(':');
}
