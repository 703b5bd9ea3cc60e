import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notificationPreferences, notifications } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { loadPreferences } from './preferences-repository.js';
import type { Preferences } from './schemas.js';
import type { z } from 'zod';
import type { PreferencesPatchSchema } from './schemas.js';

export async function getPreferences(db: Db, actor: Actor): Promise<Preferences> {
  return loadPreferences(db, actor.userId);
}

/**
 * Saves the actor's preferences. Pending reminders written with the old ones are cancelled in the
 * same transaction; the planner writes them again with the new times and channels.
 */
export async function updatePreferences(db: Db, actor: Actor, patch: z.infer<typeof PreferencesPatchSchema>): Promise<Preferences> {
  return db.transaction(async (tx) => {
    const current = await loadPreferences(tx, actor.userId);
    const next: Preferences = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'channels')),
      channels: { ...current.channels, ...(patch.channels ?? {}) },
    };
    const values = {
      userId: actor.userId,
      organizationId: actor.organizationId,
      reminderMinutes: next.reminderMinutes,
      channels: next.channels,
      dailyDigest: next.dailyDigest,
      weeklyDigest: next.weeklyDigest,
      quietStart: next.quietHours?.start ?? null,
      quietEnd: next.quietHours?.end ?? null,
      timeZone: next.timeZone,
      phone: next.phone,
      updatedAt: new Date(),
    };
    await tx.insert(notificationPreferences).values(values).onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
    await tx
      .update(notifications)
      .set({ status: 'cancelled', lastError: 'preferences changed', updatedAt: sql`now()` })
      .where(and(eq(notifications.recipientUserId, actor.userId), eq(notifications.type, 'reminder'), eq(notifications.status, 'pending')));
    return next;
  });
}
