import type { FormEvent } from 'react';
import type { FormField, FormValues } from '../schema-form';

interface Props {
  title: string;
  fields: FormField[];
  values: FormValues;
  errors: Record<string, string> | undefined;
  zone: string;
  busy: boolean;
  onChange: (values: FormValues) => void;
  onSubmit: () => void;
  onCancel?: () => void;
}

/** A module record's form, generated from its type's fields: a new record or an existing one. */
export function RecordForm({ title, fields, values, errors, zone, busy, onChange, onSubmit, onCancel }: Props) {
  const headingId = `${title.replace(/\W+/g, '-').toLowerCase()}-title`;
  const set = (name: string, v: string | boolean) => onChange({ ...values, [name]: v });
  const submit = (e: FormEvent) => { e.preventDefault(); onSubmit(); };
  return (
    <form className="booking-form" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {fields.map((f) => {
        const id = `field-${f.name.replace(/\./g, '-')}`;
        const error = errors?.[f.name];
        const common = { id, required: f.required, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
        const v = values[f.name];
        const text = typeof v === 'string' ? v : '';
        return (
          <div key={f.name} className="field">
            <label htmlFor={id}>{f.label}{f.required ? ' (required)' : ''}{f.kind === 'list' ? ' (comma-separated)' : ''}{f.kind === 'datetime' ? ` (${zone})` : ''}</label>
            {f.kind === 'select' ? (
              <select {...common} value={text} onChange={(e) => set(f.name, e.target.value)}>
                <option value="">—</option>
                {f.options.map((o) => <option key={o} value={o}>{o.replace(/_/g, ' ')}</option>)}
              </select>
            ) : f.kind === 'checkbox' ? (
              <input {...common} required={false} type="checkbox" checked={v === true} onChange={(e) => set(f.name, e.target.checked)} />
            ) : f.kind === 'textarea' ? (
              <textarea {...common} value={text} onChange={(e) => set(f.name, e.target.value)} />
            ) : (
              <input {...common} type={f.kind === 'date' ? 'date' : f.kind === 'datetime' ? 'datetime-local' : f.kind === 'number' ? 'number' : 'text'}
                value={text} onChange={(e) => set(f.name, e.target.value)} />
            )}
            {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
          </div>
        );
      })}
      <div className="record-form__actions">
        <button type="submit" className="primary" disabled={!fields.length || busy}>{busy ? 'Saving…' : 'Save'}</button>
        {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
