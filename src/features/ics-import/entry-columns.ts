import type { IcsEntry } from '../../core/ics/index.js';
import type { RecurrenceValue } from '../../core/recurrence/index.js';
import { type Zone } from '../../core/time/index.js';
import { formatRecurrenceValue } from '../entries/series.js';
import { resolveEntryTimes } from '../entries/times.js';

/** Where an entry's wall clock lives once stored: an IANA zone, or a custom VTIMEZONE kept as rules. */
export interface StoredZone {
  /** entries.time_zone: IANA id ('UTC' for a custom zone no IANA zone matches). */
  timeZone: string;
  /** entries.zone_rules: the VTIMEZONE text of a custom zone no IANA zone matches. */
  zoneRules: string | null;
  /** The custom zone itself, when kept as rules: its local RDATE/EXDATE values become instants. */
  customZone: Zone | null;
}

/** The stored columns an imported VEVENT sets; compared with the row on a re-import. */
export interface ImportColumns {
  title: string;
  description: string | null;
  location: string | null;
  allDay: boolean;
  isFloating: boolean;
  startAt: Date;
  endAt: Date;
  startDate: string | null;
  endDate: string | null;
  timeZone: string;
  zoneRules: string | null;
  rrule: string | null;
  rdate: string[];
  exdate: string[];
  spanStart: Date;
  spanEnd: Date | null;
  visibility: 'public' | 'internal' | 'private';
  sequence: number;
}

/** Stored sorted, so the same set in another order (an export groups values by kind) reads back equal. */
function storedValues(values: readonly RecurrenceValue[], customZone: Zone | null): string[] {
  return values.map((v) =>
    customZone && v.kind === 'local' ? formatRecurrenceValue({ kind: 'instant', epochMs: customZone.epochMsOf(v.value) }) : formatRecurrenceValue(v),
  ).sort();
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * IcsEntry → entry columns. Timed entries are stored by their instants (floating ones placed in
 * the import's zone and flagged is_floating); all-day ones by their dates. Throws the entries
 * feature's Problem (422) when the recurrence yields nothing.
 */
export function importColumnsOf(e: IcsEntry, zone: StoredZone, floatingZone: string): ImportColumns {
  const timeZone = e.allDay || e.floating ? floatingZone : zone.timeZone;
  const rdate = storedValues(e.rdate, zone.customZone);
  const exdate = storedValues(e.exdate, zone.customZone);
  const isSeries = !e.recurrenceId && (e.rrule !== null || rdate.length > 0);
  const times = resolveEntryTimes({
    start: e.allDay ? e.start : iso(e.startMs),
    end: e.allDay ? e.end : iso(e.endMs),
    allDay: e.allDay,
    timeZone,
    rrule: isSeries ? e.rrule : null,
    rdate: isSeries ? rdate : [],
    exdate: isSeries ? exdate : [],
  });
  return {
    title: e.title.trim() || '(untitled)',
    // An empty DESCRIPTION or LOCATION is no value: stored as null, as an export (which omits them) reads back.
    description: e.description || null,
    location: e.location || null,
    allDay: e.allDay,
    isFloating: e.floating,
    ...times,
    rdate: isSeries ? rdate : [],
    exdate: isSeries ? exdate : [],
    timeZone,
    zoneRules: e.allDay || e.floating ? null : zone.zoneRules,
    visibility: e.visibility === 'private' || e.visibility === 'confidential' ? 'private' : e.visibility === 'public' ? 'public' : 'internal',
    sequence: e.sequence,
  };
}

const COMPARED: (keyof ImportColumns)[] = [
  'title', 'description', 'location', 'allDay', 'isFloating', 'startAt', 'endAt', 'startDate', 'endDate',
  'timeZone', 'zoneRules', 'rrule', 'rdate', 'exdate', 'visibility', 'sequence',
];

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The columns whose stored value differs from the file's. */
export function changedColumns(stored: Partial<Record<keyof ImportColumns, unknown>>, next: ImportColumns): (keyof ImportColumns)[] {
  return COMPARED.filter((k) => !same(stored[k], next[k]));
}
