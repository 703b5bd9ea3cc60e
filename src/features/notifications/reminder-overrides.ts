import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { entryReminderOverrides, notifications } from '../../db/schema/index.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canSeeEntryDetails } from '../calendars/policy.js';
import { findAccessibleCalendar } from '../calendars/repository.js';
import { findEntry } from '../entries/repository.js';
import { loadPreferences } from './preferences-repository.js';

/** The entry, if the actor may see it in detail; otherwise 404 (nobody learns it exists). */
async function visibleEntry(db: Db, actor: Actor, entryId: string) {
  const row = await findEntry(db, actor.organizationId, entryId);
  const calendar = row ? await findAccessibleCalendar(db, actor, row.calendarId) : null;
  if (!row || !calendar || !canSeeEntryDetails(actor, calendar.level, row)) throw notFound('Entry');
  return row;
}

export async function getReminderOverride(db: Db, actor: Actor, entryId: string): Promise<{ reminderMinutes: number[]; isOverride: boolean }> {
  await visibleEntry(db, actor, entryId);
  const [row] = await db.select().from(entryReminderOverrides).where(and(
    eq(entryReminderOverrides.organizationId, actor.organizationId), eq(entryReminderOverrides.entryId, entryId), eq(entryReminderOverrides.userId, actor.userId),
  ));
  if (row) return { reminderMinutes: row.reminderMinutes, isOverride: true };
  return { reminderMinutes: (await loadPreferences(db, actor.userId)).reminderMinutes, isOverride: false };
}

/**
 * The actor's own reminder times for an entry (a series: every occurrence), or null to go back to
 * their defaults. Pending reminders of the actor for it are cancelled in the same transaction and
 * planned again with the new times. An empty list means no reminders for this entry.
 */
export async function setReminderOverride(db: Db, actor: Actor, entryId: string, reminderMinutes: number[] | null): Promise<void> {
  await db.transaction(async (tx) => {
    await visibleEntry(tx as unknown as Db, actor, entryId);
    const key = and(eq(entryReminderOverrides.organizationId, actor.organizationId), eq(entryReminderOverrides.entryId, entryId), eq(entryReminderOverrides.userId, actor.userId));
    if (reminderMinutes === null) await tx.delete(entryReminderOverrides).where(key);
    else {
      const values = { organizationId: actor.organizationId, entryId, userId: actor.userId, reminderMinutes, updatedAt: new Date() };
      await tx.insert(entryReminderOverrides).values(values).onConflictDoUpdate({
        target: [entryReminderOverrides.organizationId, entryReminderOverrides.entryId, entryReminderOverrides.userId],
        set: { reminderMinutes, updatedAt: values.updatedAt },
      });
    }
    await tx.update(notifications).set({ status: 'cancelled', lastError: 'reminder times changed', updatedAt: sql`now()` }).where(and(
      eq(notifications.organizationId, actor.organizationId), eq(notifications.recipientUserId, actor.userId), eq(notifications.type, 'reminder'),
      eq(notifications.status, 'pending'), sql`${notifications.entryId} in (select id from entries where id = ${entryId} or series_id = ${entryId})`,
    ));
  });
}
