/** A user's notification preferences (the plan's UserCalendarPreferences); pure values, no database. */
export const CHANNELS = ['email', 'in_app', 'push', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface QuietHours {
  /** "HH:MM" wall-clock time in the user's zone; start > end means the quiet period crosses midnight. */
  start: string;
  end: string;
}

export interface NotificationPreferences {
  /** Minutes before an occurrence's start; whole days keep the wall-clock time (see reminder-times.ts). */
  reminderMinutes: number[];
  channels: Record<Channel, boolean>;
  dailyDigest: boolean;
  weeklyDigest: boolean;
  quietHours: QuietHours | null;
  /** null = the user's account zone. */
  timeZone: string | null;
  phone: string | null;
}

export const DEFAULT_REMINDER_MINUTES = [1440, 60];

export const DEFAULT_PREFERENCES: NotificationPreferences = {
  reminderMinutes: DEFAULT_REMINDER_MINUTES,
  channels: { email: true, in_app: true, push: true, sms: false },
  dailyDigest: false,
  weeklyDigest: false,
  quietHours: null,
  timeZone: null,
  phone: null,
};

/** The channels an intent goes out on: external addresses get e-mail only; SMS needs a phone number. */
export function channelsFor(preferences: NotificationPreferences, recipient: { isUser: boolean }): Channel[] {
  if (!recipient.isUser) return ['email'];
  return CHANNELS.filter((channel) => preferences.channels[channel] && (channel !== 'sms' || preferences.phone));
}
