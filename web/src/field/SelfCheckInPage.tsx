/**
 * Self check-in: a participant with an account scans (or types) the code shown at the venue. The
 * scan is queued like an organiser's and sent through POST /api/v1/attendance/self-check-in.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { allScans, type QueuedScan } from './queue';
import { queued } from './CheckInPage';
import { Scanner } from './Scanner';

export function SelfCheckInPage({ online, onSync }: { online: boolean; onSync: () => Promise<void> }) {
  const [code, setCode] = useState('');
  const [mine, setMine] = useState<QueuedScan[]>([]);
  const reread = useCallback(async () => setMine((await allScans()).filter((s) => s.kind === 'self').reverse()), []);
  useEffect(() => {
    void reread();
    window.addEventListener('field-queue', reread);
    window.addEventListener('field-queued', reread);
    return () => {
      window.removeEventListener('field-queue', reread);
      window.removeEventListener('field-queued', reread);
    };
  }, [reread]);

  const send = (value: string) => value.trim() && queued({ kind: 'self', eventCode: value.trim(), label: 'My check-in' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send(code);
    setCode('');
  };
  const waiting = mine.filter((s) => s.state === 'waiting').length;
  return (
    <section aria-labelledby="self-title">
      <h1 id="self-title">Check myself in</h1>
      <p>Scan the event code shown at the venue. Without signal your check-in is kept on this phone and sent later.</p>
      <Scanner onCode={send} />
      <form onSubmit={submit} className="field-form">
        <label htmlFor="event-code">Event code</label>
        <input id="event-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="off" spellCheck={false} />
        <button type="submit" className="field-primary">Check me in</button>
      </form>
      {waiting > 0 && <button type="button" className="field-secondary" disabled={!online} onClick={() => void onSync()}>{online ? 'Send now' : `${waiting} waiting for a connection`}</button>}
      <ol className="field-results">
        {mine.slice(0, 20).map((s) => (
          <li key={s.idempotencyKey} className={`field-scan field-scan-${s.state}`}>
            {new Date(s.clientTime).toLocaleString()} — {s.state === 'waiting' ? 'Waiting to send' : s.state === 'refused' ? `Refused: ${s.message ?? s.reason}` : s.state === 'duplicate' ? 'You were already checked in' : 'You are checked in'}
          </li>
        ))}
      </ol>
    </section>
  );
}
