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
import { useCallback, useRef, type Ref } from 'react';
import { makeScrollersFocusable } from '../scrollers';
import { feedQuery, type Filters } from '../filters';
import { fetchFeed } from '../endpoints';
import type { FeedEvent } from '../types';
import { VIEWS } from '../views';

const PLUGINS = [classicTheme, dayGrid, timeGrid, list, multiMonth, interaction];

const VIEW_OPTIONS = {
  multiWeek: { type: 'dayGrid', duration: { weeks: 4 } },
  // The week's day headers ("Sun 22") would become links named "November 22, 2026": a name that
  // does not contain the visible text fails WCAG 2.5.3. Day numbers in month views are fine.
  timeGridWeek: { navLinks: false },
  // The year view's month titles become links named "Go to 2026-01" inside a role=table: both fail.
  multiMonthYear: { navLinks: false },
};

// FullCalendar 7 names toolbar buttons through `buttons` (v6's buttonText is gone).
const BUTTONS = {
  today: { text: 'Today' },
  ...Object.fromEntries(VIEWS.map((v) => [v.name, { text: v.label, hint: `${v.label} view (${v.key})` }])),
};

const WIDE_TOOLBAR = { start: 'prev,next today', center: 'title', end: 'timeGridDay,timeGridWeek,dayGridMonth,multiWeek,multiMonthYear,listWeek' };
const NARROW_TOOLBAR = { start: 'prev,next', center: 'title', end: 'today' };
const NARROW_FOOTER = { center: 'timeGridDay,listWeek,dayGridMonth' };

/**
 * The feed's event objects use v6 colour names; FullCalendar 7 reads `color` and `contrastColor`.
 * Occurrences of repeating entries are draggable too: the drop asks which occurrences move.
 */
export function toEventInput(e: FeedEvent): EventInput {
  const { backgroundColor, borderColor, textColor, ...rest } = e;
  return {
    ...rest,
    color: backgroundColor ?? borderColor,
    contrastColor: textColor,
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
  narrow: boolean;
  onSelect: (info: DateSelectInfo) => void;
  onEventClick: (info: EventClickInfo) => void;
  onEventChangeStart: (info: EventDragStartInfo | EventResizeStartInfo) => void;
  onEventChange: (info: EventDropInfo | EventResizeDoneInfo) => void;
  onDatesSet: (info: DatesSetInfo) => void;
  onFeedError: (err: unknown) => void;
}

export function CalendarView(props: Props) {
  const { filters, onFeedError } = props;
  // A new function when the filters change makes FullCalendar fetch again.
  const events = useCallback(
    (info: EventSourceFuncInfo) =>
      fetchFeed(feedQuery(info.startStr, info.endStr, filters)).then(
        (items) => items.map(toEventInput),
        (err: unknown) => {
          onFeedError(err);
          throw err;
        },
      ),
    [filters, onFeedError],
  );

  const host = useRef<HTMLDivElement>(null);
  const { onDatesSet } = props;
  const datesSet = useCallback((info: DatesSetInfo) => {
    onDatesSet(info);
    requestAnimationFrame(() => makeScrollersFocusable(host.current));
  }, [onDatesSet]);

  // FullCalendar 7 uses generated class names: this wrapper is the stable hook for layout and tests.
  return (
    <div className="calendar-host" data-testid="calendar" ref={host}>
    <FullCalendar
      ref={props.calendarRef}
      plugins={PLUGINS}
      initialView={props.initialView}
      initialDate={props.initialDate}
      timeZone={props.timeZone}
      views={VIEW_OPTIONS}
      headerToolbar={props.narrow ? NARROW_TOOLBAR : WIDE_TOOLBAR}
      footerToolbar={props.narrow ? NARROW_FOOTER : false}
      buttons={BUTTONS}
      todayHint="Go to today"
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
      scrollTime="07:00:00"
    />
    </div>
  );
}
