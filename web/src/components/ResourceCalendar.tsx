import FullCalendar, { type EventSourceFuncInfo } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import list from '@fullcalendar/react/list';
import timeGrid from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import '../styles/calendar-theme.css';
import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { fullCalendarLocale } from '../fc-locale';
import { useT } from '../i18n/t';
import { resourceCalendar } from '../resources';

interface Props { resourceId: string; timeZone: string; refreshKey: number; onError: (err: unknown) => void }

/** One resource's own calendar: its bookings, travel and turnaround, blackouts. */
export function ResourceCalendar({ resourceId, timeZone, refreshKey, onError }: Props) {
  const t = useT();
  const intl = useIntl();
  const locale = useMemo(() => fullCalendarLocale(intl), [intl]);
  const events = useCallback((info: EventSourceFuncInfo) => resourceCalendar(resourceId, info.startStr, info.endStr).then(
    (items) => items.map((e) => ({ ...e, contrastColor: '#ffffff' })),
    (err: unknown) => { onError(err); throw err; },
  // refreshKey is in the list so that a new function fetches again after a booking.
  ), [resourceId, onError, refreshKey]);
  return (
    <div className="calendar-host resource-calendar" data-testid="resource-calendar">
      <FullCalendar plugins={[classicTheme, list, timeGrid]} initialView="listMonth" timeZone={timeZone} height="auto" locale={locale}
        headerToolbar={{ start: 'prev,next today', center: 'title', end: 'listMonth,timeGridWeek' }}
        buttons={{ today: { text: t('calendar.today') }, listMonth: { text: t('view.list') }, timeGridWeek: { text: t('view.week') } }}
        todayHint={t('calendar.goToToday')} events={events} />
    </div>
  );
}
