/** The calendar views the web app offers, their keys and their names in FullCalendar 7. */
import type { MessageId } from './i18n/t';

export interface ViewChoice {
  name: string;
  labelId: MessageId;
  key: string;
}

export const VIEWS: ViewChoice[] = [
  { name: 'timeGridDay', labelId: 'view.day', key: 'd' },
  { name: 'timeGridWeek', labelId: 'view.week', key: 'w' },
  { name: 'dayGridMonth', labelId: 'view.month', key: 'm' },
  { name: 'multiWeek', labelId: 'view.fourWeeks', key: 'x' },
  { name: 'multiMonthYear', labelId: 'view.year', key: 'y' },
  { name: 'listWeek', labelId: 'view.agenda', key: 'a' },
];

export const DEFAULT_VIEW = 'dayGridMonth';
export const NARROW_DEFAULT_VIEW = 'listWeek';

export function isKnownView(name: string | null): name is string {
  return VIEWS.some((v) => v.name === name);
}

export function viewForKey(key: string): string | null {
  return VIEWS.find((v) => v.key === key)?.name ?? null;
}
