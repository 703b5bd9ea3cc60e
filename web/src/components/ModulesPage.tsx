import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, messageOf, request } from '../api';
import { useT } from '../i18n/t';
import { useLabels } from '../labels';
import type { PageProps } from '../shell/routes';
import { bodyOf, fieldsOf, patchOf, valuesOf, type FormField, type FormValues } from '../schema-form';
import { isoToWall } from '../times';
import '../styles/panels.css';
import { CommunitiesBrowser } from './CommunitiesBrowser';
import { RecordForm } from './RecordForm';

interface TypeInfo { module: string; type: string; label: string }
interface RecordRow { id: string; data: Record<string, unknown> & { title?: string; status?: string }; version: number; entries: Array<{ start: string }> }
type Result = { kind: 'ok' | 'error'; text: string; fields?: Record<string, string> };

const PAGE = 50;
/** Fields a workflow sets (a leave request's status changes through Approve / Reject / Cancel), not the form. */
const WORKFLOW_FIELDS: Record<string, string[]> = { 'staff/leave': ['status'] };

/** `/modules`: each module's records (edit, delete) and a form generated from the record type's JSON Schema. */
export default function ModulesPage({ session, onSessionExpired }: PageProps) {
  const t = useT();
  const intl = useIntl();
  const labels = useLabels();
  const zone = session.user.timeZone;
  const [types, setTypes] = useState<TypeInfo[]>([]);
  const [key, setKey] = useState(() => new URLSearchParams(window.location.search).get('type') ?? '');
  const [records, setRecords] = useState<RecordRow[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [fields, setFields] = useState<FormField[]>([]);
  const [values, setValues] = useState<FormValues>({});
  /** The record being edited (as loaded, with its version for If-Match), or null for a new one. */
  const [editing, setEditing] = useState<RecordRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);
  /** Set by a saved edit: the edit form gives way to the new-record form, so focus goes to what happened. */
  const focusResult = useRef(false);
  useEffect(() => {
    if (!result || !focusResult.current) return;
    focusResult.current = false;
    resultRef.current?.focus();
  }, [result]);

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
    request<{ items: RecordRow[]; nextCursor: string | null }>(`/api/v1/modules/${key}?limit=${PAGE}`).then(({ data }) => {
      setRecords(data.items);
      setNextCursor(data.nextCursor);
    }, onError);
  }, [key, onError]);

  async function more() {
    if (!nextCursor) return;
    try {
      const { data } = await request<{ items: RecordRow[]; nextCursor: string | null }>(`/api/v1/modules/${key}?limit=${PAGE}&cursor=${nextCursor}`);
      setRecords((old) => [...(old ?? []), ...data.items]);
      setNextCursor(data.nextCursor);
    } catch (err) {
      onError(err);
    }
  }

  useEffect(() => {
    if (!key) return;
    const url = new URL(window.location.href);
    url.searchParams.set('type', key);
    window.history.replaceState(null, '', url);
    setRecords(null);
    setValues({});
    setEditing(null);
    setResult(null);
    load();
    const byWorkflow = new Set(WORKFLOW_FIELDS[key] ?? []);
    request<Record<string, unknown>>(`/api/v1/modules/${key}/schema`).then(({ data }) => setFields(fieldsOf(data).filter((f) => !byWorkflow.has(f.name))), onError);
  }, [key, load, onError]);

  const label = useMemo(() => {
    const info = types.find((x) => `${x.module}/${x.type}` === key);
    return info ? labels.recordType(info.module, info.type, info.label) : '';
  }, [types, key, labels]);
  const titleOf = (r: RecordRow) => r.data.title ?? r.id;

  async function edit(row: RecordRow) {
    setResult(null);
    try {
      // The current version, not the listed one: someone may have changed it since the list loaded.
      const { data } = await request<RecordRow>(`/api/v1/modules/${key}/${row.id}`);
      setEditing(data);
      setValues(valuesOf(fields, data.data, zone));
      // Keyboard users land in the form they opened.
      setTimeout(() => document.querySelector<HTMLElement>('#record-form-top + form :is(input, select, textarea)')?.focus(), 0);
    } catch (err) {
      onError(err);
    }
  }

  function stopEditing() {
    setEditing(null);
    setValues({});
    setResult(null);
  }

  async function save() {
    setResult(null);
    setBusy(true);
    try {
      if (editing) {
        await request(`/api/v1/modules/${key}/${editing.id}`, {
          method: 'PATCH', body: patchOf(fields, values, editing.data, zone), headers: { 'If-Match': `"${editing.version}"` },
        });
        setResult({ kind: 'ok', text: t('records.changed', { type: label, title: String(values.title ?? titleOf(editing)) }) });
        setEditing(null);
        focusResult.current = true;
      } else {
        await request(`/api/v1/modules/${key}`, { method: 'POST', body: bodyOf(fields, values, zone) });
        setResult({ kind: 'ok', text: t('records.saved', { type: label }) });
      }
      setValues({});
      load();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return onSessionExpired();
      const text = err instanceof ApiError && err.status === 412 ? t('records.changedMeanwhile') : messageOf(err);
      const byField = err instanceof ApiError ? Object.fromEntries(err.fieldErrors.map((f) => [f.field, f.message])) : {};
      setResult({ kind: 'error', text, fields: byField });
    } finally {
      setBusy(false);
    }
  }

  async function remove(row: RecordRow) {
    if (!window.confirm(t('records.confirmDelete', { title: titleOf(row) }))) return;
    setResult(null);
    try {
      await request(`/api/v1/modules/${key}/${row.id}`, { method: 'DELETE' });
      if (editing?.id === row.id) stopEditing();
      setResult({ kind: 'ok', text: t('records.deleted', { title: titleOf(row) }) });
      load();
    } catch (err) {
      onError(err);
    }
  }

  return (
    <div className="page records-page">
        <h1>{t('records.title')}</h1>
        <label htmlFor="record-type">{t('records.type')}</label>
        <select id="record-type" value={key} onChange={(e) => setKey(e.target.value)}>
          {types.map((x) => <option key={`${x.module}/${x.type}`} value={`${x.module}/${x.type}`}>{t('records.typeOption', { module: labels.module(x.module), type: labels.recordType(x.module, x.type, x.label) })}</option>)}
        </select>
        <section aria-labelledby="records-title">
          <h2 id="records-title">{label || t('records.records')}</h2>
          {records === null ? <p role="status">{t('common.loading')}</p> : records.length === 0 ? <p>{t('records.none')}</p> : (
            <ul className="resource-list record-list">
              {records.map((r) => {
                const first = r.entries[0]?.start;
                const day = first && (first.includes('T') ? isoToWall(first, zone) : first).slice(0, 10);
                const dayText = day && intl.formatDate(new Date(`${day}T12:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' });
                return (
                  <li key={r.id}>
                    <span className="record-list__title">{titleOf(r)}</span>
                    <span className="muted small">{r.data.status ? labels.status(r.data.status) : ''}</span>
                    {day && <a className="small" href={`/?view=listWeek&date=${day}`} aria-label={t('records.onCalendar', { title: titleOf(r), day: dayText })}>{dayText}</a>}
                    <span className="record-list__actions">
                      <button type="button" className="link-button" aria-label={t('records.edit', { title: titleOf(r) })} onClick={() => void edit(r)}>{t('common.edit')}</button>
                      <button type="button" className="link-button" aria-label={t('records.delete', { title: titleOf(r) })} onClick={() => void remove(r)}>{t('common.delete')}</button>
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {nextCursor && <button type="button" onClick={() => void more()}>{t('common.showMore')}</button>}
        </section>
        <div id="record-form-top" />
        <RecordForm key={editing?.id ?? 'new'} title={editing ? t('records.editTitle', { title: titleOf(editing) }) : t('records.newTitle', { type: label || t('records.record') })} fields={fields} values={values}
          errors={result?.fields} zone={zone} busy={busy} onChange={setValues} onSubmit={() => void save()} onCancel={editing ? stopEditing : undefined} />
        {result && <p ref={resultRef} tabIndex={-1} className={result.kind === 'error' ? 'field-error' : 'notice'} role={result.kind === 'error' ? 'alert' : 'status'}>{result.text}</p>}
        <CommunitiesBrowser />
    </div>
  );
}
