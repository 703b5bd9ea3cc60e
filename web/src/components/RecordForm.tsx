import { useId, type FormEvent } from 'react';
import type { FormField, FormValues } from '../schema-form';
import { useT } from '../i18n/t';
import { SchemaFields } from './SchemaFields';

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
  const t = useT();
  const headingId = useId();
  const submit = (e: FormEvent) => { e.preventDefault(); onSubmit(); };
  return (
    <form className="booking-form" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <SchemaFields fields={fields} values={values} errors={errors} zone={zone} onChange={onChange} />
      <div className="record-form__actions">
        <button type="submit" className="primary" disabled={!fields.length || busy}>{busy ? t('common.saving') : t('common.save')}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t('common.cancel')}</button>}
      </div>
    </form>
  );
}
