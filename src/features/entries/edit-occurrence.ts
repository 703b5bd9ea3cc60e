import { and, eq, isNull } from 'drizzle-orm';
import {
  type OccurrenceId,
  occurrenceInstant,
  reconcileOverrides,
  type RecurrenceInput,
  RecurrenceError,
  splitSeries,
} from '../../core/recurrence/index.js';
import { formatLocalDateTime, ianaZone, localFromWallMs, parseLocalDate, parseLocalDateTime } from '../../core/time/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import { invalidField, notFound, preconditionFailed, Problem } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { bookingsFollowEntryEdit } from '../resources/follow-entry-edit.js';
import { carryBookingsToSplitSeries } from '../resources/series-bookings.js';
import { createEntry } from './create-entry.js';
import type { EntryRow } from './repository.js';
import type { EntryCreate, EntryPatch } from './schemas.js';
import { formatRecurrenceValue, seriesFieldsOf, toRecurrenceInput } from './series.js';
import { formatInZone, resolveEntryTimes } from './times.js';
import { deleteEntry, loadEditableEntry, updateEntry } from './update-entry.js';

export type EditScope = 'this' | 'following' | 'all';

export interface OccurrenceEditResult {
  /** The series as it is now (null when the change removed it entirely). */
  series: EntryRow | null;
  /** The override ("this") or the new series ("following") that the change created or changed. */
  entry: EntryRow | null;
  /** RECURRENCE-IDs of edited occurrences that no longer fall on the series and were dropped. */
  droppedOverrides: string[];
}

const RECURRENCE_FIELDS = ['rrule', 'rdate', 'exdate'] as const;

export function parseOccurrenceId(master: EntryRow, text: string): OccurrenceId {
  try {
    if (master.allDay && /^\d{4}-\d{2}-\d{2}$/.test(text)) return parseLocalDate(text);
    if (!master.allDay && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(text)) return parseLocalDateTime(text);
  } catch {
    // reported below
  }
  throw invalidField('recurrenceId', master.allDay ? 'must be the date of an occurrence (YYYY-MM-DD)' : 'must be the local start of an occurrence (YYYY-MM-DDTHH:MM:SS)');
}

async function loadSeries(db: Db, actor: Actor, masterId: string, recurrenceId: string, expectedVersion: number | null) {
  const { row: master, calendar } = await loadEditableEntry(db, actor, masterId);
  if (!master.rrule && master.rdate.length === 0) throw new Problem(422, 'Unprocessable Content', 'This entry does not recur; change it with PATCH /api/v1/entries/{id}.');
  if (expectedVersion !== null && expectedVersion !== master.version) {
    throw preconditionFailed(`The series changed since you loaded it (now version ${master.version}); reload and try again.`);
  }
  const id = parseOccurrenceId(master, recurrenceId);
  const input = toRecurrenceInput(seriesFieldsOf(master));
  const instant = occurrenceInstant(input, id);
  if (instant === null) throw notFound(`Occurrence ${recurrenceId} of this series`);
  return { master, calendar, id, input, instant };
}

const overridesOf = (db: DbOrTx, masterId: string) =>
  db.select().from(entries).where(and(eq(entries.seriesId, masterId), isNull(entries.deletedAt)));

/** The master's fields as a create payload, with the occurrence's own times, then the patch on top. */
function occurrencePayload(master: EntryRow, startMs: number, patch: EntryPatch): EntryCreate {
  const durationMs = master.endAt.getTime() - master.startAt.getTime();
  const start = master.allDay ? new Date(startMs + ianaZone(master.timeZone).offsetMsAt(startMs)).toISOString().slice(0, 10) : formatInZone(new Date(startMs), master.timeZone);
  const end = master.allDay
    ? new Date(Date.parse(`${start}T00:00:00Z`) + Math.round(durationMs / 86_400_000) * 86_400_000).toISOString().slice(0, 10)
    : formatInZone(new Date(startMs + durationMs), master.timeZone);
  return {
    title: master.title, start, end, allDay: master.allDay, timeZone: master.timeZone, calendarId: master.calendarId,
    module: master.module as EntryCreate['module'], kind: master.kind, location: master.location, description: master.description,
    communityId: master.communityId, organizerId: master.organizerId, status: master.status, priority: master.priority as EntryCreate['priority'],
    visibility: master.visibility as EntryCreate['visibility'], details: master.details, rrule: null, rdate: [], exdate: [],
    ...patch,
  } as EntryCreate;
}

