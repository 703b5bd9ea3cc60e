import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, messageOf, request } from '../api';
import { bodyOf, fieldsOf, type FormField } from '../schema-form';
import type { Session } from '../types';
import '../styles/panels.css';
import { CommunitiesBrowser } from './CommunitiesBrowser';

interface Props { session: Session; onSessionExpired: () => void }
interface TypeInfo { module: string; type: string; label: string }
interface RecordRow { id: string; data: { title?: string; status?: string }; entries: Array<{ start: string }> }

/** `/modules`: each module's records, and a form generated from the record type's JSON Schema. */
export default function ModulesPage({ session, onSessionExpired }: Props) {
  const [types, setTypes] = useState<TypeInfo[]>([]);
  const [key, setKey] = useState(() => new URLSearchParams(window.location.search).get('type') ?? '');
  const [records, setRecords] = useState<RecordRow[] | null>(null);
  const [fields, setFields] = useState<FormField[]>([]);
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string; fields?: Record<string, string> } | null>(null);

  const onError = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) onSessionExpired();
    else setResult({ kind: 'error', text: messageOf(err) });
  }, [onSessionExpired]);

  useEffect(() => {
    request<{ items: TypeInfo[] }>('/api/v1/modules/types').then(({ data }) => {
      setTypes(data.items);
      setKey((k) => k || (data.items[0] ? `${data.items[0].module}/${data.items[0].type}` : ''));
    }, onError);
  }, [onError]);

  const load = useCallback(() => {
    if (!key) return;
    request<{ items: RecordRow[] }>(`/api/v1/modules/${key}?limit=50`).then(({ data }) => setRecords(data.items), onError);
  }, [key, onError]);

  useEffect(() => {
    if (!key) return;
    const url = new URL(window.location.href);
    url.searchParams.set('type', key);
    window.history.replaceState(null, '', url);
    setRecords(null);
    setValues({});
    setResult(null);
    load();
    request<Record<string, unknown>>(`/api/v1/modules/${key}/schema`).then(({ data }) => setFields(fieldsOf(data)), onError);
  }, [key, load, onError]);

  const label = useMemo(() => types.find((t) => `${t.module}/${t.type}` === key)?.label ?? '', [types, key]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    try {
      await request(`/api/v1/modules/${key}`, { method: 'POST', body: bodyOf(fields, values) });
      setResult({ kind: 'ok', text: `${label} saved; it is on the calendar.` });
      setValues({});
      load();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return onSessionExpired();
      const byField = err instanceof ApiError ? Object.fromEntries(err.fieldErrors.map((f) => [f.field, f.message])) : {};
      setResult({ kind: 'error', text: messageOf(err), fields: byField });
    }
  }

  const set = (name: string, v: string | boolean) => setValues((old) => ({ ...old, [name]: v }));
  return (
    <div className="app">
      <a className="skip-link" href="#modules-main">Skip to records</a>
      <header className="app-header">
        <h1 className="brand">Kalendaryo</h1>
        <nav aria-label="Pages" className="page-nav"><a href="/">Calendar</a> <a href="/modules" aria-current="page">Modules</a> <a href="/resources">Resources</a></nav>
        <span className="small">{session.user.name}</span>
      </header>
      <main id="modules-main" className="calendar-main resources-page" tabIndex={-1}>
        <h2>Module records</h2>
        <label htmlFor="record-type">Record type</label>{' '}
        <select id="record-type" value={key} onChange={(e) => setKey(e.target.value)}>
          {types.map((t) => <option key={`${t.module}/${t.type}`} value={`${t.module}/${t.type}`}>{t.module} · {t.label}</option>)}
        </select>
        <section aria-labelledby="records-title">
          <h3 id="records-title">{label || 'Records'}</h3>
          {records === null ? <p role="status">Loading…</p> : records.length === 0 ? <p>No records yet.</p> : (
            <ul className="resource-list">
              {records.map((r) => <li key={r.id}>{r.data.title ?? r.id} <span className="muted small">{r.data.status ?? ''}{r.entries[0] ? ` · ${r.entries[0].start.slice(0, 10)}` : ''}</span></li>)}
            </ul>
          )}
        </section>
        <form className="booking-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-record-title">
          <h3 id="new-record-title">New {label.toLowerCase() || 'record'}</h3>
          {fields.map((f) => {
            const id = `field-${f.name.replace(/\./g, '-')}`;
            const error = result?.fields?.[f.name];
            const common = { id, required: f.required, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
            const v = values[f.name];
            return (
              <div key={f.name} className="field">
                <label htmlFor={id}>{f.label}{f.required ? ' (required)' : ''}{f.kind === 'list' ? ' (comma-separated)' : ''}</label>
                {f.kind === 'select' ? (
                  <select {...common} value={typeof v === 'string' ? v : ''} onChange={(e) => set(f.name, e.target.value)}>
                    <option value="">—</option>
                    {f.options.map((o) => <option key={o} value={o}>{o.replace(/_/g, ' ')}</option>)}
                  </select>
                ) : f.kind === 'checkbox' ? (
                  <input {...common} required={false} type="checkbox" checked={v === true} onChange={(e) => set(f.name, e.target.checked)} />
                ) : f.kind === 'textarea' ? (
                  <textarea {...common} value={typeof v === 'string' ? v : ''} onChange={(e) => set(f.name, e.target.value)} />
                ) : (
                  <input {...common} type={f.kind === 'date' ? 'date' : f.kind === 'datetime' ? 'datetime-local' : f.kind === 'number' ? 'number' : 'text'}
                    value={typeof v === 'string' ? v : ''} onChange={(e) => set(f.name, e.target.value)} />
                )}
                {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
              </div>
            );
          })}
          <button type="submit" className="primary" disabled={!fields.length}>Save</button>
        </form>
        {result && <p className={result.kind === 'error' ? 'field-error' : 'notice'} role={result.kind === 'error' ? 'alert' : 'status'}>{result.text}</p>}
        <CommunitiesBrowser />
      </main>
    </div>
  );
}
