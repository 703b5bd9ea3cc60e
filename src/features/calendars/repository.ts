import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { calendarAccess, calendars } from '../../db/schema/calendars.js';
import type { Actor } from '../auth/actor.js';
import { type AccessRow, accessLevelOf } from './policy.js';

export type CalendarRow = typeof calendars.$inferSelect;
export type CalendarWithLevel = CalendarRow & { level: NonNullable<ReturnType<typeof accessLevelOf>> };

/** Every calendar of the actor's organisation they have any access to, with that access level. */
export async function listAccessibleCalendars(db: DbOrTx, actor: Actor): Promise<CalendarWithLevel[]> {
  const [rows, access] = await Promise.all([
    db.select().from(calendars).where(eq(calendars.organizationId, actor.organizationId)),
    db
      .select({ calendarId: calendarAccess.calendarId, userId: calendarAccess.userId, role: calendarAccess.role, level: calendarAccess.level })
      .from(calendarAccess)
      .where(
        and(
          eq(calendarAccess.organizationId, actor.organizationId),
          or(eq(calendarAccess.userId, actor.userId), eq(calendarAccess.role, actor.role)),
        ),
      ),
  ]);
  const result: CalendarWithLevel[] = [];
  for (const calendar of rows) {
    const level = accessLevelOf(actor, calendar, access as AccessRow[]);
    if (level) result.push({ ...calendar, level });
  }
  return result;
}

export async function findAccessibleCalendar(db: DbOrTx, actor: Actor, id: string): Promise<CalendarWithLevel | null> {
  // Both at once: one round trip's wait instead of two (the rows of another organisation's id match no calendar here).
  const [[calendar], access] = await Promise.all([
    db.select().from(calendars).where(and(eq(calendars.id, id), eq(calendars.organizationId, actor.organizationId))),
    db
      .select({ calendarId: calendarAccess.calendarId, userId: calendarAccess.userId, role: calendarAccess.role, level: calendarAccess.level })
      .from(calendarAccess)
      .where(and(eq(calendarAccess.calendarId, id), eq(calendarAccess.organizationId, actor.organizationId))),
  ]);
  if (!calendar) return null;
  const level = accessLevelOf(actor, calendar, access as AccessRow[]);
  return level ? { ...calendar, level } : null;
}

export async function findCalendarsByIds(db: DbOrTx, actor: Actor, ids: string[]): Promise<CalendarRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(calendars).where(and(eq(calendars.organizationId, actor.organizationId), inArray(calendars.id, ids)));
}
