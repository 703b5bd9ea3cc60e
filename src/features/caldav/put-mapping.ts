import { DEFAULT_LIMITS, IcsError, type IcsEntry, readIcsEntries } from '../../core/ics/index.js';
import { formatInstantInZone, formatLocalDateTime, ianaZone, isIanaZone, localFromWallMs } from '../../core/time/index.js';
import type { EntryRow } from '../entries/repository.js';
import type { EntryPatch } from '../entries/schemas.js';
import { formatRecurrenceValue } from '../entries/series.js';
import { icsStatus } from '../exports/ics-export.js';
import { matchingIanaZone, zoneOfVtimezoneText } from '../ics-import/custom-zone.js';
import { importStatusOf } from '../ics-import/import-kind.js';
import { caldavCondition, davError } from './errors.js';
import { MAX_RESOURCE_BYTES } from './properties.js';

/** A calendar object resource as PUT sends it: one UID, its master, and its changed occurrences. */
export interface ResourceBody {
  uid: string;
  master: IcsEntry;
  overrides: IcsEntry[];
}

const invalidObject = (message: string) => davError(400, message, caldavCondition('valid-calendar-object-resource'));

/**
 * Reads a PUT body with the importer's reader (its refusals name the line), and holds it to
 * RFC 4791 §4.1: events only, one UID, one master. Floating times are placed in `zone`.
 */
export async function readResourceBody(body: Uint8Array, zone: string): Promise<ResourceBody> {
  const events: IcsEntry[] = [];
  try {
    const limits = { ...DEFAULT_LIMITS, maxBytes: MAX_RESOURCE_BYTES, maxComponents: 2000 };
    for await (const record of readIcsEntries([body], { floatingZone: ianaZone(zone), limits })) {
      if (record.type === 'task') throw davError(403, 'This calendar holds events only (VEVENT); tasks cannot be stored in it.', caldavCondition('supported-calendar-component'));
      if (record.type === 'skipped' && record.component !== 'VALARM') throw davError(403, `${record.component} cannot be stored in a calendar of events.`, caldavCondition('supported-calendar-component'));
      if (record.type === 'entry') events.push(record.entry);
    }
  } catch (error) {
    if (error instanceof IcsError) throw davError(400, `The calendar data was refused at line ${error.line}: ${error.reason}`, caldavCondition('valid-calendar-data'));
    throw error;
  }
  if (events.length === 0) throw invalidObject('The calendar data holds no event (VEVENT).');
  const uids = new Set(events.map((e) => e.uid));
  if (uids.size > 1) throw invalidObject('A resource holds one event: all its VEVENTs must share one UID.');
  if (events.some((e) => e.uidGenerated)) throw invalidObject(`The event at line ${events.find((e) => e.uidGenerated)!.line} has no UID.`);
  const masters = events.filter((e) => e.recurrenceId === null);
  if (masters.length !== 1) throw invalidObject(masters.length ? 'A resource holds one master VEVENT (without RECURRENCE-ID).' : 'Changed occurrences without their series (no VEVENT without RECURRENCE-ID) are not stored here.');
  return { uid: events[0]!.uid, master: masters[0]!, overrides: events.filter((e) => e.recurrenceId !== null) };
}

/** The event's fields as the entries API takes them (what the resource says, nothing it does not). */
export interface IncomingFields {
  title: string;
  description: string | null;
  location: string | null;
  allDay: boolean;
  timeZone: string;
  start: string;
  end: string;
  rrule: string | null;
  rdate: string[];
  exdate: string[];
  visibility: 'public' | 'internal' | 'private' | undefined;
  status: IcsEntry['status'];
}

/** The IANA zone an event is stored in: its own, a file-defined one matched to IANA, or `fallback` (floating, all-day). */
async function zoneOf(e: IcsEntry, fallback: string): Promise<string> {
  if (e.allDay || e.floating || !e.timeZone) return fallback;
  if (!e.customTimeZone && isIanaZone(e.timeZone)) return e.timeZone;
  const zone = e.customTimeZone ? await zoneOfVtimezoneText(e.customTimeZone.vtimezone) : null;
  const iana = zone ? matchingIanaZone(zone, e.startMs) : null;
  if (!iana) throw davError(400, `The time zone ${e.timeZone} (line ${e.line}) is not one Kalendaryo knows; use an IANA zone such as Asia/Manila.`, caldavCondition('valid-calendar-data'));
  return iana;
}

const CLASSES = { public: 'public', private: 'private', confidential: 'private' } as const;

export async function incomingFields(e: IcsEntry, fallbackZone: string): Promise<IncomingFields> {
  const timeZone = await zoneOf(e, fallbackZone);
  const at = (ms: number) => formatInstantInZone(ms, ianaZone(timeZone));
  return {
    title: e.title.trim() || 'Untitled',
    description: e.description?.trim() ? e.description : null,
    location: e.location?.trim() ? e.location : null,
    allDay: e.allDay,
    timeZone,
    start: e.allDay ? e.start : at(e.startMs),
    end: e.allDay ? e.end : at(e.endMs),
    rrule: e.rrule?.replace(/^RRULE:/i, '') ?? null,
    rdate: e.rdate.map(formatRecurrenceValue),
    exdate: e.exdate.map(formatRecurrenceValue),
    // No CLASS says nothing: a private entry is never made visible by a client that drops it.
    visibility: e.visibility ? CLASSES[e.visibility] : undefined,
    status: e.status,
  };
}

/** The RECURRENCE-ID as entries keep it: the wall clock in the series' zone, or a date. */
export function storedRecurrenceId(e: IcsEntry, series: { allDay: boolean; timeZone: string }): string {
  const id = e.recurrenceId!;
  if (series.allDay) return id.local.slice(0, 10);
  return formatLocalDateTime(localFromWallMs(id.epochMs + ianaZone(series.timeZone).offsetMsAt(id.epochMs)));
}

const sameList = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * What must change for `current` to say what the resource says: only the fields that differ, so
 * a client sending back what it was given changes nothing (no version or SEQUENCE bump). Status
 * changes only when the iCalendar STATUS does (the module's own status otherwise stays).
 */
export function patchBetween(current: EntryRow, incoming: IncomingFields, withRecurrence: boolean): EntryPatch {
  const patch: EntryPatch = {};
  if (incoming.title !== current.title) patch.title = incoming.title;
  if (incoming.description !== (current.description || null)) patch.description = incoming.description;
  if (incoming.location !== (current.location || null)) patch.location = incoming.location;
  const timesDiffer = incoming.allDay
    ? incoming.start !== current.startDate || incoming.end !== current.endDate
    : Date.parse(incoming.start) !== current.startAt.getTime() || Date.parse(incoming.end) !== current.endAt.getTime() || incoming.timeZone !== current.timeZone;
  if (incoming.allDay !== current.allDay || timesDiffer) Object.assign(patch, { allDay: incoming.allDay, start: incoming.start, end: incoming.end, ...(incoming.allDay ? {} : { timeZone: incoming.timeZone }) });
  if (withRecurrence) {
    if (incoming.rrule !== current.rrule) patch.rrule = incoming.rrule;
    if (!sameList(incoming.rdate, current.rdate)) patch.rdate = incoming.rdate;
    if (!sameList(incoming.exdate, current.exdate)) patch.exdate = incoming.exdate;
  }
  if (incoming.visibility && incoming.visibility !== current.visibility) patch.visibility = incoming.visibility;
  const status = incoming.status ?? 'confirmed';
  if (status !== icsStatus({ deleted_at: null, status: current.status })) patch.status = importStatusOf(current.module, current.kind, status);
  return patch;
}