async function setRecurrence(db: DbOrTx, master: EntryRow, input: RecurrenceInput) {
  const rdate = (input.rdate ?? []).map(formatRecurrenceValue);
  const exdate = (input.exdate ?? []).map(formatRecurrenceValue);
  const times = resolveEntryTimes({
    allDay: master.allDay, timeZone: master.timeZone, rrule: input.rrule ?? null, rdate, exdate,
    start: master.allDay ? master.startDate! : formatInZone(master.startAt, master.timeZone),
    end: master.allDay ? master.endDate! : formatInZone(master.endAt, master.timeZone),
  });
  const [row] = await db.update(entries)
    .set({ ...times, rdate, exdate, version: master.version + 1, sequence: master.sequence + 1, updatedAt: new Date() })
    .where(eq(entries.id, master.id)).returning();
  await bookingsFollowEntryEdit(db, master, row!);
  return row!;
}

const recurrenceIdText = (id: OccurrenceId, allDay: boolean) => (allDay ? formatRecurrenceValue({ kind: 'date', value: id }) : formatLocalDateTime(id as never));

/** "This occurrence / this and following / all": the way people expect to change a series. */
export async function editOccurrence(deps: { db: Db }, actor: Actor, masterId: string, recurrenceId: string, scope: EditScope, patch: EntryPatch, expectedVersion: number | null): Promise<OccurrenceEditResult> {
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const { master, id, input, instant } = await loadSeries(db, actor, masterId, recurrenceId, expectedVersion);
    const ridText = recurrenceIdText(id, master.allDay);
    if (scope === 'this') {
      const field = RECURRENCE_FIELDS.find((f) => patch[f] !== undefined);
      if (field) throw invalidField(field, 'cannot be changed for one occurrence; choose "this and following" or "all"', 422);
      const [existing] = await db.select().from(entries).where(and(eq(entries.seriesId, master.id), eq(entries.recurrenceId, ridText), isNull(entries.deletedAt)));
      const entry = existing
        ? (await updateEntry({ db }, actor, existing.id, patch, null)).row
        : (await createEntry({ db }, actor, occurrencePayload(master, instant, patch), { uid: master.uid, override: { seriesId: master.id, recurrenceId: ridText, recurrenceIdAt: new Date(instant) } })).row;
      return { series: master, entry, droppedOverrides: [] };
    }
    if (scope === 'all') {
      // A dragged occurrence moves the whole series by the same amount of time.
      const delta = patch.start ? shiftOf(master, instant, patch) : null;
      const masterPatch: EntryPatch = delta ? { ...patch, ...delta } : patch;
      const series = (await updateEntry({ db }, actor, master.id, masterPatch, null)).row;
      const overrides = await overridesOf(db, master.id);
      const ids = overrides.map((o) => parseOccurrenceId(series, o.recurrenceId!));
      const { dropped } = reconcileOverrides(toRecurrenceInput(seriesFieldsOf(series)), ids);
      const droppedText = dropped.map((d) => recurrenceIdText(d, series.allDay));
      for (const o of overrides) if (droppedText.includes(o.recurrenceId!)) await db.update(entries).set({ deletedAt: new Date() }).where(eq(entries.id, o.id));
      return { series, entry: null, droppedOverrides: droppedText };
    }
    // this and following: the series ends before the occurrence; a new series starts there.
    const newStart = patch.start ? occurrenceIdFromPatch(master, patch.start) : undefined;
    let split;
    try {
      split = splitSeries(input, id, { start: newStart, rrule: patch.rrule });
    } catch (error) {
      if (error instanceof RecurrenceError) throw invalidField('rrule', error.message, 422);
      throw error;
    }
    const payload = occurrencePayload(master, instant, { ...patch, rrule: split.following.rrule ?? null });
    payload.rdate = (split.following.rdate ?? []).map(formatRecurrenceValue);
    payload.exdate = (split.following.exdate ?? []).map(formatRecurrenceValue);
    const created = (await createEntry({ db }, actor, payload)).row;
    const overrides = await overridesOf(db, master.id);
    const moved = overrides.filter((o) => o.recurrenceIdAt && o.recurrenceIdAt.getTime() >= instant);
    const { kept, dropped } = reconcileOverrides(toRecurrenceInput(seriesFieldsOf(created)), moved.map((o) => parseOccurrenceId(created, o.recurrenceId!)));
    const keptText = new Set(kept.map((k) => recurrenceIdText(k, created.allDay)));
    for (const o of moved) {
      await db.update(entries)
        .set(keptText.has(o.recurrenceId!) ? { seriesId: created.id, uid: created.uid } : { deletedAt: new Date() })
        .where(eq(entries.id, o.id));
    }
    await carryBookingsToSplitSeries(db, master, created, instant);
    let series: EntryRow | null = null;
    if (split.before.isEmpty) await db.update(entries).set({ deletedAt: new Date(), version: master.version + 1 }).where(eq(entries.id, master.id));
    else series = await setRecurrence(db, master, split.before);
    return { series, entry: created, droppedOverrides: dropped.map((d) => recurrenceIdText(d, created.allDay)) };
  });
}

