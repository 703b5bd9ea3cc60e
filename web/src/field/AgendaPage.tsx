/**
 * The phone agenda: the coming three weeks from the device's copy (IndexedDB), refreshed from the
 * server when online. Agenda (all days) or Day (one day, swipe or buttons to change it); pull down
 * at the top or press Refresh to fetch again. Rows are large touch targets opening the details.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api';
import type { FeedEvent, Session } from '../types';
import { addDays, dayHeading, dayKey, groupByDay, refreshedLabel, timeRange } from './format';
import { entryPath, go } from './navigation';
import { readAgenda, refreshAll, type Stored } from './offline-data';
import { useSwipe } from './useSwipe';

interface Props { session: Session; online: boolean }

export function AgendaPage({ session, online }: Props) {
  const zone = session.user.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = dayKey(new Date().toISOString(), zone);
  const [agenda, setAgenda] = useState<Stored<FeedEvent[]> | null | undefined>(undefined);
  const [mode, setMode] = useState<'agenda' | 'day'>(() => (sessionStorage.getItem('field-view') === 'day' ? 'day' : 'agenda'));
  const [day, setDay] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!navigator.onLine) return setError('Offline: showing what this device saved.');
    setBusy(true);
    setError(null);
    try {
      await refreshAll((fresh) => setAgenda(fresh));
    } catch (err) {
      setError(`Could not refresh: ${messageOf(err)}`);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void readAgenda().then((saved) => setAgenda(saved ?? null));
  }, []);
  useEffect(() => {
    if (online) void refresh();
  }, [online, refresh]);
  useEffect(() => sessionStorage.setItem('field-view', mode), [mode]);

  const listRef = useRef<HTMLDivElement>(null);
  useSwipe(listRef, {
    onSwipe: (dir) => mode === 'day' && setDay((d) => addDays(d, dir === 'left' ? 1 : -1)),
    onPull: () => void refresh(),
  });

  const events = agenda?.data ?? [];
  const shown = mode === 'day' ? events.filter((e) => dayKey(e.start, zone) === day) : events;
  const groups = groupByDay(shown, (e) => dayKey(e.start, zone));

  return (
    <section aria-labelledby="agenda-title" data-testid="field-agenda">
      <div className="field-bar">
        <h1 id="agenda-title">{mode === 'day' ? dayHeading(day, today) : 'Agenda'}</h1>
        <div className="field-segment" role="group" aria-label="View">
          <button type="button" aria-pressed={mode === 'agenda'} onClick={() => setMode('agenda')}>Agenda</button>
          <button type="button" aria-pressed={mode === 'day'} onClick={() => setMode('day')}>Day</button>
        </div>
      </div>
      <p className="field-refreshed" data-testid="refreshed">
        {refreshedLabel(agenda?.refreshedAt)}
        <button type="button" className="field-link" onClick={() => void refresh()} disabled={busy || !online}>{busy ? 'Refreshing…' : 'Refresh'}</button>
      </p>
      {error && <p className="field-note" role="alert">{error}</p>}
      {mode === 'day' && (
        <div className="field-daynav">
          <button type="button" onClick={() => setDay(addDays(day, -1))}>‹ Previous day</button>
          <button type="button" onClick={() => setDay(today)} disabled={day === today}>Today</button>
          <button type="button" onClick={() => setDay(addDays(day, 1))}>Next day ›</button>
        </div>
      )}
      <div ref={listRef} className="field-list">
        {agenda === undefined && <p role="status">Opening the saved agenda…</p>}
        {agenda === null && !busy && <p>Nothing saved on this device yet{online ? '' : ': connect once to load your agenda'}.</p>}
        {agenda && groups.length === 0 && <p>{mode === 'day' ? 'Nothing on this day.' : 'Nothing in the coming three weeks.'}</p>}
        {groups.map((group) => (
          <section key={group.day} aria-label={dayHeading(group.day, today)}>
            {mode === 'agenda' && <h2 className="field-day">{dayHeading(group.day, today)}</h2>}
            <ul className="field-events">
              {group.items.map((e) => (
                <li key={e.id}>
                  <a href={entryPath('entry', e.extendedProps.entryId, e.extendedProps.recurrenceId)} className="field-event" style={{ borderLeftColor: e.backgroundColor ?? '#1e3a5f' }}
                    onClick={(ev) => { ev.preventDefault(); go(entryPath('entry', e.extendedProps.entryId, e.extendedProps.recurrenceId)); }}>
                    <span className="field-time">{timeRange(e.start, e.end, e.allDay, zone)}</span>
                    <span className="field-title">{e.title}</span>
                    {e.extendedProps.location && <span className="field-where">{e.extendedProps.location}</span>}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
