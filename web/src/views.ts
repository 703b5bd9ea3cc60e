/** The calendar views the web app offers, their keys and their names in FullCalendar 7. */

export interface ViewChoice {
  name: string;
  label: string;
  key: string;
}

export const VIEWS: ViewChoice[] = [
  { name: 'timeGridDay', label: 'Day', key: 'd' },
  { name: 'timeGridWeek', label: 'Week', key: 'w' },
  { name: 'dayGridMonth', label: 'Month', key: 'm' },
  { name: 'multiWeek', label: '4 weeks', key: 'x' },
  { name: 'multiMonthYear', label: 'Year', key: 'y' },
  { name: 'listWeek', label: 'Agenda', key: 'a' },
];

export const DEFAULT_VIEW = 'dayGridMonth';
export const NARROW_DEFAULT_VIEW = 'listWeek';

export function isKnownView(name: string | null): name is string {
  return VIEWS.some((v) => v.name === name);
}

export function viewForKey(key: string): string | null {
  return VIEWS.find((v) => v.key === key)?.name ?? null;
}
