import { lazy, Suspense, useEffect, useState } from 'react';
import { ApiError, messageOf } from '../api';
import { currentSession, signOut } from '../endpoints';
import type { Session } from '../types';
import { SignIn } from './SignIn';

// The calendar (FullCalendar and its views) loads only once someone is signed in, so the sign-in
// page stays light on a slow connection.
const CalendarPage = lazy(() => import('./CalendarPage'));
const ResourcesPage = lazy(() => import('./ResourcesPage'));
const ModulesPage = lazy(() => import('./ModulesPage'));

type State =
  | { status: 'loading' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; session: Session }
  | { status: 'error'; message: string };

export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    currentSession()
      .then((session) => live && setState({ status: 'signed-in', session }))
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 401) setState({ status: 'signed-out' });
        else setState({ status: 'error', message: messageOf(err) });
      });
    return () => {
      live = false;
    };
  }, []);

  async function handleSignOut() {
    try {
      await signOut();
    } finally {
      setState({ status: 'signed-out', notice: 'You are signed out.' });
    }
  }

  switch (state.status) {
    case 'loading':
      return <p className="page-status" role="status">Loading Kalendaryo…</p>;
    case 'error':
      return (
        <main className="page-status">
          <h1>Kalendaryo is not reachable</h1>
          <p role="alert">{state.message}</p>
          <button type="button" onClick={() => location.reload()}>Try again</button>
        </main>
      );
    case 'signed-out':
      return <SignIn notice={state.notice} onSignedIn={(session) => setState({ status: 'signed-in', session })} />;
    case 'signed-in': {
      const expired = () => setState({ status: 'signed-out', notice: 'Your session ended. Please sign in again.' });
      if (window.location.pathname.startsWith('/modules')) {
        return (
          <Suspense fallback={<p className="page-status" role="status">Loading modules…</p>}>
            <ModulesPage session={state.session} onSessionExpired={expired} />
          </Suspense>
        );
      }
      if (window.location.pathname.startsWith('/resources')) {
        return (
          <Suspense fallback={<p className="page-status" role="status">Loading resources…</p>}>
            <ResourcesPage session={state.session} onSessionExpired={expired} />
          </Suspense>
        );
      }
      return (
        <Suspense fallback={<p className="page-status" role="status">Loading the calendar…</p>}>
          <CalendarPage session={state.session} onSignOut={handleSignOut} onSessionExpired={expired} />
        </Suspense>
      );
    }
  }
}
