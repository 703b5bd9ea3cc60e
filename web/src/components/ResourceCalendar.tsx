import FullCalendar, { type EventSourceFuncInfo } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import list from '@fullcalendar/react/list';
import timeGrid from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import '../styles/calendar-theme.css';
import { useCallback } from 'react';
import { resourceCalendar } from '../resources';

interface Props { resourceId: string; timeZone: string; refreshKey: number; onError: (err: unknown) => void }

/** One resource's own calendar: its bookings, travel and turnaround, blackouts. */
export function ResourceCalendar({ resourceId, timeZone, refreshKey, onError }: Props) {
  const events = useCallback((info: EventSourceFuncInfo) => resourceCalendar(resourceId, info.startStr, info.endStr).then(
    (items) => items.map((e) => ({ ...e, contrastColor: '#ffffff' })),
    (err: unknown) => { onError(err); throw err; },
  // refreshKey is in the list so that a new function fetches again after a booking.
  ), [resourceId, onError, refreshKey]);
  return (
    <div className="calendar-host resource-calendar" data-testid="resource-calendar">
      <FullCalendar plugins={[classicTheme, list, timeGrid]} initialView="listMonth" timeZone={timeZone} height="auto"
        headerToolbar={{ start: 'prev,next today', center: 'title', end: 'listMonth,timeGridWeek' }}
        buttons={{ today: { text: 'Today' }, listMonth: { text: 'List' }, timeGridWeek: { text: 'Week' } }}
        todayHint="Go to today" events={events} />
    </div>
  );
}
