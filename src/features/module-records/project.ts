import { and, eq, inArray, sql } from 'drizzle-orm';
import { formatInstantInZone, ianaZone } from '../../core/time/index.js';
import type { DbOrTx } from '../../db/client.js';
import { calendars } from '../../db/schema/calendars.js';
import { entries } from '../../db/schema/entries.js';
import { invalidField } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { resolveEntryTimes } from '../entries/times.js';
import { checkReferences } from '../entries/write-checks.js';
import { diffProjection, type EntryDraft } from '../modules/index.js';

export const MODULE_SOURCE = 'module';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function timesOf(draft: EntryDraft) {
  const zone = ianaZone(draft.timeZone);
  const text = (ms: number) => formatInstantInZone(ms, zone);
  return resolveEntryTimes({
    allDay: draft.allDay,
    timeZone: draft.timeZone,
    start: draft.allDay ? text(draft.startMs).slice(0, 10) : text(draft.startMs),
    end: draft.allDay ? text(draft.endMs).slice(0, 10) : text(draft.endMs),
    rrule: null, rdate: [], exdate: [],
  });
}

async function moduleCalendarId(db: DbOrTx, organizationId: string, module: string): Promise<string> {
  const [row] = await db.select({ id: calendars.id }).from(calendars)
    .where(and(eq(calendars.organizationId, organizationId), eq(calendars.module, module), eq(calendars.type, 'organisation'))).limit(1);
  if (!row) throw invalidField('module', `the organisation has no ${module} calendar`, 422);
  return row.id;
}

/**
 * Writes a record's drafts as entries, in the caller's transaction: one entry per projection key,
 * updated in place when the record changes, and soft-deleted when its key is no longer produced.
 * Returns the keys now projected.
 */
export async function applyProjection(db: DbOrTx, actor: Actor, drafts: EntryDraft[], previousKeys: readonly string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const draft of drafts) {
    for (const [field, value] of [['organizerId', draft.organizerId], ['communityId', draft.communityId]] as const) {
      if (value !== null && !UUID.test(value)) throw invalidField(field, 'must be the id (UUID) of a user or community', 422);
    }
    const organizerId = draft.organizerId ?? actor.userId;
    await checkReferences(db, actor, { organizerId, communityId: draft.communityId });
    const values = {
      calendarId: await moduleCalendarId(db, actor.organizationId, draft.module),
      module: draft.module, kind: draft.kind, title: draft.title, description: draft.description, location: draft.location,
      communityId: draft.communityId, organizerId, status: draft.status, priority: draft.priority, visibility: draft.visibility,
      allDay: draft.allDay, timeZone: draft.timeZone, details: draft.details, ...timesOf(draft),
    };
    const [existing] = await db.select({ id: entries.id, startAt: entries.startAt, endAt: entries.endAt }).from(entries)
      .where(and(eq(entries.organizationId, actor.organizationId), eq(entries.sourceSystem, MODULE_SOURCE), eq(entries.externalId, draft.projectionKey)));
    if (existing) {
      const moved = existing.startAt.getTime() !== values.startAt.getTime() || existing.endAt.getTime() !== values.endAt.getTime();
      await db.update(entries).set({
        ...values, deletedAt: null, updatedAt: new Date(), version: sql`${entries.version} + 1`,
        ...(moved ? { sequence: sql`${entries.sequence} + 1` } : {}),
      }).where(eq(entries.id, existing.id));
    } else {
      const id = crypto.randomUUID();
      await db.insert(entries).values({
        ...values, id, organizationId: actor.organizationId, uid: `${id}@kalendaryo`, createdBy: actor.userId,
        sourceSystem: MODULE_SOURCE, externalId: draft.projectionKey,
      });
    }
    keys.push(draft.projectionKey);
  }
  const gone = diffProjection(previousKeys, drafts).deleteKeys;
  if (gone.length) {
    await db.update(entries).set({ deletedAt: new Date(), version: sql`${entries.version} + 1` })
      .where(and(eq(entries.organizationId, actor.organizationId), eq(entries.sourceSystem, MODULE_SOURCE), inArray(entries.externalId, gone)));
  }
  return keys;
}