function occurrenceIdFromPatch(master: EntryRow, start: string): OccurrenceId {
  if (master.allDay || /^\d{4}-\d{2}-\d{2}$/.test(start)) return parseLocalDate(start.slice(0, 10));
  const ms = Date.parse(start);
  if (Number.isNaN(ms)) throw invalidField('start', 'must be an ISO-8601 date-time with offset');
  return localFromWallMs(ms + ianaZone(master.timeZone).offsetMsAt(ms));
}

function shiftOf(master: EntryRow, instant: number, patch: EntryPatch): Pick<EntryPatch, 'start' | 'end'> {
  if (master.allDay) {
    const days = Math.round((Date.parse(`${patch.start!.slice(0, 10)}T00:00:00Z`) - Date.parse(`${formatRecurrenceValue({ kind: 'instant', epochMs: instant + ianaZone(master.timeZone).offsetMsAt(instant) }).slice(0, 10)}T00:00:00Z`)) / 86_400_000);
    const shift = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const durationDays = patch.end ? Math.round((Date.parse(`${patch.end.slice(0, 10)}T00:00:00Z`) - Date.parse(`${patch.start!.slice(0, 10)}T00:00:00Z`)) / 86_400_000) : null;
    const start = shift(master.startDate!);
    return { start, end: durationDays === null ? shift(master.endDate!) : new Date(Date.parse(`${start}T00:00:00Z`) + durationDays * 86_400_000).toISOString().slice(0, 10) };
  }
  const delta = Date.parse(patch.start!) - instant;
  const duration = patch.end ? Date.parse(patch.end) - Date.parse(patch.start!) : master.endAt.getTime() - master.startAt.getTime();
  const startMs = master.startAt.getTime() + delta;
  return { start: formatInZone(new Date(startMs), master.timeZone), end: formatInZone(new Date(startMs + duration), master.timeZone) };
}

/** Deleting one occurrence adds an EXDATE; "this and following" ends the series; "all" deletes it. */
export async function deleteOccurrence(deps: { db: Db }, actor: Actor, masterId: string, recurrenceId: string, scope: EditScope, expectedVersion: number | null): Promise<OccurrenceEditResult> {
  if (scope === 'all') {
    await deleteEntry(deps, actor, masterId, expectedVersion);
    return { series: null, entry: null, droppedOverrides: [] };
  }
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const { master, id, input, instant } = await loadSeries(db, actor, masterId, recurrenceId, expectedVersion);
    const ridText = recurrenceIdText(id, master.allDay);
    const overrides = await overridesOf(db, master.id);
    const gone = overrides.filter((o) => (scope === 'this' ? o.recurrenceId === ridText : (o.recurrenceIdAt?.getTime() ?? 0) >= instant));
    for (const o of gone) await db.update(entries).set({ deletedAt: new Date() }).where(eq(entries.id, o.id));
    if (scope === 'this') {
      const exdate = [...(input.exdate ?? []), master.allDay ? { kind: 'date' as const, value: id } : { kind: 'local' as const, value: id as never }];
      try {
        return { series: await setRecurrence(db, master, { ...input, exdate }), entry: null, droppedOverrides: [] };
      } catch (error) {
        // The last remaining occurrence: removing it removes the series.
        if (!(error instanceof Problem) || error.status !== 422) throw error;
        await db.update(entries).set({ deletedAt: new Date(), version: master.version + 1 }).where(eq(entries.id, master.id));
        return { series: null, entry: null, droppedOverrides: [] };
      }
    }
    const split = splitSeries(input, id);
    if (split.before.isEmpty) {
      await db.update(entries).set({ deletedAt: new Date(), version: master.version + 1 }).where(eq(entries.id, master.id));
      return { series: null, entry: null, droppedOverrides: [] };
    }
    return { series: await setRecurrence(db, master, split.before), entry: null, droppedOverrides: [] };
  });
}
