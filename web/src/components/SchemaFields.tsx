import { useT } from '../i18n/t';
import { useLabels } from '../labels';
import type { FormField, FormValues } from '../schema-form';

interface Props {
  fields: FormField[];
  values: FormValues;
  errors: Partial<Record<string, string>> | undefined;
  zone: string;
  onChange: (values: FormValues) => void;
}

/** The inputs of fields generated from a JSON Schema, each with its label and the server's message. */
export function SchemaFields({ fields, values, errors, zone, onChange }: Props) {
  const t = useT();
  const labels = useLabels();
  const set = (name: string, v: string | boolean) => onChange({ ...values, [name]: v });
  return fields.map((f) => {
    const id = `field-${f.name.replace(/\./g, '-')}`;
    const error = errors?.[f.name];
    const common = { id, required: f.required, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
    const v = values[f.name];
    const text = typeof v === 'string' ? v : '';
    return (
      <div key={f.name} className="field">
        <label htmlFor={id}>{t('form.label', { label: labels.field(f.path.at(-1)!), required: String(f.required), list: String(f.kind === 'list'), zone: f.kind === 'datetime' ? zone : 'none' })}</label>
        {f.kind === 'select' ? (
          <select {...common} value={text} onChange={(e) => set(f.name, e.target.value)}>
            <option value="">{t('form.none')}</option>
            {f.options.map((o) => <option key={o} value={o}>{labels.value(o)}</option>)}
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
  });
}
