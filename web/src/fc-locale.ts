/**
 * FullCalendar's words and week in the user's language: its own locales have no Filipino, so the
 * calendar gets one made from our catalogue, with Intl's week start for the formatting locale.
 */
import type { LocaleInput } from '@fullcalendar/react';
import type { IntlShape } from 'react-intl';
import { translator } from './i18n/t';

/** The locale's first day of the week, 0 = Sunday (Intl.Locale week info; Sunday where the browser has none). */
export function weekStartOf(locale: string): number {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const firstDay = loc.getWeekInfo?.().firstDay ?? loc.weekInfo?.firstDay;
    return firstDay ? firstDay % 7 : 0;
  } catch {
    return 0;
  }
}

export function fullCalendarLocale(intl: IntlShape): LocaleInput {
  const t = translator(intl);
  return {
    code: intl.locale,
    week: { dow: weekStartOf(intl.locale), doy: 4 },
    direction: 'ltr',
    todayText: t('calendar.today'),
    allDayText: t('calendar.allDay'),
    noEventsText: t('calendar.noEvents'),
    moreLinkText: (count: number) => t('calendar.moreLink', { count }),
    moreLinkHint: (count: number) => t('calendar.moreHint', { count }),
    navLinkHint: (date: string) => t('calendar.goTo', { date }),
    closeHint: t('common.close'),
    eventsHint: t('calendar.events'),
  } as LocaleInput;
}
