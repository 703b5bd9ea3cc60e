/** The times of a dragged or resized calendar event, in the shape PATCH /api/v1/entries/{id} takes. */
import { addDays, addMinutesToWall, isoToWall, wallToIso } from './times';

export interface EventTimes {
  start: string;
  end: string;
  allDay: boolean;
}

interface EventLike {
  startStr: string;
  endStr: string;
  allDay: boolean;
}

/**
 * FullCalendar leaves `end` empty when an event keeps its default length (an all-day event dropped
 * on one day, or onto a time slot): fill it in as one day, or one hour in the shown zone.
 */
export function eventTimes(ev: EventLike, zone: string): EventTimes {
  if (ev.allDay) {
    const start = ev.startStr.slice(0, 10);
    return { allDay: true, start, end: ev.endStr ? ev.endStr.slice(0, 10) : addDays(start, 1) };
  }
  const end = ev.endStr || wallToIso(addMinutesToWall(isoToWall(ev.startStr, zone), 60), zone);
  return { allDay: false, start: ev.startStr, end };
}
