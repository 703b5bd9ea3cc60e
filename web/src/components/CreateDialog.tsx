import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, messageOf } from '../api';
import { useT } from '../i18n/t';
import { createEntry } from '../endpoints';
import { hasExtras, NO_EXTRAS, summarizeOutcome, type EntryExtras, type ExtrasOutcome } from '../entry-extras';
import { formToInput, serverFieldErrors, validateForm, type EntryForm, type FormErrors } from '../entry-form';
import { findKind, missingDetails, useKindCatalogue } from '../kinds';
import type { ModuleInfo } from '../modules';
import type { CalendarInfo, Entry } from '../types';
import { Dialog } from '../ui/Dialog';
import { EntryFields } from './EntryFields';

const EntryExtrasFields = lazy(() => import('./EntryExtrasFields'));

interface Props {
  initial: EntryForm;
  calendars: CalendarInfo[];
  modules: ModuleInfo[];
  canBook: boolean;
  onCreated: (entry: Entry) => void;
  onClose: () => void;
}

/**
 * Quick create (title, time, calendar, kind) that opens up into the full form on request, with
 * participants and resources. Those are added once the entry exists; if any is refused the entry
 * stays created, the dialog says so, and what was refused can be retried or left out.
 */
export function CreateDialog({ initial, calendars, modules, canBook, onCreated, onClose }: Props) {
  const t = useT();
  const intl = useIntl();
  const [form, setForm] = useState(initial);
  const [expanded, setExpanded] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [extras, setExtras] = useState<EntryExtras>(NO_EXTRAS);
  /** Set once the entry is saved but something around it is left to retry or to read. */
  const [created, setCreated] = useState<Entry | null>(null);
  const [outcome, setOutcome] = useState<ExtrasOutcome | null>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const kindInfo = findKind(useKindCatalogue(), form.module, form.kind);
  // After a save that leaves the dialog open its buttons change under the keyboard's focus: put it on what happened.
  useEffect(() => { if (outcome) (problemRef.current ?? doneRef.current)?.focus(); }, [outcome]);

  async function createOnly(): Promise<Entry | null> {
    const found: FormErrors = { ...validateForm(form, intl), ...missingDetails(kindInfo, form.details, intl) };
    setErrors(found);
    if (Object.keys(found).length) {
      if (!expanded && Object.keys(found).some((k) => k.startsWith('details'))) setExpanded(true); // where the kind's fields are
      return null;
    }
    // The status the form shows as chosen: the kind's default, not the API's generic one.
    const input = { ...formToInput(form), status: form.status || kindInfo?.defaultStatus || undefined };
    try {
      return await createEntry(input);
    } catch (err) {
      if (err instanceof ApiError) {
        const split = serverFieldErrors(err.fieldErrors);
        setErrors(split.errors);
        // Fields the quick form hides would leave their message invisible: open the full form.
        if (Object.keys(split.errors).some((k) => !['title', 'start', 'end', 'calendarId', 'kind', 'location'].includes(k))) setExpanded(true);
        setProblem([err.detail ?? err.title, ...split.other].join(' '));
      } else setProblem(messageOf(err));
      return null;
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setBusy(true);
    const entry = created ?? (await createOnly());
    if (!entry) return setBusy(false);
    if (!hasExtras(extras)) return onCreated(entry);
    const { applyExtras } = await import('../apply-extras');
    const out = await applyExtras(entry.id, extras, form.timeZone, intl);
    if (Object.keys(out.errors).length === 0 && Object.keys(out.reports).length === 0) return onCreated(entry);
    setCreated(entry);
    setExtras(out.left);
    setOutcome(out);
    setProblem(summarizeOutcome(out, t('entry.wasSaved', { title: entry.title }), intl) || null);
    setBusy(false);
  }

  const retry = created && hasExtras(extras);
  return (
    <Dialog title={created ? t('entry.savedTitle', { title: created.title }) : t('calendar.newEntry')} onClose={created ? () => onCreated(created) : onClose} className={expanded ? 'dialog--wide' : ''}>
      <form onSubmit={submit} noValidate>
        <EntryFields form={form} onChange={setForm} errors={errors} calendars={calendars} modules={modules} compact={!expanded} readOnly={Boolean(created)} />
        {expanded && (
          <Suspense fallback={<p className="muted small" role="status">{t('entry.loadingExtras')}</p>}>
            <EntryExtrasFields form={form} extras={extras} onChange={setExtras} outcome={outcome}
              saved={created ? { entryId: created.id, loadKey: 0 } : undefined} canBook={canBook} />
          </Suspense>
        )}
        {problem && <p ref={problemRef} tabIndex={-1} className="field-error" role="alert">{problem}</p>}
        <div className="dialog__actions">
          {!expanded && <button type="button" className="link-button" onClick={() => setExpanded(true)}>{t('entry.moreOptions')}</button>}
          {created ? (
            <>
              <button ref={doneRef} type="button" onClick={() => onCreated(created)}>{retry ? t('entry.closeWithout') : t('common.done')}</button>
              {retry && <button type="submit" className="primary" disabled={busy}>{busy ? t('common.saving') : t('entry.saveAgain')}</button>}
            </>
          ) : (
            <>
              <button type="button" onClick={onClose}>{t('common.cancel')}</button>
              <button type="submit" className="primary" disabled={busy}>{busy ? t('common.saving') : t('common.save')}</button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
