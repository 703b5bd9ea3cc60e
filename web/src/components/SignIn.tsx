import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api';
import { signIn } from '../endpoints';
import { useT } from '../i18n/t';
import type { Session } from '../types';

interface Props {
  notice?: string;
  onSignedIn: (session: Session) => void;
}

export function SignIn({ notice, onSignedIn }: Props) {
  const t = useT();
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
      if (err instanceof ApiError && err.status === 401) setError(err.detail ?? t('signIn.wrong'));
      else if (err instanceof ApiError && err.status === 429) setError(err.detail ?? t('signIn.tooMany'));
      else setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('app.name')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        {notice && !error && <p className="notice" role="status">{notice}</p>}
        <label htmlFor="sign-in-email">{t('signIn.email')}</label>
        <input id="sign-in-email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="sign-in-password">{t('signIn.password')}</label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && <p className="field-error" role="alert" id="sign-in-error">{error}</p>}
        <button type="submit" className="primary" disabled={busy} aria-describedby={error ? 'sign-in-error' : undefined}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
