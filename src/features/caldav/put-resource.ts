import { and, eq, isNull } from 'drizzle-orm';
import { occurrenceInstant } from '../../core/recurrence/index.js';
import type { Db } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import { canEditEntry } from '../calendars/policy.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { parseOccurrenceId } from '../entries/edit-occurrence.js';
import { type EntryRow, findEntry } from '../entries/repository.js';
import type { EntryCreate, EntryPatch } from '../entries/schemas.js';
import { seriesFieldsOf, toRecurrenceInput } from '../entries/series.js';
import { formatInZone } from '../entries/times.js';
import { importKindOf, importStatusOf } from '../ics-import/import-kind.js';
import { MODULE_SOURCE } from '../module-records/project.js';
import { entryWrites, type EntryWrites } from './entry-writes.js';
import { caldavCondition, davError } from './errors.js';
import { resourceHref } from './paths.js';
import { incomingFields, patchBetween, readResourceBody, type ResourceBody, storedRecurrenceId } from './put-mapping.js';
import { findResourceHeads, findUidHolder, nameResource } from './repository.js';
import { resourceEtag } from './resource-ics.js';
import { canWriteCalendar, type DavScope } from './scope.js';
import { dav, el, NS } from './xml.js';

export interface Preconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

const needPrivileges = (message: string) => davError(403, message, dav('need-privileges'));
const preconditionFailed = (message: string) => davError(412, message);

/** Entries a module record projects are changed in the module (the record is the truth), never here. */
export function refuseProjected(row: EntryRow): void {
  if (row.sourceSystem === MODULE_SOURCE) {
    throw davError(403, 'This entry comes from a module record; change the record in Kalendaryo.', el(NS.KALENDARYO, 'module-record'));
  }
}

/** If-Match / If-None-Match against the resource there is (RFC 9110 §13; RFC 4791 §5.3.2). */
export function checkPreconditions(conditions: Preconditions, etag: string | null): void {
  if (conditions.ifNoneMatch?.trim() === '*' && etag) throw preconditionFailed('A resource with this name exists already.');
  if (conditions.ifMatch === undefined) return;
  const wanted = conditions.ifMatch.split(',').map((t) => t.trim());
  if (!etag || !(wanted.includes('*') || wanted.includes(etag))) throw preconditionFailed('The resource changed since you read it (or it is gone); read it again.');
}

/** The entry of a series as the override sits: occurrences no longer in the body return to the series' values. */
function revertPatch(master: EntryRow, recurrenceId: string): EntryPatch | null {
  const instant = occurrenceInstant(toRecurrenceInput(seriesFieldsOf(master)), parseOccurrenceId(master, recurrenceId));
  if (instant === null) return null;
  const duration = master.endAt.getTime() - master.startAt.getTime();
  const base = { title: master.title, description: master.description, location: master.location, visibility: master.visibility as EntryPatch['visibility'], status: master.status };
  if (master.allDay) {
    const days = Math.round(duration / 86_400_000);
    return { ...base, start: recurrenceId, end: new Date(Date.parse(`${recurrenceId}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10) };
  }
  return { ...base, start: formatInZone(new Date(instant), master.timeZone), end: formatInZone(new Date(instant + duration), master.timeZone), timeZone: master.timeZone };
}

/** Brings the series' changed occurrences to what the body says: edited, added, reverted or dropped. */
async function writeOverrides(tx: Db, writes: EntryWrites, master: EntryRow, body: ResourceBody, zone: string): Promise<void> {
  const existing = await tx.select().from(entries).where(and(eq(entries.seriesId, master.id), isNull(entries.deletedAt)));
  const seen = new Set<string>();
  for (const e of body.overrides) {
    const recurrenceId = storedRecurrenceId(e, master);
    seen.add(recurrenceId);
    const incoming = await incomingFields(e, zone);
    const row = existing.find((o) => o.recurrenceId === recurrenceId);
    const patch = patchBetween(row ?? master, incoming, false);
    if (row && Object.keys(patch).length === 0) continue;
    try {
      await writes.editOccurrence(master.id, recurrenceId, patch);
    } catch (error) {
      if ((error as { status?: number }).status === 404) throw davError(400, `The changed occurrence at line ${e.line} (RECURRENCE-ID) is not an occurrence of the series.`, caldavCondition('valid-calendar-object-resource'));
      throw error;
    }
  }
  for (const row of existing) {
    if (seen.has(row.recurrenceId!)) continue;
    const revert = master.exdate.includes(row.recurrenceId!) ? null : revertPatch(master, row.recurrenceId!);
    if (revert) await writes.update(row.id, revert);
    else await writes.remove(row.id);
  }
}

/**
 * PUT of a calendar object resource (RFC 4791 §5.3.2): creates the entry (with its changed
 * occurrences) or brings the existing one to what the body says, in one transaction, through the
 * entries' write path. Refusals write nothing: read-only calendar or entry (403 need-privileges),
 * module-projected entry (403), a UID another entry holds (403 no-uid-conflict), a changed
 * resource (412), a malformed body (400 naming the line).
 */
export async function putResource(scope: DavScope, calendar: CalendarWithLevel, name: string, bodyBytes: Uint8Array, conditions: Preconditions): Promise<{ created: boolean }> {
  const { actor, database } = scope;
  if (!canWriteCalendar(scope, calendar)) throw needPrivileges(`You may read the calendar "${calendar.name}" but not change it.`);
  const [head] = await findResourceHeads(database, actor.organizationId, calendar.id, [name]);
  checkPreconditions(conditions, head ? resourceEtag(head.stamp, calendar.level) : null);
  const current = head ? await findEntry(database.db, actor.organizationId, head.id) : null;
  const zone = current?.timeZone ?? actor.timeZone;
  const body = await readResourceBody(bodyBytes, actor.timeZone);
  if (current) {
    refuseProjected(current);
    if (!canEditEntry(actor, calendar.level, current)) throw needPrivileges('You may see this event but not change it.');
    if (current.uid !== body.uid) throw davError(403, 'The UID of a resource cannot change; make a new resource instead.', caldavCondition('no-uid-conflict'));
  } else {
    const holder = await findUidHolder(database, actor.organizationId, body.uid);
    if (holder) {
      const visible = holder.calendar_id === calendar.id && !holder.deleted;
      const [held] = visible ? await database.query<{ name: string }>(`select coalesce((select name from caldav_names where entry_id = $1), $1::text || '.ics') as name`, [holder.id]) : [];
      throw davError(403, holder.deleted ? 'An event with this UID was deleted here; give the new event a new UID.' : 'Another event already has this UID.',
        caldavCondition('no-uid-conflict', held ? [dav('href', resourceHref(actor.userId, calendar.id, held.name))] : []));
    }
  }
  const incoming = await incomingFields(body.master, zone);
  await database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const writes = entryWrites(tx, actor);
    let master: EntryRow;
    if (current) {
      const patch = patchBetween(current, incoming, true);
      master = Object.keys(patch).length ? await writes.update(current.id, patch) : current;
    } else {
      const module = (calendar.module ?? 'general') as EntryCreate['module'] & string;
      const kind = importKindOf(module);
      const { status, visibility, ...fields } = incoming;
      master = await writes.create({
        ...fields, calendarId: calendar.id, module, kind, visibility: visibility ?? 'internal', status: importStatusOf(module, kind, status),
        details: {}, priority: 'normal',
      }, body.uid);
      if (name !== `${master.id}.ics`) await nameResource(tx, actor.organizationId, calendar.id, master.id, name);
    }
    await writeOverrides(tx, writes, master, body, zone);
  });
  return { created: !current };
}
