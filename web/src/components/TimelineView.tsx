import { createCalendar, destroyCalendar, ResourceTimeline, type Calendar } from '@event-calendar/core';
import '@event-calendar/core/index.css';
import '../styles/timeline.css';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { translator } from '../i18n/t';
import { fetchFeed } from '../endpoints';
import { feedQuery, type Filters } from '../filters';
import type { ModuleInfo } from '../modules';
import { weekStartOf } from '../fc-locale';
import { timelineModules, timelineResources, toTimelineEvent } from '../timeline';

const TABLE_ROLES = ['table', 'rowgroup', 'row', 'rowheader', 'columnheader', 'cell', 'gridcell'].map((r) => `[role="${r}"]`).join(',');

interface Props {
  filters: Filters;
  modules: ModuleInfo[];
  timeZone: string;
  initialDate: string | undefined;
  onOpen: (entryId: string, occurrence?: { seriesId: string; recurrenceId: string }) => void;
  onFeedError: (err: unknown) => void;
  /** The dates shown, for the overview and exports (plain dates; the server reads them in the user's zone). */
  onRange: (range: { start: string; end: string }) => void;
}

/**
 * Planning and MANA milestones on a resource timeline (EventCalendar, MIT). Loaded lazily: it is
 * its own chunk with Svelte inside, fetched only when someone opens the timeline.
 */
export default function TimelineView({ filters, modules, timeZone, initialDate, onOpen, onFeedError, onRange }: Props) {
  const intl = useIntl();
  const t = translator(intl);
  const host = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  const latest = useRef({ onOpen, onFeedError, onRange });
  latest.current = { onOpen, onFeedError, onRange };

  useEffect(() => {
    const shown = timelineModules(filters);
    const resources = timelineResources(modules, shown, intl);
    const rows = new Set(resources.map((r) => r.id));
    const options: Calendar.Options = {
      view: 'resourceTimelineMonth',
      locale: intl.locale,
      firstDay: weekStartOf(intl.locale),
      date: initialDate,
      height: '100%',
      headerToolbar: { start: 'prev,next today', center: 'title', end: 'resourceTimelineWeek,resourceTimelineMonth,resourceTimelineYear' },
      buttonText: (text) => ({ ...text, today: t('calendar.today'), resourceTimelineWeek: t('view.week'), resourceTimelineMonth: t('view.month'), resourceTimelineYear: t('view.year') }),
      resources,
      views: { resourceTimelineYear: { slotDuration: { days: 7 } } },
      eventSources: [{
        events: (info: { startStr: string; endStr: string }) =>
          // EventCalendar's range is floating dates; the feed takes dates in the shown zone.
          fetchFeed(feedQuery(info.startStr.slice(0, 10), info.endStr.slice(0, 10), { ...filters, modules: shown }))
            .then((items) => items.map((e) => toTimelineEvent(e, timeZone, rows)), (err: unknown) => {
              latest.current.onFeedError(err);
              return [];
            }),
      }],
      eventClick: (info: { event: Calendar.Event }) => {
        const p = info.event.extendedProps as { entryId: string; seriesId?: string; recurrenceId?: string };
        latest.current.onOpen(p.entryId, p.seriesId && p.recurrenceId ? { seriesId: p.seriesId, recurrenceId: p.recurrenceId } : undefined);
      },
      datesSet: (info: { startStr: string; endStr: string }) => latest.current.onRange({ start: info.startStr.slice(0, 10), end: info.endStr.slice(0, 10) }),
      editable: false,
    } as Calendar.Options;
    calendar.current = createCalendar(host.current!, [ResourceTimeline], options);
    // EventCalendar marks its grid up as an ARIA table whose rows and cells do not nest as a table's
    // must (axe: aria-required-children/parent, critical). Without the roles it reads as plain text:
    // the kind names, then each bar's title, which is what the timeline says.
    const stripRoles = () => host.current?.querySelectorAll(`${TABLE_ROLES},[aria-colindex],[aria-rowindex]`).forEach((el) => {
      for (const name of ['role', 'aria-colindex', 'aria-rowindex']) el.removeAttribute(name);
    });
    const observer = new MutationObserver(() => stripRoles());
    observer.observe(host.current!, { childList: true, subtree: true });
    stripRoles();
    return () => {
      observer.disconnect();
      if (calendar.current) void destroyCalendar(calendar.current);
      calendar.current = null;
    };
    // A new calendar when what it shows changes; the date the user paged to is kept by EventCalendar itself otherwise.
  }, [filters, modules, timeZone, initialDate, intl]);

  return <div className="timeline-host" data-testid="timeline" ref={host} aria-label={t('timeline.label')} role="region" />;
}
