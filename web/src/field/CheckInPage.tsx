/**
 * The organiser's check-in screen. Every scan (camera, typed/pasted code, or a tap on a name) is
 * written to the device queue first and sent when there is a connection; the screen counts who is
 * in, how many scans wait, and shows the server's answer for each (duplicate, refused with why).
 */
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { messageOf, request } from '../api';
import type { Session } from '../types';
import { refreshedLabel } from './format';
import { allScans, countScans, enqueue, type QueuedScan } from './queue';
import { Scanner } from './Scanner';
import { useDetails } from './useDetails';

interface Props { session: Session; online: boolean; entryId: string; recurrenceId: string | null; onSync: () => Promise<void> }

const STATE_TEXT: Record<QueuedScan['state'], string> = { waiting: 'Waiting to send', applied: 'Checked in', duplicate: 'Already checked in', refused: 'Refused' };

export function queued(scan: Omit<QueuedScan, 'idempotencyKey' | 'clientTime' | 'state'>): void {
  void enqueue([scan]).then(() => window.dispatchEvent(new Event('field-queued')));
}

export function CheckInPage({ online, entryId, recurrenceId, onSync }: Props) {
  const { details, error, refresh } = useDetails(entryId, recurrenceId, online);
  const [scans, setScans] = useState<QueuedScan[]>([]);
  const [code, setCode] = useState('');
  const [search, setSearch] = useState('');
  const [walkIn, setWalkIn] = useState({ name: '', organisation: '' });
  const [walkInNote, setWalkInNote] = useState<string | null>(null);

  const reread = useCallback(async () => setScans((await allScans()).filter((s) => s.entryId === entryId)), [entryId]);
  useEffect(() => {
    void reread();
    const onQueue = () => {
      void reread();
      void refresh();
    };
    window.addEventListener('field-queue', onQueue);
    window.addEventListener('field-queued', onQueue);
    // Live counts: other organisers' devices check people in too.
    const timer = setInterval(() => navigator.onLine && void refresh(), 15_000);
    return () => {
      window.removeEventListener('field-queue', onQueue);
      window.removeEventListener('field-queued', onQueue);
      clearInterval(timer);
    };
  }, [reread, refresh]);

  const people = details?.data.participants?.participants ?? [];
  const pendingIds = useMemo(() => new Set(scans.filter((s) => s.state !== 'refused' && s.participantId).map((s) => s.participantId)), [scans]);
  const checkedIn = people.filter((p) => p.attendance?.status === 'checked_in' || pendingIds.has(p.id)).length;
  const counts = countScans(scans);
  const matches = search.trim() ? people.filter((p) => p.name.toLowerCase().includes(search.trim().toLowerCase())) : [];
  const base = { kind: 'organizer' as const, entryId, ...(recurrenceId ? { recurrenceId } : {}) };

  function scanCode(value: string) {
    const ticket = value.trim();
    if (!ticket) return;
    queued({ ...base, method: 'qr', ticket, label: `Ticket …${ticket.slice(-6)}` });
  }

  function submitCode(e: FormEvent) {
    e.preventDefault();
    scanCode(code);
    setCode('');
  }

  async function submitWalkIn(e: FormEvent) {
    e.preventDefault();
    setWalkInNote(null);
    try {
      await request(`/api/v1/entries/${encodeURIComponent(entryId)}/walk-ins`, {
        method: 'POST', body: { name: walkIn.name.trim(), organisation: walkIn.organisation.trim() || null, ...(recurrenceId ? { recurrenceId } : {}) },
      });
      setWalkInNote(`${walkIn.name.trim()} is registered and checked in.`);
      setWalkIn({ name: '', organisation: '' });
      await refresh();
    } catch (err) {
      setWalkInNote(messageOf(err));
    }
  }

  if (details === undefined) return <p role="status">Opening…</p>;
  const title = details?.data.entry.title ?? 'Check-in';
  return (
    <section className="field-checkin" aria-labelledby="checkin-title" data-testid="check-in">
      <h1 id="checkin-title">Check-in · {title}</h1>
      {details && <p className="field-refreshed">{refreshedLabel(details.refreshedAt)}</p>}
      {error && <p className="field-note" role="alert">{error}</p>}
      <dl className="field-counts" aria-live="polite">
        <div><dt>Checked in</dt><dd data-testid="count-in">{checkedIn}</dd></div>
        <div><dt>On the list</dt><dd>{people.length}</dd></div>
        <div><dt>Waiting to send</dt><dd data-testid="count-waiting">{counts.waiting}</dd></div>
        <div><dt>Refused</dt><dd data-testid="count-refused">{counts.refused}</dd></div>
      </dl>
      {counts.waiting > 0 && (
        <button type="button" className="field-secondary" disabled={!online} onClick={() => void onSync()}>
          {online ? `Send ${counts.waiting} now` : `${counts.waiting} will be sent when online`}
        </button>
      )}
      <Scanner onCode={scanCode} />
      <form onSubmit={submitCode} className="field-form">
        <label htmlFor="code">Ticket code</label>
        <input id="code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="off" spellCheck={false} />
        <button type="submit" className="field-primary">Check in code</button>
      </form>
      <div className="field-form">
        <label htmlFor="who">Search by name</label>
        <input id="who" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
      </div>
      <ul className="field-people">
        {matches.slice(0, 20).map((p) => {
          const done = p.attendance?.status === 'checked_in' || pendingIds.has(p.id);
          return (
            <li key={p.id}>
              <span>{p.name}{p.organisation ? ` · ${p.organisation}` : ''}</span>
              <button type="button" disabled={done} onClick={() => queued({ ...base, method: 'manual', participantId: p.id, label: p.name })}>
                {done ? 'Checked in' : `Check in ${p.name}`}
              </button>
            </li>
          );
        })}
      </ul>
      <details className="field-walkin">
        <summary>Register a walk-in</summary>
        <form onSubmit={(e) => void submitWalkIn(e)} className="field-form">
          <label htmlFor="walkin-name">Name</label>
          <input id="walkin-name" required value={walkIn.name} onChange={(e) => setWalkIn({ ...walkIn, name: e.target.value })} />
          <label htmlFor="walkin-org">Organisation (optional)</label>
          <input id="walkin-org" value={walkIn.organisation} onChange={(e) => setWalkIn({ ...walkIn, organisation: e.target.value })} />
          <button type="submit" className="field-primary" disabled={!online}>{online ? 'Register and check in' : 'Needs a connection'}</button>
          {walkInNote && <p role="status">{walkInNote}</p>}
        </form>
      </details>
      <h2>Scans on this device</h2>
      <ol className="field-results" data-testid="scan-results">
        {[...scans].reverse().slice(0, 50).map((s) => (
          <li key={s.idempotencyKey} className={`field-scan field-scan-${s.state}`}>
            <strong>{s.label}</strong> — {STATE_TEXT[s.state]}{s.state === 'refused' && s.reason ? ` (${s.reason})` : ''}
            {s.message && s.state !== 'applied' ? <span className="field-msg">: {s.message}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
