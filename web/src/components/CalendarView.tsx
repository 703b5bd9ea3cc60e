import FullCalendar, { type CalendarRef, type DatesSetInfo, type DateSelectInfo, type EventClickInfo, type EventDragStartInfo, type EventDropInfo, type EventInput, type EventResizeDoneInfo, type EventResizeStartInfo, type EventSourceFuncInfo } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import dayGrid from '@fullcalendar/react/daygrid';
import timeGrid from '@fullcalendar/react/timegrid';
import list from '@fullcalendar/react/list';
import multiMonth from '@fullcalendar/react/multimonth';
import interaction from '@fullcalendar/react/interaction';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import '../styles/calendar-theme.css';
import { useCallback, useEffect, useMemo, useRef, type Ref } from 'react';
import { useIntl } from 'react-intl';
import { fullCalendarLocale } from '../fc-locale';
import { translator, type T } from '../i18n/t';
import { DEFAULT_MODULES } from '../modules';
import { makeScrollersFocusable } from '../scrollers';
import { feedQuery, type Filters } from '../filters';
import { fetchFeed } from '../endpoints';
import type { FeedEvent } from '../types';

const PLUGINS = [classicTheme, dayGrid, timeGrid, list, multiMonth, interaction];

const VIEW_OPTIONS = {
  multiWeek: { type: 'dayGrid', duration: { weeks: 4 } },
  // The working day in view when a day or week opens; month views start at their first week.
  timeGrid: { scrollTime: '07:00:00' },
  // The week's day headers ("Sun 22") would become links named "November 22, 2026": a name that
  // does not contain the visible text fails WCAG 2.5.3. Day numbers in month views are fine.
  timeGridWeek: { navLinks: false },
  // The year view's month titles become links named "Go to 2026-01" inside a role=table: both fail.
  multiMonthYear: { navLinks: false },
};

/** The module colours the server gives (src/features/modules/colours.ts), drawn in the theme's role colours instead. */
const STANDARD_COLOURS = new Map(DEFAULT_MODULES.map((m) => [m.color.toLowerCase(), m.id]));

/**
 * The feed's event objects use v6 colour names; FullCalendar 7 reads `color` and `contrastColor`.
 * Occurrences of repeating entries are draggable too: the drop asks which occurrences move.
 */
export function toEventInput(e: FeedEvent, t: T): EventInput {
  const { backgroundColor, borderColor, textColor, ...rest } = e;
  const given = backgroundColor ?? borderColor;
  // A module's own colour follows the theme (lighter in the dark); a calendar's chosen colour stays.
  const module = e.extendedProps.busyOnly ? 'busy' : given && STANDARD_COLOURS.get(given.toLowerCase()) === e.extendedProps.module ? e.extendedProps.module : null;
  return {
    ...rest,
    title: e.extendedProps.busyOnly ? t('calendar.busy') : e.title,
    color: module ? `var(--${module === 'busy' ? 'busy' : `module-${module}`})` : given,
    contrastColor: module ? 'var(--on-module)' : textColor,
    end: e.end ?? undefined,
    editable: Boolean(e.editable ?? e.extendedProps.canEdit),
    classNames: [`module-${e.extendedProps.module}`, e.extendedProps.busyOnly ? 'is-busy' : '', e.extendedProps.status === 'cancelled' ? 'is-cancelled' : ''].filter(Boolean),
  };
}

interface Props {
  calendarRef: Ref<CalendarRef>;
  initialView: string;
  initialDate: string | undefined;
  timeZone: string;
  filters: Filters;
  onSelect: (info: DateSelectInfo) => void;
  onEventClick: (info: EventClickInfo) => void;
  onEventChangeStart: (info: EventDragStartInfo | EventResizeStartInfo) => void;
  onEventChange: (info: EventDropInfo | EventResizeDoneInfo) => void;
  onDatesSet: (info: DatesSetInfo) => void;
  onFeedError: (err: unknown) => void;
}

export function CalendarView(props: Props) {
  const { filters, onFeedError } = props;
  const intl = useIntl();
  const locale = useMemo(() => fullCalendarLocale(intl), [intl]);
  const t = useMemo(() => translator(intl), [intl]);
  // A new function when the filters change makes FullCalendar fetch again.
  const events = useCallback(
    (info: EventSourceFuncInfo) =>
      fetchFeed(feedQuery(info.startStr, info.endStr, filters)).then(
        (items) => items.map((e) => toEventInput(e, t)),
        (err: unknown) => {
          onFeedError(err);
          throw err;
        },
      ),
    [filters, onFeedError, t],
  );

  const host = useRef<HTMLDivElement>(null);
  const { onDatesSet } = props;
  const datesSet = useCallback((info: DatesSetInfo) => {
    if (host.current) delete host.current.dataset.ready;
    onDatesSet(info);
    // Two frames: FullCalendar sizes its panes in the frame after it draws them.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      makeScrollersFocusable(host.current);
      // Drawn and reachable by keyboard: what the browser tests wait for.
      if (host.current) host.current.dataset.ready = 'true';
    }));
  }, [onDatesSet]);
  // A pane that starts to scroll later (the window made smaller, entries arrived) becomes reachable too.
  useEffect(() => {
    const el = host.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => makeScrollersFocusable(el));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // FullCalendar 7 uses generated class names: this wrapper is the stable hook for layout and tests.
  return (
    <div className="calendar-host" data-testid="calendar" ref={host}>
    <FullCalendar
      ref={props.calendarRef}
      plugins={PLUGINS}
      initialView={props.initialView}
      initialDate={props.initialDate}
      timeZone={props.timeZone}
      locale={locale}
      views={VIEW_OPTIONS}
      headerToolbar={false}
      footerToolbar={false}
      height="100%"
      nowIndicator
      navLinks
      dayMaxEvents={3}
      selectable
      selectMirror
      editable
      eventStartEditable
      eventDurationEditable
      longPressDelay={400}
      events={events}
      select={props.onSelect}
      eventClick={props.onEventClick}
      eventDragStart={props.onEventChangeStart}
      eventResizeStart={props.onEventChangeStart}
      eventDrop={props.onEventChange}
      eventResize={props.onEventChange}
      datesSet={datesSet}
    />
    </div>
  );
}
