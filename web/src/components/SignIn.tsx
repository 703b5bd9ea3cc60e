import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api';
import { signIn } from '../endpoints';
import type { Session } from '../types';

interface Props {
  notice?: string;
  onSignedIn: (session: Session) => void;
}

export function SignIn({ notice, onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(email.trim(), password));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(err.detail ?? 'The email or password is not right.');
      else if (err instanceof ApiError && err.status === 429) setError(err.detail ?? 'Too many attempts. Wait a minute, then try again.');
      else setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Kalendaryo</h1>
        <p className="muted">Sign in to your organisation's calendar.</p>
        {notice && !error && <p className="notice" role="status">{notice}</p>}
        <label htmlFor="sign-in-email">Email</label>
        <input id="sign-in-email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="sign-in-password">Password</label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && <p className="field-error" role="alert" id="sign-in-error">{error}</p>}
        <button type="submit" className="primary" disabled={busy} aria-describedby={error ? 'sign-in-error' : undefined}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
