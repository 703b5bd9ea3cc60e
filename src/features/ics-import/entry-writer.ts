import type { IcsEntry } from '../../core/ics/index.js';
import { formatLocalDateTime, ianaZone, localFromWallMs } from '../../core/time/index.js';
import type { QueryFn } from '../../db/client.js';
import { changedColumns, type ImportColumns } from './entry-columns.js';

/** What an import did, per VEVENT (masters and overrides each count once). */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface SkippedItem {
  line: number;
  uid: string | null;
  reason: string;
}

export interface WriterContext {
  organizationId: string;
  calendarId: string;
  userId: string;
  module: string;
  kind: string;
  statusOf(ics: IcsEntry['status']): string;
}

interface StoredRow {
  id: string;
  calendar_id: string;
  recurrence_id: string | null;
  sequence: number;
  updated_at: Date;
  deleted_at: Date | null;
  status: string;
  title: string;
  description: string | null;
  location: string | null;
  all_day: boolean;
  is_floating: boolean;
  start_at: Date;
  end_at: Date;
  start_date: string | null;
  end_date: string | null;
  time_zone: string;
  zone_rules: string | null;
  rrule: string | null;
  rdate: string[];
  exdate: string[];
  visibility: string;
}

const STORED = `id, calendar_id, recurrence_id, sequence, updated_at, deleted_at, status, title, description, location, all_day,
  is_floating, start_at, end_at, to_char(start_date, 'YYYY-MM-DD') as start_date, to_char(end_date, 'YYYY-MM-DD') as end_date,
  time_zone, zone_rules, rrule, rdate, exdate, visibility`;

const asColumns = (r: StoredRow): Partial<Record<keyof ImportColumns, unknown>> => ({
  title: r.title, description: r.description, location: r.location, allDay: r.all_day, isFloating: r.is_floating,
  startAt: r.start_at, endAt: r.end_at, startDate: r.start_date, endDate: r.end_date, timeZone: r.time_zone,
  zoneRules: r.zone_rules, rrule: r.rrule, rdate: r.rdate, exdate: r.exdate, visibility: r.visibility, sequence: r.sequence,
});

/** RFC 5545 §3.8.7.4: a higher SEQUENCE wins; at the same SEQUENCE, the later LAST-MODIFIED. */
function isNewer(e: IcsEntry, row: StoredRow): boolean {
  if (e.sequence !== row.sequence) return e.sequence > row.sequence;
  return e.lastModified !== null && Date.parse(e.lastModified) > row.updated_at.getTime();
}

/** The RECURRENCE-ID as the entries table keeps it: the wall clock in the series' zone, or a date. */
function storedRecurrenceId(e: IcsEntry, master: StoredRow): string {
  const id = e.recurrenceId!;
  if (master.all_day) return id.local.slice(0, 10);
  // Floating series are placed in their time_zone, as their RECURRENCE-IDs are: one formula serves both.
  const zone = ianaZone(master.time_zone);
  return formatLocalDateTime(localFromWallMs(id.epochMs + zone.offsetMsAt(id.epochMs)));
}

const BATCH = 400;
const key = (uid: string, recurrenceId: string | null) => `${uid}\u0000${recurrenceId ?? ''}`;
const isSeriesRow = (r: StoredRow) => r.rrule !== null || r.rdate.length > 0;

interface Pending {
  e: IcsEntry;
  columns: () => ImportColumns;
}

/** A row to insert once the batch is decided. */
interface Insert {
  e: IcsEntry;
  c: ImportColumns;
  status: string;
  cancelled: boolean;
  seriesId: string | null;
  override: { recurrenceId: string; at: Date } | null;
}

/**
 * Upserts imported VEVENTs inside one transaction (`q`), a batch at a time (one lookup and one
 * multi-row insert per batch): UID + RECURRENCE-ID identify an entry, a newer version updates
 * what changed, and an override is linked to its series' row. Overrides that arrive before their
 * master wait (they are few) until `finish`; one whose series never comes becomes a single entry.
 */
