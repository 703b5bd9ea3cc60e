import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notificationPreferences } from '../../db/schema/index.js';
import { DEFAULT_PREFERENCES, type NotificationPreferences } from '../../core/notifications/preferences.js';

type Row = typeof notificationPreferences.$inferSelect;

export function preferencesFromRow(row: Row | undefined): NotificationPreferences {
  if (!row) return DEFAULT_PREFERENCES;
  return {
    reminderMinutes: row.reminderMinutes,
    channels: { ...DEFAULT_PREFERENCES.channels, ...row.channels },
    dailyDigest: row.dailyDigest,
    weeklyDigest: row.weeklyDigest,
    quietHours: row.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null,
    timeZone: row.timeZone,
    phone: row.phone,
  };
}

export async function loadPreferences(db: DbOrTx, userId: string): Promise<NotificationPreferences> {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return preferencesFromRow(row);
}
