import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api';
import { deleteEntry, deleteOccurrence, getEntry, updateEntry, type OccurrenceScope, type VersionedEntry } from '../endpoints';
import { entryToForm, formChanges, serverFieldErrors, validateForm, type EntryForm, type FormErrors } from '../entry-form';
import type { ModuleInfo } from '../modules';
import type { CalendarInfo } from '../types';
import { Dialog } from './Dialog';
import { EntryFields } from './EntryFields';
import { ScopeDialog } from './ScopeDialog';

interface Props {
  entryId: string;
  /** Set when the entry was opened from one occurrence of a repeating entry. */
  occurrence?: { seriesId: string; recurrenceId: string };
  calendars: CalendarInfo[];
  modules: ModuleInfo[];
  onChanged: () => void;
  onClose: () => void;
}

/** An entry's details; editable when the server says the user may edit it. */
export function EntryDialog({ entryId, occurrence, calendars, modules, onChanged, onClose }: Props) {
  const [loaded, setLoaded] = useState<VersionedEntry | null>(null);
  const [form, setForm] = useState<EntryForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [askScope, setAskScope] = useState(false);

  useEffect(() => {
    let live = true;
    getEntry(entryId).then(
      (v) => { if (live) { setLoaded(v); setForm(entryToForm(v.entry)); } },
      (err: unknown) => live && setProblem(messageOf(err)),
    );
    return () => { live = false; };
  }, [entryId]);

  function explain(err: unknown) {
    if (err instanceof ApiError && err.status === 412) {
      setProblem('Someone else changed this entry since you opened it. Close and open it again to see their changes.');
    } else if (err instanceof ApiError) {
      const split = serverFieldErrors(err.fieldErrors);
      setErrors(split.errors);
      setProblem([err.detail ?? err.title, ...split.other].join(' '));
    } else setProblem(messageOf(err));
    setBusy(false);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!loaded || !form) return;
    const found = validateForm(form);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) return;
    const patch = formChanges(entryToForm(loaded.entry), form);
    if (Object.keys(patch).length === 0) return onClose();
    setBusy(true);
    try {
      await updateEntry(entryId, loaded.ifMatch, patch);
      onChanged();
    } catch (err) {
      explain(err);
    }
  }

  async function remove() {
    if (!loaded) return;
    if (occurrence) return setAskScope(true);
    if (!window.confirm(`Delete “${loaded.entry.title}”?`)) return;
    setBusy(true);
    try {
      await deleteEntry(entryId, loaded.ifMatch);
      onChanged();
    } catch (err) {
      explain(err);
    }
  }

  async function removeOccurrences(scope: OccurrenceScope | null) {
    setAskScope(false);
    if (!scope || !occurrence) return;
    setBusy(true);
    try {
      await deleteOccurrence(occurrence.seriesId, occurrence.recurrenceId, scope);
      onChanged();
    } catch (err) {
      explain(err);
    }
  }

  const entry = loaded?.entry;
  const editable = Boolean(entry?.canEdit);
  const recurring = Boolean(entry && (entry.rrule || entry.seriesId || entry.recurrenceId));
  // The entry's own calendar stays listed even when the user may not write to it.
  const calendarChoices = entry && !calendars.some((c) => c.id === entry.calendarId)
    ? [...calendars, { id: entry.calendarId, name: 'Current calendar', module: entry.module, color: '#334155', type: 'organisation' as const, access: 'view' as const }]
    : calendars;

  return (
    <Dialog title={entry ? (editable ? 'Edit entry' : entry.title) : 'Entry'} onClose={onClose} className="dialog--wide">
      {!form && !problem && <p role="status">Loading…</p>}
      <form onSubmit={save} noValidate>
        {form && <EntryFields form={form} onChange={setForm} errors={errors} calendars={calendarChoices} modules={modules} readOnly={!editable} />}
        {recurring && editable && <p className="muted small">This entry repeats: changes here apply to the whole series; drag an occurrence to move only it.</p>}
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <div className="dialog__actions">
          {entry?.canDelete && <button type="button" className="danger" onClick={remove} disabled={busy}>Delete</button>}
          <button type="button" onClick={onClose}>{editable ? 'Cancel' : 'Close'}</button>
          {editable && <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>}
        </div>
      </form>
      {askScope && <ScopeDialog title={`Delete “${entry?.title ?? ''}”`} action="Delete" scopes={['this', 'following', 'all']} onChoose={removeOccurrences} />}
    </Dialog>
  );
}
