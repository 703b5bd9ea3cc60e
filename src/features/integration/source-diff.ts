import type { EntryTimeColumns } from '../entries/times.js';
import type { EntryRow } from '../entries/repository.js';
import type { EntryCreate, EntryPatch } from '../entries/schemas.js';

/** An entry create body with every default filled in, as the row that creating it would hold. */
export interface DesiredEntry {
  input: EntryCreate;
  calendarId: string;
  module: string;
  timeZone: string;
  organizerId: string | null;
  times: EntryTimeColumns;
}

// jsonb does not keep key order: compare JSON values by content.
export const sameJson = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v));

/**
 * The smallest patch that turns `row` into `desired`, or null when nothing differs. Start and end
 * go in only when the times really moved (an equal instant written with another offset is no
 * change), so that SEQUENCE rises only for changes attendees must hear about.
 */
export function sourcePatchOf(row: EntryRow, desired: DesiredEntry): EntryPatch | null {
  const { input, times } = desired;
  const patch: EntryPatch = {};
  const scalars = {
    calendarId: [row.calendarId, desired.calendarId],
    module: [row.module, desired.module],
    kind: [row.kind, input.kind],
    title: [row.title, input.title],
    description: [row.description, input.description ?? null],
    location: [row.location, input.location ?? null],
    communityId: [row.communityId, input.communityId ?? null],
    organizerId: [row.organizerId, desired.organizerId],
    status: [row.status, input.status],
    priority: [row.priority, input.priority],
    visibility: [row.visibility, input.visibility],
  } as const;
  for (const [key, [now, wanted]] of Object.entries(scalars)) if (now !== wanted) (patch as Record<string, unknown>)[key] = wanted;
  if (!sameJson(row.details, input.details)) patch.details = input.details;
  if ((row.rrule ?? null) !== times.rrule) patch.rrule = times.rrule;
  if (!sameJson(row.rdate, input.rdate)) patch.rdate = input.rdate;
  if (!sameJson(row.exdate, input.exdate)) patch.exdate = input.exdate;
  const moved = row.allDay !== input.allDay || row.timeZone !== desired.timeZone
    || row.startAt.getTime() !== times.startAt.getTime() || row.endAt.getTime() !== times.endAt.getTime()
    || row.startDate !== times.startDate || row.endDate !== times.endDate;
  if (moved) Object.assign(patch, { start: input.start, end: input.end, allDay: input.allDay, timeZone: desired.timeZone });
  return Object.keys(patch).length ? patch : null;
}
