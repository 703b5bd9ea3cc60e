import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, messageOf } from '../api';
import { useT } from '../i18n/t';
import { useLabels } from '../labels';
import type { PageProps } from '../shell/routes';
import { fetchFeed } from '../endpoints';
import { bookableEntries, listResources, requestBooking, RESOURCE_TYPES, type Resource } from '../resources';
import { ResourceCalendar } from './ResourceCalendar';
import { WorkflowPanel } from './WorkflowPanel';
import '../styles/panels.css';


const DAY = 86_400_000;

/** Resources: a list with a type filter, a resource's own calendar, a booking request, the approval queue. */
export default function ResourcesPage({ session, onSessionExpired }: PageProps) {
  const t = useT();
  const intl = useIntl();
  const labels = useLabels();
  const { user } = session;
  const [type, setType] = useState(() => new URLSearchParams(window.location.search).get('type') ?? '');
  const [resources, setResources] = useState<Resource[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [entries, setEntries] = useState<ReturnType<typeof bookableEntries>>([]);
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
      setResult({ kind: 'ok', text: t('status' in booking && booking.status === 'pending' ? 'resources.requested' : 'resources.booked', { name: resource.name }) });
      setRefreshKey((k) => k + 1);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return onSessionExpired();
      setResult({ kind: 'error', text: messageOf(err) });
    }
  }

  return (
    <div className="page resources-page">
          {/* The approval queue: pending bookings (and leave) this user may decide. */}
          <WorkflowPanel role={user.role} timeZone={user.timeZone} onDecided={() => setRefreshKey((k) => k + 1)} onSessionExpired={onSessionExpired} />
          <h1>{t('resources.title')}</h1>
          {problem && <p className="banner" role="alert">{problem}</p>}
          <label htmlFor="resource-type">{t('resources.type')}</label>
          <select id="resource-type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{t('resources.allTypes')}</option>
            {RESOURCE_TYPES.map((type) => <option key={type} value={type}>{labels.resourceType(type)}</option>)}
          </select>
          {resources === null ? <p role="status">{t('common.loading')}</p> : resources.length === 0 ? <p>{t('resources.none')}</p> : (
            <ul className="resource-list">
              {resources.map((r) => (
                <li key={r.id}>
                  <button type="button" className="link-button" aria-pressed={r.id === selected} onClick={() => { setSelected(r.id); setResult(null); }}>{r.name}</button>
                  <span className="muted small"> {[labels.resourceType(r.type), r.capacity ? t('resources.seats', { count: r.capacity }) : null, r.location, r.needsApproval ? t('resources.needsApproval') : null].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
            </ul>
          )}
          {resource && (
            <section aria-labelledby="resource-title" className="resource-detail">
              <h2 id="resource-title">{resource.name}</h2>
              <form onSubmit={(e) => void book(e)} className="booking-form">
                <label htmlFor="booking-entry">{t('resources.bookFor')}</label>
                <select id="booking-entry" required value={entryId} onChange={(e) => setEntryId(e.target.value)}
                  aria-invalid={result?.kind === 'error' ? true : undefined} aria-describedby={result?.kind === 'error' ? 'booking-error' : undefined}>
                  <option value="">{t('resources.chooseEntry')}</option>
                  {entries.map((en) => (
                    <option key={en.id} value={en.id}>
                      {t('resources.entryOption', { title: en.title, when: intl.formatDate(new Date(en.allDay ? `${en.start.slice(0, 10)}T12:00:00Z` : en.start), en.allDay ? { timeZone: 'UTC', dateStyle: 'medium' } : { timeZone: user.timeZone, dateStyle: 'medium', timeStyle: 'short' }) })}
                    </option>
                  ))}
                </select>
                <label htmlFor="booking-note">{t('resources.note')}</label>
                <input id="booking-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
                <button type="submit" className="primary" disabled={!entryId}>{t('resources.request')}</button>
              </form>
              {result && <p id="booking-error" className={result.kind === 'error' ? 'field-error' : 'notice'} role={result.kind === 'error' ? 'alert' : 'status'}>{result.text}</p>}
              <ResourceCalendar resourceId={resource.id} timeZone={user.timeZone} refreshKey={refreshKey} onError={onError} />
            </section>
          )}
    </div>
  );
}
