import { useCallback, useEffect, useState } from 'react';
import { ApiError, messageOf } from '../api';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/t';
import { useLabels } from '../labels';
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
  const t = useT();
  const intl = useIntl();
  const labels = useLabels();
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

  const titleOf = (item: PendingItem) => item.title || t(item.kind === 'leave' ? 'workflow.leaveRequest' : 'workflow.booking');

  async function act(item: PendingItem, action: DecisionAction) {
    setBusy(item.id);
    setMessage(null);
    try {
      await decide(item, action);
      setItems((list) => list?.filter((i) => i.id !== item.id) ?? null);
      setMessage({ kind: 'ok', text: t(action === 'approve' ? 'workflow.approved' : 'workflow.rejected', { title: titleOf(item) }) });
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
      <h2 id="workflow-title">{t('workflow.title', { count: items?.length ?? 0 })}</h2>
      {message && <p className={message.kind === 'error' ? 'field-error small' : 'muted small'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {items === null ? <p className="muted small">{t('common.loading')}</p> : (
        <ul className="workflow__list">
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`} className="workflow__item" data-testid={`pending-${item.kind}`}>
              <span className="workflow__title">{titleOf(item)}</span>
              <span className="muted small">{t(item.kind === 'leave' ? 'workflow.leaveLine' : 'workflow.bookingLine', { detail: item.detail ? (item.kind === 'leave' ? labels.value(item.detail) : item.detail) : 'none', when: describeSpan(item.start, item.end, timeZone, intl) })}</span>
              <span className="workflow__actions">
                <button type="button" disabled={busy === item.id} onClick={() => void act(item, 'approve')}>{t('workflow.approve')}<span className="visually-hidden"> {titleOf(item)}</span></button>
                <button type="button" disabled={busy === item.id} onClick={() => void act(item, 'reject')}>{t('workflow.reject')}<span className="visually-hidden"> {titleOf(item)}</span></button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
