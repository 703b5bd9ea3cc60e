import { useCallback, useEffect, useState } from 'react';
import { ApiError, messageOf } from '../api';
import { decide, describeSpan, loadPending, type DecisionAction, type PendingItem } from '../workflow';

interface Props {
  role: string;
  timeZone: string;
  /** After a decision: the calendar shows the new status. */
  onDecided: () => void;
  onSessionExpired: () => void;
}

/** "Waiting for you": leave requests and bookings to approve or reject without leaving the calendar. */
export function WorkflowPanel({ role, timeZone, onDecided, onSessionExpired }: Props) {
  const [items, setItems] = useState<PendingItem[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback((signal?: AbortSignal) => loadPending(role, signal).then(setItems, (err: unknown) => {
    if ((err as Error).name === 'AbortError') return;
    if (err instanceof ApiError && err.status === 401) onSessionExpired();
    else setMessage({ kind: 'error', text: messageOf(err) });
  }), [role, onSessionExpired]);

  useEffect(() => {
    const ctl = new AbortController();
    void load(ctl.signal);
    return () => ctl.abort();
  }, [load]);

  async function act(item: PendingItem, action: DecisionAction) {
    setBusy(item.id);
    setMessage(null);
    try {
      await decide(item, action);
      setItems((list) => list?.filter((i) => i.id !== item.id) ?? null);
      setMessage({ kind: 'ok', text: `${action === 'approve' ? 'Approved' : 'Rejected'} “${item.title}”.` });
      onDecided();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return onSessionExpired();
      setMessage({ kind: 'error', text: messageOf(err) });
      void load();
    } finally {
      setBusy(null);
    }
  }

  if (items !== null && items.length === 0 && !message) return null;
  return (
    <section className="workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Waiting for you{items?.length ? ` (${items.length})` : ''}</h2>
      {message && <p className={message.kind === 'error' ? 'field-error small' : 'muted small'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {items === null ? <p className="muted small">Loading…</p> : (
        <ul className="workflow__list">
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`} className="workflow__item" data-testid={`pending-${item.kind}`}>
              <span className="workflow__title">{item.title}</span>
              <span className="muted small">{item.kind === 'leave' ? item.detail : `Booking · ${item.detail}`} · {describeSpan(item.start, item.end, timeZone)}</span>
              <span className="workflow__actions">
                <button type="button" disabled={busy === item.id} onClick={() => void act(item, 'approve')}>Approve<span className="visually-hidden"> {item.title}</span></button>
                <button type="button" disabled={busy === item.id} onClick={() => void act(item, 'reject')}>Reject<span className="visually-hidden"> {item.title}</span></button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
