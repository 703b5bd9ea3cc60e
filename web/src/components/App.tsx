import { lazy, Suspense, useEffect, useState } from 'react';
import { ApiError, messageOf } from '../api';
import { currentSession, signOut } from '../endpoints';
import { useT } from '../i18n/t';
import type { Session } from '../types';
import { SignIn } from './SignIn';

// The shell (header, navigation, router, menus) and every page load once someone is signed in,
// so the sign-in page stays light on a slow connection.
const Shell = lazy(() => import('../shell/Shell'));

type State =
  | { status: 'loading' }
  | { status: 'signed-out'; notice?: 'signedOut' | 'expired' }
  | { status: 'signed-in'; session: Session }
  | { status: 'error'; message: string };

export function App() {
  const t = useT();
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
      setState({ status: 'signed-out', notice: 'signedOut' });
    }
  }

  switch (state.status) {
    case 'loading':
      return <p className="page-status" role="status">{t('app.loading')}</p>;
    case 'error':
      return (
        <main className="page-status">
          <h1>{t('app.unreachable')}</h1>
          <p role="alert">{state.message}</p>
          <button type="button" onClick={() => location.reload()}>{t('common.tryAgain')}</button>
        </main>
      );
    case 'signed-out':
      return <SignIn notice={state.notice && t(state.notice === 'expired' ? 'signIn.expired' : 'signIn.signedOut')}
        onSignedIn={(session) => setState({ status: 'signed-in', session })} />;
    case 'signed-in':
      return (
        <Suspense fallback={<p className="page-status" role="status">{t('app.loading')}</p>}>
          <Shell session={state.session} onSignOut={() => void handleSignOut()} onSessionExpired={() => setState({ status: 'signed-out', notice: 'expired' })} />
        </Suspense>
      );
  }
}
