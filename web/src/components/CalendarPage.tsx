import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { CalendarRef, DatesSetInfo, DateSelectInfo, EventClickInfo } from '@fullcalendar/react';
import { useIntl } from 'react-intl';
import { ApiError, messageOf } from '../api';
import { listCalendars } from '../endpoints';
import { blankForm, rangeToForm, type EntryForm } from '../entry-form';
import { parseLocation, type Filters } from '../filters';
import { useCalendarLocation } from '../hooks/useCalendarLocation';
import { useDisplayZone } from '../hooks/useDisplayZone';
import { useEntryMoves } from '../hooks/useEntryMoves';
import { useShortcuts } from '../hooks/useShortcuts';
import { DEFAULT_MODULES, loadModules, type ModuleInfo, sameModules } from '../modules';
import type { ShortcutAction } from '../shortcuts';
import { addMinutesToWall, nextWholeHour } from '../times';
import { TIMELINE_VIEW } from '../timeline';
import { useT } from '../i18n/t';
import { formatPeriod } from '../period';
import { ShellSlot, useShell } from '../shell/slots';
import type { PageProps } from '../shell/routes';
import type { CalendarInfo } from '../types';
import { Icon } from '../ui/Icon';
import { DEFAULT_VIEW, NARROW_DEFAULT_VIEW, isKnownView } from '../views';
import { CalendarView } from './CalendarView';
import { ChangeNotice } from './ChangeNotice';
import { CreateDialog } from './CreateDialog';
import { EmptyGuide } from './EmptyGuide';
import { EntryDialog } from './EntryDialog';
import { ExportMenu } from './ExportMenu';
import { FilterPanel } from './FilterPanel';
import { OverviewPanel } from './OverviewPanel';
import { PeriodControls } from './PeriodControls';
import { SavedViews } from './SavedViews';
import { ScopeDialog } from './ScopeDialog';
import { SearchBox } from './SearchBox';
import { ViewMenu } from './ViewMenu';
import { WorkflowPanel } from './WorkflowPanel';
import '../styles/panels.css';
import type { Preset } from '../presets';

// The timeline (EventCalendar with Svelte inside) is fetched only when someone opens it.
const TimelineView = lazy(() => import('./TimelineView'));

type Occurrence = { seriesId: string; recurrenceId: string };
type DialogState = null | { type: 'create'; form: EntryForm } | { type: 'entry'; entryId: string; occurrence?: Occurrence };

const canWrite = (c: CalendarInfo) => c.canCreateEntries ?? (!c.isReadOnly && (c.access === 'edit' || c.access === 'manage'));

