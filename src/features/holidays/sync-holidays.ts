import { and, asc, eq, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { philippineHolidays, type HolidayDraft } from '../../core/holidays/philippine-holidays.js';
import type { Db } from '../../db/client.js';
import { calendars } from '../../db/schema/calendars.js';
import { entries } from '../../db/schema/entries.js';
import { Problem } from '../../http/problem.js';
import { resolveEntryTimes } from '../entries/times.js';
import { projectHolidays } from '../modules/index.js';

export const HOLIDAYS_SOURCE = 'holidays';
const ZONE = 'Asia/Manila';

export interface HolidaySyncResult {
  calendarId: string;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

const dashed = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The source key of a holiday: national ones by Gregorian year and name ("PH-2026-independence-day"),
 * Islamic ones by Hijri year ("PH-1447AH-eid-al-fitr") so that a corrected date moves the entry
 * instead of adding a second one.
 */
export function holidayExternalId(h: HolidayDraft): string {
  if (h.category === 'islamic' && h.hijri) return `PH-${h.hijri.year}AH-${dashed(h.projectionKey.split(':').at(-1)!)}`;
  return `PH-${h.date.slice(0, 4)}-${dashed(h.name)}`;
}

function descriptionOf(h: HolidayDraft): string {
  const kind = h.holidayType === 'public' ? 'Regular or special non-working holiday.' : h.holidayType === 'optional' ? 'Special working day.' : 'Observance (a working day).';
  const moon = h.category === 'islamic' ? ' The date follows the tabular Hijri calendar; the government proclaims the day after the moon sighting, which can be a day off.' : '';
  return `${kind}${moon} Data: date-holidays (commenthol and contributors; CC BY-SA 3.0).`;
}

// jsonb does not keep key order: compare details by content.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

async function holidaysCalendarId(db: Db, organizationId: string): Promise<string> {
  const [row] = await db.select({ id: calendars.id }).from(calendars)
    .where(and(eq(calendars.organizationId, organizationId), eq(calendars.type, 'holidays'))).orderBy(asc(calendars.createdAt)).limit(1);
  if (!row) throw new Problem(409, 'Conflict', 'This organisation has no holidays calendar.');
  return row.id;
}

/**
 * Fills the organisation's holidays calendar with the Philippine national holidays and Islamic
 * observances of fromYear..toYear. Idempotent by source key: a second run writes nothing; a
 * changed date or name updates the entry in place (SEQUENCE+1 when the day moves); a holiday that
 * the data no longer has in those years becomes a tombstone.
 */
export async function syncHolidays(db: Db, organizationId: string, fromYear: number, toYear: number): Promise<HolidaySyncResult> {
  const drafts = philippineHolidays(fromYear, toYear);
  const projected = projectHolidays(drafts, ZONE);
  const wanted = new Map<string, { draft: HolidayDraft; details: Record<string, unknown> }>();
  drafts.forEach((draft, i) => {
    let key = holidayExternalId(draft);
    if (wanted.has(key)) key = `${key}-${draft.date}`;
    wanted.set(key, { draft, details: projected[i]!.details });
  });
  return db.transaction(async (tx) => {
    const calendarId = await holidaysCalendarId(tx as unknown as Db, organizationId);
    const existing = new Map(
      (await tx.select().from(entries).where(and(eq(entries.organizationId, organizationId), eq(entries.sourceSystem, HOLIDAYS_SOURCE)))).map((r) => [r.externalId!, r]),
    );
    const result: HolidaySyncResult = { calendarId, created: 0, updated: 0, unchanged: 0, removed: 0 };
    const inserts: (typeof entries.$inferInsert)[] = [];
    const now = new Date();
    for (const [externalId, { draft, details }] of wanted) {
      const times = resolveEntryTimes({ start: draft.date, end: draft.endDate, allDay: true, timeZone: ZONE, rrule: null, rdate: [], exdate: [] });
      const fields = { calendarId, title: draft.name, description: descriptionOf(draft), details, ...times };
      const row = existing.get(externalId);
      if (!row) {
        const id = randomUUID();
        inserts.push({
          id, organizationId, uid: `${externalId.toLowerCase()}@holidays.kalendaryo`, module: 'community', kind: 'observance', status: 'observed',
          visibility: 'public', allDay: true, timeZone: ZONE, sourceSystem: HOLIDAYS_SOURCE, externalId, ...fields,
        });
        continue;
      }
      const moved = row.startDate !== times.startDate || row.endDate !== times.endDate;
      const same = !moved && row.deletedAt === null && row.calendarId === calendarId && row.title === fields.title && row.description === fields.description && canonical(row.details) === canonical(details);
      if (same) {
        result.unchanged++;
        continue;
      }
      await tx.update(entries).set({
        ...fields, deletedAt: null, version: row.version + 1, sequence: moved || row.deletedAt !== null ? row.sequence + 1 : row.sequence, updatedAt: now,
      }).where(eq(entries.id, row.id));
      result.updated++;
    }
    if (inserts.length) await tx.insert(entries).values(inserts);
    result.created = inserts.length;
    const from = `${fromYear}-01-01`;
    const to = `${toYear + 1}-01-01`;
    for (const row of existing.values()) {
      if (wanted.has(row.externalId!) || row.deletedAt !== null || !row.startDate || row.startDate < from || row.startDate >= to) continue;
      await tx.update(entries).set({ deletedAt: now, version: row.version + 1, sequence: row.sequence + 1, updatedAt: now })
        .where(and(eq(entries.id, row.id), isNull(entries.deletedAt)));
      result.removed++;
    }
    return result;
  });
}
