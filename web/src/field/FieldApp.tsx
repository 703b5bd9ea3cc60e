/**
 * The field app (/field): the agenda of the coming weeks and each event's details readable offline,
 * the check-in screen for organisers and self check-in, with a queue that survives closing the tab.
 * The session is remembered on the device so the app opens without signal; writes wait in the queue
 * until the server (and a valid session) is reachable again.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';
import { SignIn } from '../components/SignIn';
import { currentSession } from '../endpoints';
import type { Session } from '../types';
import { AgendaPage } from './AgendaPage';
import { CheckInPage } from './CheckInPage';
import { EntryPage } from './EntryPage';
import { go, useFieldRoute, useOnline } from './navigation';
import { readSession, saveSession } from './offline-data';
import { PushToggle } from './PushToggle';
import { allScans, countScans, syncQueue } from './queue';
import { SelfCheckInPage } from './SelfCheckInPage';
import './field.css';

type SessionState = { status: 'loading' } | { status: 'signed-out'; notice?: string } | { status: 'ready'; session: Session; offline: boolean };

export default function FieldApp() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [waiting, setWaiting] = useState(0);
  const [syncNote, setSyncNote] = useState<string | null>(null);
  const online = useOnline();
  const route = useFieldRoute();

  useEffect(() => {
    let live = true;
    // The device's saved session opens the app at once (on 3G the check costs round trips); the
    // server's answer follows and signs out if the session has ended.
    void readSession().then((cached) => {
      if (live && cached) setState((s) => (s.status === 'loading' ? { status: 'ready', session: cached, offline: !navigator.onLine } : s));
    });
    currentSession()
      .then(async (session) => {
        await saveSession(session);
        if (live) setState({ status: 'ready', session, offline: false });
      })
      .catch(async (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 401) return setState({ status: 'signed-out', notice: 'Your session ended. Sign in again; queued scans are kept.' });
        const cached = await readSession();
        if (cached) setState({ status: 'ready', session: cached, offline: true });
        else setState({ status: 'signed-out', notice: 'No connection, and this device has no saved session yet: sign in once while online.' });
      });
    return () => {
      live = false;
    };
  }, []);

  const countWaiting = useCallback(async () => setWaiting(countScans(await allScans()).waiting), []);

  /** Sends the queue when there is something to send; the pages re-read their scans on 'field-queue'. */
  const sync = useCallback(async () => {
    const outcome = await syncQueue();
    setSyncNote(outcome.stopped ?? (outcome.sent ? `Sent ${outcome.sent} queued scan${outcome.sent === 1 ? '' : 's'}.` : null));
    await countWaiting();
    window.dispatchEvent(new Event('field-queue'));
  }, [countWaiting]);

  useEffect(() => {
    if (state.status !== 'ready') return;
    // Ask the browser not to evict the queue and the saved agenda when the phone runs short of space.
    void navigator.storage?.persist?.().catch(() => false);
    void countWaiting();
    const onQueued = () => {
      void countWaiting();
      if (navigator.onLine) void sync();
    };
    window.addEventListener('field-queued', onQueued);
    const timer = setInterval(() => navigator.onLine && void sync(), 30_000);
    return () => {
      window.removeEventListener('field-queued', onQueued);
      clearInterval(timer);
    };
  }, [state.status, countWaiting, sync]);

  useEffect(() => {
    if (online && state.status === 'ready') void sync();
  }, [online, state.status, sync]);

  if (state.status === 'loading') return <p className="page-status" role="status">Loading Kalendaryo…</p>;
  if (state.status === 'signed-out') {
    return <SignIn notice={state.notice} onSignedIn={(session) => void saveSession(session).then(() => setState({ status: 'ready', session, offline: false }))} />;
  }
  const { session } = state;
  return (
    <div className="field">
      <header className="field-header">
        <a href="/field" className="field-brand" onClick={(e) => { e.preventDefault(); go('/field'); }}>Kalendaryo</a>
        <span className={online ? 'field-net' : 'field-net field-net-off'} role="status">{online ? 'Online' : 'Offline'}</span>
        {waiting > 0 && <span className="field-badge" data-testid="queue-badge">{waiting} waiting</span>}
      </header>
      {syncNote && <p className="field-note" role="status">{syncNote}</p>}
      <main className="field-main">
        {route.page === 'agenda' && <AgendaPage session={session} online={online} />}
        {route.page === 'entry' && <EntryPage session={session} online={online} entryId={route.entryId} recurrenceId={route.recurrenceId} />}
        {route.page === 'check-in' && <CheckInPage session={session} online={online} entryId={route.entryId} recurrenceId={route.recurrenceId} onSync={sync} />}
        {route.page === 'self' && <SelfCheckInPage online={online} onSync={sync} />}
      </main>
      <nav className="field-tabs" aria-label="Field app">
        <a href="/field" aria-current={route.page === 'agenda' ? 'page' : undefined} onClick={(e) => { e.preventDefault(); go('/field'); }}>Agenda</a>
        <a href="/field/self" aria-current={route.page === 'self' ? 'page' : undefined} onClick={(e) => { e.preventDefault(); go('/field/self'); }}>Check myself in</a>
        <a href="/">Full calendar</a>
      </nav>
      <footer className="field-footer"><PushToggle online={online} /></footer>
    </div>
  );
}