export class EntryWriter {
  readonly counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  readonly skippedItems: SkippedItem[] = [];
  private batch: Pending[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private waiting: Pending[] = [];
  private rows = new Map<string, StoredRow>();
  // UIDs of the file's masters and single events: an override of one that is not a series is skipped.
  private readonly mastersSeen = new Set<string>();

  constructor(
    private readonly q: QueryFn,
    private readonly ctx: WriterContext,
  ) {}

  /**
   * One VEVENT. Its columns are computed here, so that a refused recurrence throws for this event's
   * line; the batch's database work then runs while the caller parses the next batch (one batch in
   * flight at most, so memory stays bounded).
   */
  async write(e: IcsEntry, columns: () => ImportColumns): Promise<void> {
    const c = columns();
    this.batch.push({ e, columns: () => c });
    if (this.batch.length < BATCH) return;
    await this.inFlight;
    const batch = this.batch.splice(0);
    this.inFlight = this.process(batch, false);
    // Surfaces at the next write or at finish; never left unhandled in between.
    this.inFlight.catch(() => {});
  }

  async finish(): Promise<void> {
    await this.inFlight;
    const batch = this.batch.splice(0);
    if (batch.length) await this.process(batch, false);
    const waiting = this.waiting.splice(0);
    for (let i = 0; i < waiting.length; i += BATCH) await this.process(waiting.slice(i, i + BATCH), true);
  }

  private skip(e: IcsEntry, reason: string) {
    this.counts.skipped++;
    this.skippedItems.push({ line: e.line, uid: e.uidGenerated ? null : e.uid, reason });
  }

  private async load(uids: string[]) {
    this.rows.clear();
    const found = await this.q<StoredRow & { uid: string }>(
      `select uid, ${STORED} from entries where organization_id = $1 and uid = any($2::text[])`,
      [this.ctx.organizationId, [...new Set(uids)]],
    );
    for (const row of found) this.rows.set(key(row.uid, row.recurrence_id), row);
  }

  private async process(items: Pending[], last: boolean) {
    await this.load(items.map((p) => p.e.uid));
    const inserts: Insert[] = [];
    const planned = new Set<string>();
    for (const { e, columns } of items.filter((p) => !p.e.recurrenceId)) {
      this.mastersSeen.add(e.uid);
      await this.decide(e, columns(), null, null, inserts, planned);
      for (const period of e.rdatePeriods) {
        // An RDATE;VALUE=PERIOD occurrence with its own length is kept as an override row of that length.
        if (period.endMs - period.startMs === e.endMs - e.startMs || e.allDay) continue;
        const o: IcsEntry = { ...e, recurrenceId: { local: '', epochMs: period.startMs, thisAndFuture: false }, startMs: period.startMs, endMs: period.endMs, rrule: null, rdate: [], exdate: [], rdatePeriods: [] };
        items.push({ e: o, columns: () => ({ ...columns(), ...periodTimes(period), rrule: null, rdate: [], exdate: [] }) });
      }
    }
    await this.insertAll(inserts.splice(0));
    for (const item of items.filter((p) => p.e.recurrenceId)) {
      const { e, columns } = item;
      const master = this.rows.get(key(e.uid, null));
      if (master && isSeriesRow(master)) {
        await this.decide(e, columns(), master.id, { recurrenceId: storedRecurrenceId(e, master), at: new Date(e.recurrenceId!.epochMs) }, inserts, planned);
      } else if (!last && !master) {
        this.waiting.push(item);
      } else if (planned.has(key(e.uid, null))) {
        this.skip(e, 'a second occurrence of an event whose series is not in the file');
      } else if (master && this.mastersSeen.has(e.uid)) {
        this.skip(e, 'RECURRENCE-ID for an event that is not a series');
      } else {
        // No series in the file (an invitation to one occurrence): a single entry, found again by UID on a re-import.
        await this.decide({ ...e, recurrenceId: null }, columns(), null, null, inserts, planned);
      }
    }
    await this.insertAll(inserts);
  }

  private async decide(e: IcsEntry, c: ImportColumns, seriesId: string | null, override: Insert['override'], inserts: Insert[], planned: Set<string>) {
    const k = key(e.uid, override?.recurrenceId ?? null);
    const cancelled = override !== null && e.status === 'cancelled';
    const status = this.ctx.statusOf(e.status);
    if (planned.has(k)) return this.skip(e, 'the same UID and RECURRENCE-ID as an earlier VEVENT of the file');
    const row = this.rows.get(k);
    if (!row) {
      planned.add(k);
      inserts.push({ e, c, status, cancelled, seriesId, override });
      return;
    }
    if (row.calendar_id !== this.ctx.calendarId) return this.skip(e, 'this UID belongs to an entry of another calendar');
    const changed = changedColumns(asColumns(row), c);
    const stateChanged = row.status !== status || (row.deleted_at !== null) !== cancelled;
    if (!isNewer(e, row) || (changed.length === 0 && !stateChanged)) {
      this.counts.unchanged++;
      return;
    }
    await this.q(
      `update entries set title = $2, description = $3, location = $4, all_day = $5, is_floating = $6, start_at = $7, end_at = $8,
         start_date = $9, end_date = $10, time_zone = $11, zone_rules = $12, rrule = $13, rdate = $14::jsonb, exdate = $15::jsonb,
         span_start = $16, span_end = $17, visibility = $18, sequence = $19, status = $20, updated_at = $21,
         deleted_at = case when $22::boolean then coalesce(deleted_at, now()) else null end, version = version + 1
       where id = $1`,
      [row.id, ...valuesOf(c), status, modifiedAt(e), cancelled],
    );
    this.counts.updated++;
  }

  /**
   * One insert per batch through `unnest` of one text array per column: a VALUES list of 400 rows
   * with 10,000 parameters cost PostgreSQL more in binding and planning than in writing the rows.
   */
  private async insertAll(inserts: Insert[]) {
    if (inserts.length === 0) return;
    const columns: (string | null)[][] = INSERT_TYPES.map(() => []);
    for (const i of inserts) {
      const values = [...valuesOf(i.c), i.status, modifiedAt(i.e), i.cancelled, i.e.uid, i.seriesId, i.override?.recurrenceId ?? null, i.override?.at ?? null];
      values.forEach((value, k) => columns[k]!.push(value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : String(value)));
    }
    const params: unknown[] = [this.ctx.organizationId, this.ctx.calendarId, this.ctx.module, this.ctx.kind, this.ctx.userId, ...columns];
    const c = (n: number) => (INSERT_TYPES[n - 1] === 'text' ? `t.c${n}` : `t.c${n}::${INSERT_TYPES[n - 1]}`);
    const selected = [...Array.from({ length: 20 }, (_, k) => c(k + 1)), `case when ${c(21)} then now() else null end`, '$1', '$2', c(22), '$3', '$4', '$5', '$5', c(23), c(24), c(25), "'ics'"];
    const inserted = await this.q<StoredRow & { uid: string }>(
      `insert into entries (title, description, location, all_day, is_floating, start_at, end_at, start_date, end_date, time_zone,
         zone_rules, rrule, rdate, exdate, span_start, span_end, visibility, sequence, status, updated_at, deleted_at,
         organization_id, calendar_id, uid, module, kind, organizer_id, created_by, series_id, recurrence_id, recurrence_id_at, source_system)
       select ${selected.join(', ')}
       from unnest(${INSERT_TYPES.map((_, k) => `$${k + 6}::text[]`).join(', ')}) as t(${INSERT_TYPES.map((_, k) => `c${k + 1}`).join(', ')})
       returning uid, ${STORED}`,
      params,
    );
    for (const row of inserted) this.rows.set(key(row.uid, row.recurrence_id), row);
    this.counts.created += inserted.length;
  }
}

/** The SQL types of an inserted row's values, in the order of `valuesOf` and the rest of `insertAll`'s row. */
const INSERT_TYPES = [
  'text', 'text', 'text', 'boolean', 'boolean', 'timestamptz', 'timestamptz', 'date', 'date', 'text',
  'text', 'text', 'jsonb', 'jsonb', 'timestamptz', 'timestamptz', 'text', 'int', 'text', 'timestamptz',
  'boolean', 'text', 'uuid', 'text', 'timestamptz',
] as const;

function periodTimes(period: { startMs: number; endMs: number }): Partial<ImportColumns> {
  return { startAt: new Date(period.startMs), endAt: new Date(period.endMs), spanStart: new Date(period.startMs), spanEnd: new Date(period.endMs) };
}

function modifiedAt(e: IcsEntry): Date {
  return e.lastModified ? new Date(e.lastModified) : new Date();
}

function valuesOf(c: ImportColumns): unknown[] {
  return [
    c.title, c.description, c.location, c.allDay, c.isFloating, c.startAt, c.endAt, c.startDate, c.endDate, c.timeZone,
    c.zoneRules, c.rrule, JSON.stringify(c.rdate), JSON.stringify(c.exdate), c.spanStart, c.spanEnd, c.visibility, c.sequence,
  ];
}
