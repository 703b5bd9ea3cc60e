import { useMemo, useState } from 'react';
import type { FormErrors } from '../entry-form';
import { detailFieldsOf, detailsFrom, detailValuesOf } from '../kind-details';
import type { KindInfo } from '../kinds';
import { useT } from '../i18n/t';
import { useLabels } from '../labels';
import { SchemaFields } from './SchemaFields';

interface Props {
  kind: KindInfo;
  /** The details as they are when the kind was chosen (a stored entry's, or none). Mount anew for another kind. */
  details: Record<string, unknown>;
  errors: FormErrors;
  zone: string;
  onChange: (details: Record<string, unknown>) => void;
}

/**
 * The chosen kind's own fields (a staff task's assignee and due date, a leave's type …), generated
 * from its details JSON Schema. Loaded only when the full editor shows them.
 */
export default function KindDetailsFields({ kind, details, errors, zone, onChange }: Props) {
  const t = useT();
  const labels = useLabels();
  const fields = useMemo(() => detailFieldsOf(kind.detailsJsonSchema), [kind]);
  // The typed text is kept as typed ("2." on the way to "2.5"); the parent gets the details the API takes.
  const [stored] = useState(details);
  const [values, setValues] = useState(() => detailValuesOf(fields, details, zone, kind.detailsJsonSchema));
  const shown = new Set(fields.map((f) => f.name));
  const unplaced = Object.entries(errors).filter(([name]) => (name === 'details' || name.startsWith('details.')) && !shown.has(name));
  if (!fields.length && !unplaced.length) return null;

  function change(next: typeof values) {
    setValues(next);
    onChange(detailsFrom(fields, next, stored, zone));
  }

  return (
    <fieldset className="kind-details span-2">
      <legend>{t('entry.kindDetails', { kind: labels.kind(kind.module, kind.kind, kind.label) })}</legend>
      <SchemaFields fields={fields} values={values} errors={errors} zone={zone} onChange={change} />
      {unplaced.map(([name, message]) => <p key={name} className="field-error">{t('form.fieldError', { field: name, message })}</p>)}
    </fieldset>
  );
}
