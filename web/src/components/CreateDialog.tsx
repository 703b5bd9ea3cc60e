import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api';
import { createEntry } from '../endpoints';
import { formToInput, serverFieldErrors, validateForm, type EntryForm, type FormErrors } from '../entry-form';
import type { ModuleInfo } from '../modules';
import type { CalendarInfo, Entry } from '../types';
import { Dialog } from './Dialog';
import { EntryFields } from './EntryFields';

interface Props {
  initial: EntryForm;
  calendars: CalendarInfo[];
  modules: ModuleInfo[];
  onCreated: (entry: Entry) => void;
  onClose: () => void;
}

/** Quick create (title, time, calendar, kind) that opens up into the full form on request. */
export function CreateDialog({ initial, calendars, modules, onCreated, onClose }: Props) {
  const [form, setForm] = useState(initial);
  const [expanded, setExpanded] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateForm(form);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      onCreated(await createEntry(formToInput(form)));
    } catch (err) {
      if (err instanceof ApiError) {
        const split = serverFieldErrors(err.fieldErrors);
        setErrors(split.errors);
        // Fields the quick form hides would leave their message invisible: open the full form.
        if (Object.keys(split.errors).some((k) => !['title', 'start', 'end', 'calendarId', 'kind', 'location'].includes(k))) setExpanded(true);
        setProblem([err.detail ?? err.title, ...split.other].join(' '));
      } else setProblem(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <Dialog title="New entry" onClose={onClose} className={expanded ? 'dialog--wide' : ''}>
      <form onSubmit={submit} noValidate>
        <EntryFields form={form} onChange={setForm} errors={errors} calendars={calendars} modules={modules} compact={!expanded} />
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <div className="dialog__actions">
          {!expanded && <button type="button" className="link-button" onClick={() => setExpanded(true)}>More options</button>}
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
        </div>
      </form>
    </Dialog>
  );
}
