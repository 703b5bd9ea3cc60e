import { lazy, Suspense } from 'react';
import { toggleAllDay, type EntryForm, type FormErrors } from '../entry-form';
import { findKind, useKindCatalogue } from '../kinds';
import { useT } from '../i18n/t';
import { humanize, useLabels } from '../labels';
import { PRIORITIES, STATUSES, statusChoices, type ModuleInfo } from '../modules';
import { knownZones } from '../times';
import type { CalendarInfo } from '../types';
import { Field } from './Field';
import { RepeatField } from './RepeatField';

const KindDetailsFields = lazy(() => import('./KindDetailsFields'));

interface Props {
  form: EntryForm;
  onChange: (form: EntryForm) => void;
  errors: FormErrors;
  calendars: CalendarInfo[];
  modules: ModuleInfo[];
  /** Quick create shows only what a new entry needs. */
  compact?: boolean;
  readOnly?: boolean;
}

export function EntryFields({ form, onChange, errors, calendars, modules, compact, readOnly }: Props) {
  const t = useT();
  const labels = useLabels();
  const set = (patch: Partial<EntryForm>) => onChange({ ...form, ...patch });
  const mod = modules.find((m) => m.id === form.module);
  const kinds = mod?.kinds ?? (form.kind ? [{ id: form.kind, label: humanize(form.kind) }] : []);
  const catalogue = useKindCatalogue();
  const kindInfo = findKind(catalogue, form.module, form.kind);
  const statuses = kindInfo ? statusChoices(kindInfo, form.status) : [...new Set([...STATUSES, form.status].filter(Boolean))];

  function chooseCalendar(calendarId: string) {
    const cal = calendars.find((c) => c.id === calendarId);
    const module = cal?.module && modules.some((m) => m.id === cal.module) ? cal.module : form.module;
    chooseModule(module, { calendarId });
  }
  function chooseModule(module: string, extra: Partial<EntryForm> = {}) {
    const next = modules.find((m) => m.id === module);
    const kind = next?.kinds.some((k) => k.id === form.kind) ? form.kind : next?.kinds[0]?.id ?? '';
    chooseKind(module, kind, extra);
  }
  /** Another kind has other details and statuses: start from none and from its default status. */
  function chooseKind(module: string, kind: string, extra: Partial<EntryForm> = {}) {
    if (module === form.module && kind === form.kind) return set({ module, kind, ...extra });
    set({ module, kind, details: {}, status: findKind(catalogue, module, kind)?.defaultStatus ?? '', ...extra });
  }

  const inputType = form.allDay ? 'date' : 'datetime-local';
  return (
    <fieldset className={`entry-fields ${compact ? 'entry-fields--compact' : ''}`} disabled={readOnly}>
      <Field id="entry-title" label={t('entry.field.title')} error={errors.title} className="span-2">
        <input type="text" value={form.title} required autoFocus onChange={(e) => set({ title: e.target.value })} />
      </Field>
      <Field id="entry-start" label={t('entry.field.start')} error={errors.start}>
        <input type={inputType} value={form.start} required onChange={(e) => set({ start: e.target.value })} />
      </Field>
      <Field id="entry-end" label={t(form.allDay ? 'entry.field.endDay' : 'entry.field.end')} error={errors.end}>
        <input type={inputType} value={form.end} required onChange={(e) => set({ end: e.target.value })} />
      </Field>
      <label className="check span-2">
        <input type="checkbox" checked={form.allDay} onChange={(e) => onChange(toggleAllDay(form, e.target.checked))} />
        {t('entry.field.allDay')}
      </label>
      {!compact && <RepeatField form={form} onChange={(rrule) => set({ rrule })} error={errors.rrule} />}
      {!compact && (
        <Field id="entry-zone" label={t('entry.field.zone')} error={errors.timeZone} className="span-2">
          <select value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
            {!knownZones().includes(form.timeZone) && <option value={form.timeZone}>{form.timeZone}</option>}
            {knownZones().map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
        </Field>
      )}
      <Field id="entry-calendar" label={t('entry.field.calendar')} error={errors.calendarId}>
        <select value={form.calendarId} required onChange={(e) => chooseCalendar(e.target.value)}>
          <option value="" disabled>{t('common.choose')}</option>
          {calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </Field>
      {!compact && (
        <Field id="entry-module" label={t('entry.field.module')} error={errors.module}>
          <select value={form.module} required onChange={(e) => chooseModule(e.target.value)}>
            <option value="" disabled>{t('common.choose')}</option>
            {modules.map((m) => <option key={m.id} value={m.id}>{labels.module(m.id, m.label)}</option>)}
          </select>
        </Field>
      )}
      <Field id="entry-kind" label={t('entry.field.kind')} error={errors.kind}>
        <select value={form.kind} required onChange={(e) => chooseKind(form.module, e.target.value)}>
          <option value="" disabled>{t('common.choose')}</option>
          {kinds.map((k) => <option key={k.id} value={k.id}>{labels.kind(form.module, k.id, k.label)}</option>)}
        </select>
      </Field>
      <Field id="entry-location" label={t('entry.field.location')} error={errors.location} className={compact ? '' : 'span-2'}>
        <input type="text" value={form.location} onChange={(e) => set({ location: e.target.value })} />
      </Field>
      {!compact && (
        <>
          <Field id="entry-description" label={t('entry.field.description')} error={errors.description} className="span-2">
            <textarea rows={3} value={form.description} onChange={(e) => set({ description: e.target.value })} />
          </Field>
          <Field id="entry-visibility" label={t('entry.field.visibility')} error={errors.visibility}>
            <select value={form.visibility} onChange={(e) => set({ visibility: e.target.value as EntryForm['visibility'] })}>
              <option value="public">{t('visibility.public')}</option>
              <option value="internal">{t('visibility.internal')}</option>
              <option value="private">{t('visibility.private')}</option>
            </select>
          </Field>
          <Field id="entry-priority" label={t('entry.field.priority')} error={errors.priority}>
            <select value={form.priority} onChange={(e) => set({ priority: e.target.value })}>
              <option value="">{t('entry.noPriority')}</option>
              {PRIORITIES.map((p) => <option key={p} value={p}>{labels.priority(p)}</option>)}
            </select>
          </Field>
          <Field id="entry-status" label={t('entry.field.status')} error={errors.status}>
            <select value={form.status || kindInfo?.defaultStatus || ''} onChange={(e) => set({ status: e.target.value })}>
              {!kindInfo && <option value="">{t('entry.defaultStatus')}</option>}
              {statuses.map((s) => <option key={s} value={s}>{labels.status(s)}</option>)}
            </select>
          </Field>
          {kindInfo && (
            <Suspense fallback={<p className="muted small span-2" role="status">{t('entry.loadingKind')}</p>}>
              <KindDetailsFields key={`${form.module}/${form.kind}`} kind={kindInfo} details={form.details} errors={errors} zone={form.timeZone}
                onChange={(details) => set({ details })} />
            </Suspense>
          )}
        </>
      )}
    </fieldset>
  );
}
