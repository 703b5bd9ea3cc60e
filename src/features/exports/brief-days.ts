import { Temporal } from 'temporal-polyfill';
import { MODULE_META } from '../modules/index.js';
import type { ViewRow } from './view-rows.js';

export interface BriefItem {
  time: string;
  title: string;
  details: string;
  colour: string;
}

export interface BriefDay {
  date: string;
  label: string;
  items: BriefItem[];
}

const hhmm = (t: Temporal.ZonedDateTime) => t.toPlainTime().toString({ smallestUnit: 'minute' });

/** The view's occurrences grouped by day in `zone` (the reader's zone), times shown in that zone. */
export function briefDays(rows: readonly ViewRow[], zone: string): BriefDay[] {
  const days = new Map<string, BriefDay>();
  for (const row of rows) {
    let date: string;
    let time: string;
    if (row.allDay) {
      date = row.start;
      time = 'all day';
    } else {
      const start = Temporal.Instant.from(row.start).toZonedDateTimeISO(zone);
      const end = Temporal.Instant.from(row.end).toZonedDateTimeISO(zone);
      date = start.toPlainDate().toString();
      time = `${hhmm(start)}–${hhmm(end)}`;
    }
    let day = days.get(date);
    if (!day) {
      const label = Temporal.PlainDate.from(date).toLocaleString('en-PH', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
      days.set(date, (day = { date, label, items: [] }));
    }
    const meta = row.module ? MODULE_META[row.module as keyof typeof MODULE_META] : undefined;
    const details = [meta?.label, row.location, row.community, row.organizer && `organizer: ${row.organizer}`, row.calendar].filter(Boolean).join(' · ');
    day.items.push({ time, title: row.title, details: row.busyOnly ? row.calendar : details, colour: meta?.colour ?? row.colour });
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