export default function CalendarPage({ session, onSessionExpired }: PageProps) {
  const { user } = session;
  const t = useT();
  const intl = useIntl();
  const { narrow, openHelp } = useShell();
  const [displayZone] = useDisplayZone(user.timeZone);
  const [loc, setLoc] = useCalendarLocation();
  const locRef = useRef(loc);
  locRef.current = loc;
  const timeline = loc.view === TIMELINE_VIEW;
  const calRef = useRef<CalendarRef>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [calendars, setCalendars] = useState<CalendarInfo[]>([]);
  const [modules, setModules] = useState<ModuleInfo[]>(DEFAULT_MODULES);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [range, setRange] = useState<{ start: string; end: string } | null>(null);
  /** The view's own days (its first, and the day after its last) for the period in words. */
  const [period, setPeriod] = useState<{ view: string; start: string; end: string } | null>(null);

  const refetch = useCallback(() => calRef.current?.getApi().refetchEvents(), []);
  const moves = useEntryMoves(displayZone, refetch, onSessionExpired);
  const { setNotice } = moves;
  const dismissNotice = useCallback(() => setNotice(null), [setNotice]);

  const onFailure = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) onSessionExpired();
    else setProblem(messageOf(err));
  }, [onSessionExpired]);

  useEffect(() => {
    listCalendars().then(setCalendars, onFailure);
    // The built-in modules draw the first month; the server's catalogue is fetched once the page is
    // idle and replaces them only if it differs, so it never costs the calendar a second render.
    const load = () => void loadModules().then((next) => setModules((prev) => (sameModules(prev, next) ? prev : next)));
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(load, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(load, 500);
    return () => clearTimeout(timer);
  }, [onFailure]);

  // Back and Forward move the calendar to the view and date in the address bar. Only then: the
  // calendar itself is the source of truth for view and date, the URL follows it.
  useEffect(() => {
    const onPop = () => {
      const api = calRef.current?.getApi();
      const target = parseLocation(window.location.search);
      if (!api) return;
      if (target.view && isKnownView(target.view) && api.view.type !== target.view) api.changeView(target.view, target.date ?? undefined);
      else if (target.date) api.gotoDate(target.date);
      else api.today();
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const writable = calendars.filter(canWrite);

  function openCreate(times: Pick<EntryForm, 'start' | 'end' | 'allDay'>) {
    if (writable.length === 0) {
      moves.setNotice({ kind: 'error', message: t('calendar.noWritableCalendar') });
      return;
    }
    const { filters } = locRef.current;
    const calendar = writable.find((c) => filters.calendars.includes(c.id))
      ?? writable.find((c) => c.module !== null && filters.modules.includes(c.module))
      ?? writable.find((c) => c.module !== null)
      ?? writable[0]!;
    const mod = modules.find((m) => m.id === calendar.module) ?? modules.find((m) => m.id === 'general');
    setDialog({
      type: 'create',
      form: blankForm({ ...times, timeZone: displayZone, calendarId: calendar.id, module: mod?.id ?? calendar.module ?? '', kind: mod?.kinds[0]?.id ?? '' }),
    });
  }

  function newEntryNow() {
    const start = nextWholeHour(displayZone);
    openCreate({ allDay: false, start, end: addMinutesToWall(start, 60) });
  }

  const onSelect = (info: DateSelectInfo) => openCreate(rangeToForm(info.startStr, info.endStr, info.allDay, displayZone));
  const onEventClick = (info: EventClickInfo) => {
    info.jsEvent.preventDefault();
    const props = info.event.extendedProps;
    const occurrence = props.seriesId && props.recurrenceId ? { seriesId: String(props.seriesId), recurrenceId: String(props.recurrenceId) } : undefined;
    setDialog({ type: 'entry', entryId: String(props.entryId ?? info.event.id), occurrence });
  };
  const onDatesSet = useCallback((info: DatesSetInfo) => {
    // A view that shows today keeps no date in the URL, so a bookmark of it follows the days.
    const { view } = info;
    const now = Date.now();
    const showsToday = view.currentStart.getTime() <= now && now < view.currentEnd.getTime();
    const date = showsToday ? null : view.calendar.formatIso(view.calendar.getDate(), true).slice(0, 10);
    const day = (d: Date) => view.calendar.formatIso(d, true).slice(0, 10);
    setRange({ start: info.startStr, end: info.endStr });
    setPeriod({ view: view.type, start: day(view.currentStart), end: day(view.currentEnd) });
    setLoc({ ...locRef.current, view: info.view.type, date }, 'replace');
  }, [setLoc]);

  const setFilters = useCallback((filters: Filters, mode: 'push' | 'replace' = 'push') => setLoc({ ...locRef.current, filters }, mode), [setLoc]);
  const applyPreset = useCallback((preset: Preset) => {
    const view = preset.view ?? locRef.current.view;
    setLoc({ view, date: null, filters: preset.filters }, 'push');
    // The calendar owns its view: tell it, unless the timeline takes its place.
    if (view && isKnownView(view)) calRef.current?.getApi().changeView(view);
  }, [setLoc]);
  const commitSearch = useCallback((q: string) => setFilters({ ...locRef.current.filters, q }, 'replace'), [setFilters]);

  useShortcuts((action: ShortcutAction) => {
    const api = calRef.current?.getApi();
    switch (action.type) {
      case 'new': return newEntryNow();
      case 'today': return api?.today();
      case 'prev': return api?.prev();
      case 'next': return api?.next();
      case 'view': return timeline ? setLoc({ ...locRef.current, view: action.view, date: null }) : api?.changeView(action.view);
      case 'search': return searchRef.current?.focus();
      case 'help': return openHelp();
      case 'undo': return void moves.undo();
    }
  }, dialog === null);

  const initialView = isKnownView(loc.view) ? loc.view : narrow ? NARROW_DEFAULT_VIEW : DEFAULT_VIEW;
  const shownView = timeline ? TIMELINE_VIEW : period?.view ?? initialView;
  const chooseView = (view: string) => {
    if (view === TIMELINE_VIEW || timeline) setLoc({ ...locRef.current, view, date: null });
    else calRef.current?.getApi().changeView(view);
  };
  const afterChange = () => { setDialog(null); refetch(); };
  const api = () => calRef.current?.getApi();
  const title = timeline ? t('view.timeline') : period ? formatPeriod(intl, period.view, period.start, period.end) : '';
  const controls = (part: 'all' | 'buttons' | 'title') => (
    <PeriodControls view={shownView} title={title} part={timeline ? 'title' : part} onToday={() => api()?.today()} onPrev={() => api()?.prev()} onNext={() => api()?.next()} />
  );

  return (
    <div className="calendar-page">
      <ShellSlot name="bar">{controls(narrow ? 'title' : 'all')}</ShellSlot>
      <ShellSlot name="tools">
        <SearchBox value={loc.filters.q} onCommit={commitSearch} inputRef={searchRef} />
        {!narrow && <ViewMenu view={shownView} onChange={chooseView} />}
        {!narrow && <ExportMenu range={range} filters={loc.filters} timeZone={displayZone} />}
      </ShellSlot>
      <ShellSlot name="create">
        {narrow
          ? <button type="button" className="primary" onClick={newEntryNow} aria-label={t('calendar.newEntry')} aria-keyshortcuts="n"><Icon name="plus" />{t('common.new')}</button>
          : <button type="button" className="primary create-button" onClick={newEntryNow} aria-keyshortcuts="n"><Icon name="plus" />{t('calendar.newEntry')}</button>}
      </ShellSlot>
      <ShellSlot name="rail">
        <WorkflowPanel role={user.role} timeZone={displayZone} onDecided={refetch} onSessionExpired={onSessionExpired} />
        <SavedViews view={loc.view} filters={loc.filters} onApply={applyPreset} />
        <FilterPanel filters={loc.filters} modules={modules} calendars={calendars} onChange={setFilters} />
        <OverviewPanel range={range} filters={loc.filters} modules={modules} />
        {narrow && <ExportMenu range={range} filters={loc.filters} timeZone={displayZone} />}
      </ShellSlot>
      {narrow && (
        <div className="calendar-toolbar">
          {controls('buttons')}
          <ViewMenu view={shownView} onChange={chooseView} />
        </div>
      )}
        <div id="calendar" className="calendar-main">
          {problem && (
            <p className="banner" role="alert">
              {problem} <button type="button" className="link-button" onClick={() => { setProblem(null); refetch(); }}>{t('common.retry')}</button>
            </p>
          )}
          <EmptyGuide isAdmin={user.role === 'admin'} onNewEntry={newEntryNow}
            onChanged={() => { listCalendars().then(setCalendars, onFailure); refetch(); }} />
          {timeline ? (
            <Suspense fallback={<p role="status">{t('calendar.loadingTimeline')}</p>}>
              <TimelineView filters={loc.filters} modules={modules} timeZone={displayZone} initialDate={loc.date ?? undefined} onFeedError={onFailure} onRange={setRange}
                onOpen={(entryId, occurrence) => setDialog({ type: 'entry', entryId, occurrence })} />
            </Suspense>
          ) : <CalendarView calendarRef={calRef} initialView={initialView} initialDate={loc.date ?? undefined} timeZone={displayZone}
            filters={loc.filters} onSelect={onSelect} onEventClick={onEventClick}
            onEventChangeStart={moves.onChangeStart} onEventChange={moves.onEventChange} onDatesSet={onDatesSet} onFeedError={onFailure} />}
        </div>
      {moves.notice && <ChangeNotice notice={moves.notice} onUndo={() => void moves.undo()} onDismiss={dismissNotice} />}
      {moves.pendingScope && (
        <ScopeDialog title={t('scope.moveTitle', { title: moves.pendingScope.title })} question={t('scope.moveQuestion')} scopes={['this', 'following']} onChoose={moves.pendingScope.choose} />
      )}
      {dialog?.type === 'create' && (
        <CreateDialog initial={dialog.form} calendars={writable} modules={modules} canBook={user.role !== 'viewer'} onClose={() => { setDialog(null); calRef.current?.getApi().unselect(); }}
          onCreated={(entry) => { afterChange(); moves.setNotice({ kind: 'info', message: t('entry.created', { title: entry.title }) }); }} />
      )}
      {dialog?.type === 'entry' && (
        <EntryDialog entryId={dialog.entryId} occurrence={dialog.occurrence} calendars={writable} modules={modules} canBook={user.role !== 'viewer'} onClose={() => setDialog(null)} onChanged={afterChange} />
      )}
    </div>
  );
}
