import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, messageOf } from '../api';
import { useT } from '../i18n/t';
import { deleteEntry, deleteOccurrence, getEntry, updateEntry, type OccurrenceScope, type VersionedEntry } from '../endpoints';
import { hasExtras, NO_EXTRAS, summarizeOutcome, type EntryExtras, type ExtrasOutcome } from '../entry-extras';
import { entryToForm, formChanges, serverFieldErrors, validateForm, type EntryForm, type FormErrors } from '../entry-form';
import { findKind, missingDetails, useKindCatalogue } from '../kinds';
import type { ModuleInfo } from '../modules';
import type { CalendarInfo } from '../types';
import { Dialog } from '../ui/Dialog';
import { EntryFields } from './EntryFields';
import { ScopeDialog } from './ScopeDialog';

const EntryExtrasFields = lazy(() => import('./EntryExtrasFields'));

interface Props {
  entryId: string;
  /** Set when the entry was opened from one occurrence of a repeating entry. */
  occurrence?: { seriesId: string; recurrenceId: string };
  calendars: CalendarInfo[];
  modules: ModuleInfo[];
  canBook: boolean;
  onChanged: () => void;
  onClose: () => void;
}

/** An entry's details; editable when the server says the user may edit it. */
export function EntryDialog({ entryId, occurrence, calendars, modules, canBook, onChanged, onClose }: Props) {
  const t = useT();
  const intl = useIntl();
  const [loaded, setLoaded] = useState<VersionedEntry | null>(null);
  const [form, setForm] = useState<EntryForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [askScope, setAskScope] = useState(false);
  /** Bumped after a save so that participants and bookings are listed again. */
  const [loadKey, setLoadKey] = useState(0);
  const [extras, setExtras] = useState<EntryExtras>(NO_EXTRAS);
  const [outcome, setOutcome] = useState<ExtrasOutcome | null>(null);
  /** Something was saved while the dialog stays open: the calendar refetches when it closes. */
  const [saved, setSaved] = useState(false);
  const catalogue = useKindCatalogue();

  useEffect(() => {
    let live = true;
    getEntry(entryId).then(
      (v) => {
        if (!live) return;
        setLoaded(v);
        setForm(entryToForm(v.entry));
      },
      (err: unknown) => live && setProblem(messageOf(err)),
    );
    return () => { live = false; };
  }, [entryId]);

  function explain(err: unknown) {
    if (err instanceof ApiError && err.status === 412) {
      setProblem(t('entry.changedMeanwhile'));
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
    const patch = formChanges(entryToForm(loaded.entry), form);
    // Details stored before (an import's, say) are not held to the form's rules until they are edited.
    const found: FormErrors = { ...validateForm(form, intl), ...(patch.details ? missingDetails(findKind(catalogue, form.module, form.kind), form.details, intl) : {}) };
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) return;
    const changed = Object.keys(patch).length > 0;
    if (!changed && !hasExtras(extras)) return saved ? onChanged() : onClose();
    setBusy(true);
    try {
      if (changed) {
        const entry = await updateEntry(entryId, loaded.ifMatch, patch);
        // The new version is what a second save (a retry of what follows) must name in If-Match.
        setLoaded({ entry, ifMatch: `"${entry.version}"` });
        setSaved(true);
      }
    } catch (err) {
      return explain(err);
    }
    if (!hasExtras(extras)) return onChanged();
    const { applyExtras } = await import('../apply-extras');
    const out = await applyExtras(entryId, extras, form.timeZone, intl);
    if (Object.keys(out.errors).length === 0 && Object.keys(out.reports).length === 0) return onChanged();
    setSaved(true);
    setExtras(out.left);
    setOutcome(out);
    setProblem(summarizeOutcome(out, changed ? t('entry.entrySaved') : '', intl) || null);
    setLoadKey((k) => k + 1);
    setBusy(false);
  }

  async function remove() {
    if (!loaded) return;
    if (occurrence) return setAskScope(true);
    if (!window.confirm(t('entry.confirmDelete', { title: loaded.entry.title }))) return;
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
    ? [...calendars, { id: entry.calendarId, name: t('entry.currentCalendar'), module: entry.module, color: '#334155', type: 'organisation' as const, access: 'view' as const, canCreateEntries: false, canManage: false, description: null, isReadOnly: true, ownerId: null }]
    : calendars;

  return (
    <Dialog title={entry ? (editable ? t('entry.editTitle') : entry.title) : t('entry.title')} onClose={saved ? onChanged : onClose} className="dialog--wide">
      {!form && !problem && <p role="status">{t('common.loading')}</p>}
      <form onSubmit={save} noValidate>
        {form && <EntryFields form={form} onChange={setForm} errors={errors} calendars={calendarChoices} modules={modules} readOnly={!editable} />}
        {form && entry && (
          <Suspense fallback={<p className="muted small" role="status">{t('entry.loadingExtras')}</p>}>
            <EntryExtrasFields form={form} extras={extras} onChange={setExtras} outcome={outcome}
              saved={{ entryId: entry.id, recurrenceId: occurrence?.recurrenceId, loadKey }} canBook={canBook && editable} readOnly={!editable} />
          </Suspense>
        )}
        {recurring && editable && <p className="muted small">{t('entry.repeatsNote')}</p>}
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <div className="dialog__actions">
          {entry?.canDelete && <button type="button" className="danger" onClick={remove} disabled={busy}>{t('common.delete')}</button>}
          <button type="button" onClick={saved ? onChanged : onClose}>{editable && !saved ? t('common.cancel') : t('common.close')}</button>
          {editable && <button type="submit" className="primary" disabled={busy}>{busy ? t('common.saving') : t('common.save')}</button>}
        </div>
      </form>
      {askScope && <ScopeDialog title={t('scope.deleteTitle', { title: entry?.title ?? '' })} question={t('scope.deleteQuestion')} scopes={['this', 'following', 'all']} onChoose={removeOccurrences} />}
    </Dialog>
  );
}
