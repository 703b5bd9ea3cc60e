import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api';
import { fetchFeed } from '../endpoints';
import { bookableEntries, listResources, requestBooking, RESOURCE_TYPES, type Resource } from '../resources';
import type { Session } from '../types';
import { ResourceCalendar } from './ResourceCalendar';
import { WorkflowPanel } from './WorkflowPanel';
import '../styles/panels.css';

interface Props { session: Session; onSessionExpired: () => void }

const DAY = 86_400_000;

/** Resources: a list with a type filter, a resource's own calendar, a booking request, the approval queue. */
export default function ResourcesPage({ session, onSessionExpired }: Props) {
  const { user } = session;
  const [type, setType] = useState(() => new URLSearchParams(window.location.search).get('type') ?? '');
  const [resources, setResources] = useState<Resource[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [entries, setEntries] = useState<Array<{ id: string; label: string }>>([]);
  const [entryId, setEntryId] = useState('');
  const [note, setNote] = useState('');
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const onError = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) onSessionExpired();
    else setProblem(messageOf(err));
  }, [onSessionExpired]);

  useEffect(() => {
    const ctl = new AbortController();
    const url = new URL(window.location.href);
    if (type) url.searchParams.set('type', type); else url.searchParams.delete('type');
    window.history.replaceState(null, '', url);
    listResources(type, ctl.signal).then(setResources, (err: unknown) => (err as Error).name !== 'AbortError' && onError(err));
    return () => ctl.abort();
  }, [type, onError]);

  useEffect(() => {
    const now = Date.now();
    const q = new URLSearchParams({ start: new Date(now).toISOString(), end: new Date(now + 60 * DAY).toISOString() });
    fetchFeed(q).then((events) => setEntries(bookableEntries(events)), onError);
  }, [onError]);

  const resource = useMemo(() => resources?.find((r) => r.id === selected) ?? null, [resources, selected]);

  async function book(e: FormEvent) {
    e.preventDefault();
    if (!resource) return;
    setResult(null);
    try {
      const booking = await requestBooking({ resourceId: resource.id, entryId, units: 1, note: note.trim() || null });
      setResult({ kind: 'ok', text: 'status' in booking && booking.status === 'pending' ? `Requested ${resource.name}; it waits for approval.` : `Booked ${resource.name}.` });
      setRefreshKey((k) => k + 1);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return onSessionExpired();
      setResult({ kind: 'error', text: messageOf(err) });
    }
  }

  return (
    <div className="app">
      <a className="skip-link" href="#resources-main">Skip to resources</a>
      <header className="app-header">
        <h1 className="brand">Kalendaryo</h1>
        <nav aria-label="Pages" className="page-nav"><a href="/">Calendar</a> <a href="/modules">Modules</a> <a href="/resources" aria-current="page">Resources</a></nav>
      </header>
      <div className="app-body">
        <main id="resources-main" className="calendar-main resources-page" tabIndex={-1}>
          {/* The approval queue: pending bookings (and leave) this user may decide. */}
          <WorkflowPanel role={user.role} timeZone={user.timeZone} onDecided={() => setRefreshKey((k) => k + 1)} onSessionExpired={onSessionExpired} />
          <h2>Resources</h2>
          {problem && <p className="banner" role="alert">{problem}</p>}
          <label htmlFor="resource-type">Type</label>{' '}
          <select id="resource-type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">All types</option>
            {RESOURCE_TYPES.map((t) => <option key={t} value={t}>{t[0]!.toUpperCase() + t.slice(1)}</option>)}
          </select>
          {resources === null ? <p role="status">Loading…</p> : resources.length === 0 ? <p>No resources of this type.</p> : (
            <ul className="resource-list">
              {resources.map((r) => (
                <li key={r.id}>
                  <button type="button" className="link-button" aria-pressed={r.id === selected} onClick={() => { setSelected(r.id); setResult(null); }}>{r.name}</button>
                  <span className="muted small"> {r.type}{r.capacity ? ` · seats ${r.capacity}` : ''}{r.location ? ` · ${r.location}` : ''}{r.needsApproval ? ' · needs approval' : ''}</span>
                </li>
              ))}
            </ul>
          )}
          {resource && (
            <section aria-labelledby="resource-title" className="resource-detail">
              <h3 id="resource-title">{resource.name}</h3>
              <form onSubmit={(e) => void book(e)} className="booking-form">
                <label htmlFor="booking-entry">Book for the entry</label>
                <select id="booking-entry" required value={entryId} onChange={(e) => setEntryId(e.target.value)}
                  aria-invalid={result?.kind === 'error' ? true : undefined} aria-describedby={result?.kind === 'error' ? 'booking-error' : undefined}>
                  <option value="">Choose one of your coming entries</option>
                  {entries.map((en) => <option key={en.id} value={en.id}>{en.label}</option>)}
                </select>
                <label htmlFor="booking-note">Note</label>
                <input id="booking-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
                <button type="submit" className="primary" disabled={!entryId}>Request booking</button>
              </form>
              {result && <p id="booking-error" className={result.kind === 'error' ? 'field-error' : 'notice'} role={result.kind === 'error' ? 'alert' : 'status'}>{result.text}</p>}
              <ResourceCalendar resourceId={resource.id} timeZone={user.timeZone} refreshKey={refreshKey} onError={onError} />
            </section>
          )}
        </main>
      </div>
    </div>
  );
}
