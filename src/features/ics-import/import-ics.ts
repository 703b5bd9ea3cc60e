import { DEFAULT_LIMITS, IcsError, type IcsEntry, type IcsImportRecord, type IcsLimits, readIcsEntries } from '../../core/ics/index.js';
import { ianaZone } from '../../core/time/index.js';
import type { Database } from '../../db/client.js';
import { notFound, Problem } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { findAccessibleCalendar } from '../calendars/repository.js';
import { writableCalendar } from '../entries/write-checks.js';
import { splitComponents } from './component-splitter.js';
import { matchingIanaZone, zoneOfVtimezoneText } from './custom-zone.js';
import { importColumnsOf, type StoredZone } from './entry-columns.js';
import { refreshAttendanceCounts } from '../attendance/record-rsvp.js';
import { ImportedAttendeesAndAlarms } from './attendees-and-alarms.js';
import { EntryWriter, type ImportCounts, type SkippedItem } from './entry-writer.js';
import { importKindOf, importStatusOf } from './import-kind.js';

export type ImportMode = 'all-or-nothing' | 'report';

export interface ImportOptions {
  calendarId: string;
  mode: ImportMode;
  /** Where floating times and all-day dates are placed (default: the actor's zone). */
  zone?: string;
  limits?: Partial<IcsLimits>;
}

export interface ImportResult extends ImportCounts {
  calendarName: string | null;
  /** Components not imported: VTODOs, VJOURNALs …, and (mode=report) unreadable events with their lines. */
  skippedItems: SkippedItem[];
  /** mode=report: events refused, with their line and reason. */
  refused: { line: number; reason: string }[];
}

/** A refused file: the API answers 422 with `line` and `reason`; nothing was written. */
export const refusedFile = (error: IcsError) =>
  new Problem(422, 'Unprocessable Content', `The calendar file was refused at line ${error.line}: ${error.reason}`, [], { line: error.line, reason: error.reason });

const HEADER = Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n');
const FOOTER = Buffer.from('END:VCALENDAR\r\n');

/**
 * mode=report: each top-level component is read on its own (with the zones defined before it), so
 * a broken event is listed with its line and the rest still import.
 */
async function* readEachComponent(
  chunks: AsyncIterable<Uint8Array>,
  options: Parameters<typeof readIcsEntries>[1],
  refused: ImportResult['refused'],
): AsyncGenerator<IcsImportRecord> {
  const zones: Buffer[] = [];
  for await (const c of splitComponents(chunks, options.limits?.maxComponents ?? DEFAULT_LIMITS.maxComponents)) {
    if (c.name === 'VTIMEZONE') zones.push(...c.lines);
    const before = 2 + zones.length - (c.name === 'VTIMEZONE' ? c.lines.length : 0);
    try {
      const file = [HEADER, ...(c.name === 'VTIMEZONE' ? zones.slice(0, zones.length - c.lines.length) : zones), ...c.lines, FOOTER];
      for await (const record of readIcsEntries(file, options)) {
        if (record.type === 'calendar-property') continue;
        if (record.type === 'entry') yield { type: 'entry', entry: { ...record.entry, line: c.line + record.entry.line - before - 1 } };
        else yield record.type === 'task' ? { type: 'task', task: { ...record.task, line: c.line } } : { ...record, line: c.line };
      }
    } catch (error) {
      if (!(error instanceof IcsError)) throw error;
      if (c.name === 'VTIMEZONE') zones.splice(zones.length - c.lines.length);
      refused.push({ line: Math.max(c.line, c.line + error.line - before - 1), reason: error.reason });
    }
  }
}

/**
 * Imports a calendar file into one calendar in one transaction (docs/exports.md): creates exactly
 * the file's events — a series stays one entry with its overrides as override rows — and is
 * idempotent on UID + RECURRENCE-ID. A refused file (mode all-or-nothing) writes nothing.
 */
/** The calendar to import into: one the actor can see (else 404) and may add to (else 403). */
export async function importTarget(database: Database, actor: Actor, calendarId: string) {
  if (!(await findAccessibleCalendar(database.db, actor, calendarId))) throw notFound('The calendar');
  return writableCalendar(database.db, actor, calendarId);
}

export async function importIcs(database: Database, actor: Actor, chunks: AsyncIterable<Uint8Array>, options: ImportOptions): Promise<ImportResult> {
  const calendar = await importTarget(database, actor, options.calendarId);
  const floatingZone = options.zone ?? actor.timeZone;
  const module = calendar.module ?? 'general';
  const kind = importKindOf(module);
  const readOptions = { floatingZone: ianaZone(floatingZone), limits: options.limits };
  const refused: ImportResult['refused'] = [];
  const customZones = new Map<string, StoredZone>();

  async function storedZoneOf(e: IcsEntry): Promise<StoredZone> {
    if (!e.customTimeZone) return { timeZone: e.timeZone ?? floatingZone, zoneRules: null, customZone: null };
    const known = customZones.get(e.customTimeZone.vtimezone);
    if (known) return known;
    const zone = await zoneOfVtimezoneText(e.customTimeZone.vtimezone);
    const iana = zone ? matchingIanaZone(zone, e.startMs) : null;
    const stored: StoredZone = iana ? { timeZone: iana, zoneRules: null, customZone: null } : { timeZone: 'UTC', zoneRules: e.customTimeZone.vtimezone, customZone: zone };
    customZones.set(e.customTimeZone.vtimezone, stored);
    return stored;
  }

  const extras = new ImportedAttendeesAndAlarms();
  try {
    const result = await database.rawTransaction(async (q) => {
      const writer = new EntryWriter(q, {
        organizationId: actor.organizationId, calendarId: calendar.id, userId: actor.userId, module, kind,
        statusOf: (status) => importStatusOf(module, kind, status),
      });
      let calendarName: string | null = null;
      const records = options.mode === 'report' ? readEachComponent(chunks, readOptions, refused) : readIcsEntries(chunks, readOptions);
      for await (const record of records) {
        if (record.type === 'calendar-property' && record.name === 'X-WR-CALNAME') calendarName = record.value;
        if (record.type === 'task') {
          writer.counts.skipped++;
          writer.skippedItems.push({ line: record.task.line, uid: record.task.uid, reason: 'VTODO: tasks are not imported (never as events)' });
        }
        if (record.type === 'skipped') {
          writer.counts.skipped++;
          writer.skippedItems.push({ line: record.line, uid: record.uid, reason: `${record.component} is not imported` });
        }
        if (record.type !== 'entry') continue;
        const e = record.entry;
        const zone = await storedZoneOf(e);
        try {
          await writer.write(e, () => importColumnsOf(e, zone, floatingZone));
          extras.note(e);
        } catch (error) {
          if (!(error instanceof Problem) || error.status !== 422) throw error;
          const reason = error.errors[0]?.message ?? error.detail;
          if (options.mode !== 'report') throw new IcsError(e.line, reason);
          refused.push({ line: e.line, reason });
        }
      }
      await writer.finish();
      const attended = await extras.write(q, { organizationId: actor.organizationId, calendarId: calendar.id, userId: actor.userId });
      return { ...writer.counts, calendarName, skippedItems: writer.skippedItems, refused, attended };
    });
    // Attendance counts are derived from the participant rows (recounted whole), so they follow the commit.
    await refreshAttendanceCounts(database.db, actor.organizationId, result.attended);
    const { attended: _attended, ...counts } = result;
    return counts;
  } catch (error) {
    if (error instanceof IcsError) throw refusedFile(error);
    throw error;
  }
}
