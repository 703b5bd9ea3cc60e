import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { isMissingRoute, messageOf, request } from '../api';
import { useT } from '../i18n/t';

interface Props {
  isAdmin: boolean;
  onNewEntry: () => void;
  /** After a calendar is made or the demo is loaded: reload calendars and events. */
  onChanged: () => void;
}

interface Status { entries: number; calendars: number; demoLoaded: boolean }

/** First run: an organisation without entries shows its admin how to begin. */
export function EmptyGuide({ isAdmin, onNewEntry, onChanged }: Props) {
  const t = useT();
  const [status, setStatus] = useState<Status | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (!isAdmin) return;
    const ctl = new AbortController();
    request<Status>('/api/v1/admin/demo', { signal: ctl.signal }).then(({ data }) => setStatus(data), (err: unknown) => {
      if ((err as Error).name !== 'AbortError' && !isMissingRoute(err)) setNote({ kind: 'error', text: messageOf(err) });
    });
    return () => ctl.abort();
  }, [isAdmin]);

  if (!status || status.entries > 0 || status.demoLoaded) return note?.kind === 'ok' ? <p className="notice" role="status">{note.text}</p> : null;

  async function createCalendar(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await request('/api/v1/calendars', { method: 'POST', body: { name: name.trim() } });
      setNote({ kind: 'ok', text: t('guide.calendarCreated', { name: name.trim() }) });
      setName('');
      onChanged();
    } catch (err) {
      setNote({ kind: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  async function loadDemo() {
    setBusy(true);
    setNote({ kind: 'ok', text: t('guide.loadingDemo') });
    try {
      const { data } = await request<{ entries: number; staff: number; demoPassword: string }>('/api/v1/admin/demo', { method: 'POST' });
      setStatus((s) => (s ? { ...s, entries: data.entries, demoLoaded: true } : s));
      setNote({ kind: 'ok', text: t('guide.demoLoaded', { entries: data.entries, staff: data.staff, password: data.demoPassword }) });
      onChanged();
    } catch (err) {
      setNote({ kind: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="empty-guide" aria-labelledby="empty-guide-title">
      <h2 id="empty-guide-title">{t('guide.title')}</h2>
      <ol>
        <li>
          <form onSubmit={(e) => void createCalendar(e)} className="empty-guide__row">
            <label htmlFor="new-calendar-name">{t('guide.createCalendar')}</label>
            <input id="new-calendar-name" value={name} required maxLength={200} placeholder={t('guide.calendarExample')} onChange={(e) => setName(e.target.value)} />
            <button type="submit" disabled={busy || !name.trim()}>{t('common.create')}</button>
          </form>
        </li>
        <li>
          <FormattedMessage id="guide.firstEntry" values={{ count: status.calendars, button: (text) => <button type="button" className="link-button" onClick={onNewEntry}>{text}</button> }} />
        </li>
        <li>{t('guide.tryDemo')} <button type="button" disabled={busy} onClick={() => void loadDemo()}>{t('guide.loadDemo')}</button></li>
      </ol>
      {note && <p className={note.kind === 'error' ? 'field-error' : 'muted small'} role={note.kind === 'error' ? 'alert' : 'status'}>{note.text}</p>}
    </section>
  );
}
