import type { ReactElement } from 'react';
import { cloneElement } from 'react';

interface Props {
  id: string;
  label: string;
  error?: string;
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}

/** A labelled form control whose error message is announced and tied to it. */
export function Field({ id, label, error, children, className }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error && <p className="field-error" id={errorId}>{error}</p>}
    </div>
  );
}
