/**
 * The entry dialog's form state and its translation to and from the API. Timed entries are edited
 * as wall times in the entry's own zone; all-day entries as dates with an inclusive end (as people
 * say it), sent with the exclusive end the API wants.
 */
import type { IntlShape } from 'react-intl';
import { translator } from './i18n/t';
import type { Entry, EntryInput, Visibility } from './types';
import { addDays, compareWall, isDateOnly, isoToWall, isValidZone, wallToIso } from './times';

export interface EntryForm {
  title: string;
  allDay: boolean;
  /** 'YYYY-MM-DDTHH:mm' when timed, 'YYYY-MM-DD' when all-day. */
  start: string;
  end: string;
  timeZone: string;
  calendarId: string;
  module: string;
  kind: string;
  location: string;
  description: string;
  visibility: Visibility;
  priority: string;
  status: string;
  /** RFC 5545 RRULE without the "RRULE:" prefix; empty when the entry does not repeat. */
  rrule: string;
  /** The kind's details as the API takes them; for an existing entry, its stored details with the form's edits laid over. */
  details: Record<string, unknown>;
}

/** Errors by form field; a kind's details field is named by its path, as "details.assigneeId". */
export type FormErrors = Partial<Record<keyof EntryForm | `details.${string}`, string>>;

export function blankForm(defaults: Partial<EntryForm> & Pick<EntryForm, 'start' | 'end' | 'timeZone'>): EntryForm {
  return {
    title: '',
    allDay: false,
    calendarId: '',
    module: '',
    kind: '',
    location: '',
    description: '',
    visibility: 'internal',
    priority: '',
    status: '',
    rrule: '',
    details: {},
    ...defaults,
  };
}

/** A range FullCalendar selected (ISO strings; dates when all-day, end exclusive) → form fields. */
export function rangeToForm(startStr: string, endStr: string, allDay: boolean, zone: string): Pick<EntryForm, 'start' | 'end' | 'allDay'> {
  if (allDay) {
    const start = startStr.slice(0, 10);
    const endExclusive = endStr ? endStr.slice(0, 10) : addDays(start, 1);
    return { allDay: true, start, end: addDays(endExclusive, -1) };
  }
  return { allDay: false, start: isoToWall(startStr, zone), end: isoToWall(endStr || startStr, zone) };
}

export function entryToForm(entry: Entry): EntryForm {
  const range = entry.allDay || isDateOnly(entry.start)
    ? rangeToForm(entry.start, entry.end, true, entry.timeZone)
    : rangeToForm(entry.start, entry.end, false, entry.timeZone);
  return {
    title: entry.title,
    ...range,
    timeZone: entry.timeZone,
    calendarId: entry.calendarId,
    module: entry.module,
    kind: entry.kind,
    location: entry.location ?? '',
    description: entry.description ?? '',
    visibility: entry.visibility,
    priority: entry.priority ?? '',
    status: entry.status ?? '',
    rrule: entry.rrule ?? '',
    details: entry.details ?? {},
  };
}

/** Switching all-day on or off keeps the same days and picks sensible times. */
export function toggleAllDay(form: EntryForm, allDay: boolean): EntryForm {
  if (allDay === form.allDay) return form;
  if (allDay) return { ...form, allDay, start: form.start.slice(0, 10), end: form.end.slice(0, 10) };
  return { ...form, allDay, start: `${form.start.slice(0, 10)}T09:00`, end: `${form.end.slice(0, 10)}T10:00` };
}

export function validateForm(form: EntryForm, intl: IntlShape): FormErrors {
  const t = translator(intl);
  const errors: FormErrors = {};
  if (!form.title.trim()) errors.title = t('entry.error.title');
  if (!form.calendarId) errors.calendarId = t('entry.error.calendar');
  if (!form.module) errors.module = t('entry.error.module');
  if (!form.kind) errors.kind = t('entry.error.kind');
  if (!isValidZone(form.timeZone)) errors.timeZone = t('entry.error.zone');
  const pattern = form.allDay ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
  if (!pattern.test(form.start)) errors.start = t('entry.error.start');
  if (!pattern.test(form.end)) errors.end = t('entry.error.end');
  else if (!errors.start) {
    const order = compareWall(form.end, form.start);
    if (form.allDay ? order < 0 : order <= 0) errors.end = t(form.allDay ? 'entry.error.endDate' : 'entry.error.endTime');
  }
  return errors;
}

/** The times of a form as the API takes them. */
export function formTimes(form: EntryForm): Pick<EntryInput, 'start' | 'end' | 'allDay' | 'timeZone'> {
  if (form.allDay) {
    return { allDay: true, start: form.start, end: addDays(form.end, 1), timeZone: form.timeZone };
  }
  return { allDay: false, start: wallToIso(form.start, form.timeZone), end: wallToIso(form.end, form.timeZone), timeZone: form.timeZone };
}

/** The instants a form's times cover (an all-day range from midnight to midnight in its zone), or null while they are not valid. */
export function formSpan(form: EntryForm): { start: string; end: string } | null {
  const pattern = form.allDay ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
  if (!pattern.test(form.start) || !pattern.test(form.end) || !isValidZone(form.timeZone)) return null;
  const order = compareWall(form.end, form.start);
  if (form.allDay ? order < 0 : order <= 0) return null;
  const times = formTimes(form);
  return form.allDay
    ? { start: wallToIso(`${times.start}T00:00`, form.timeZone), end: wallToIso(`${times.end}T00:00`, form.timeZone) }
    : { start: times.start, end: times.end };
}

export function formToInput(form: EntryForm): EntryInput {
  const input: EntryInput = {
    title: form.title.trim(),
    ...formTimes(form),
    calendarId: form.calendarId,
    module: form.module,
    kind: form.kind,
    visibility: form.visibility,
  };
  if (form.location.trim()) input.location = form.location.trim();
  if (form.description.trim()) input.description = form.description.trim();
  if (form.priority) input.priority = form.priority;
  if (form.status) input.status = form.status;
  if (form.rrule.trim()) input.rrule = form.rrule.trim().replace(/^RRULE:/i, '');
  if (Object.keys(form.details).length) input.details = form.details;
  return input;
}

/** Only what changed, for PATCH. Times travel together so the server checks them as a range. */
export type EntryPatch = Partial<Omit<EntryInput, 'location' | 'description' | 'rrule'>> & { location?: string | null; description?: string | null; rrule?: string | null };

export function formChanges(before: EntryForm, after: EntryForm): EntryPatch {
  const next = formToInput(after);
  const prev = formToInput(before);
  const patch: EntryPatch = {};
  const timeKeys = ['start', 'end', 'allDay', 'timeZone'] as const;
  if (timeKeys.some((k) => next[k] !== prev[k])) Object.assign(patch, formTimes(after));
  for (const key of ['title', 'calendarId', 'module', 'kind', 'visibility'] as const) {
    if (next[key] !== prev[key]) Object.assign(patch, { [key]: next[key] });
  }
  // Cleared location or description is sent as null, which clears it; status and priority always
  // have a value on the server, so clearing them in the form leaves them as they were.
  for (const key of ['location', 'description'] as const) {
    if ((next[key] ?? '') !== (prev[key] ?? '')) Object.assign(patch, { [key]: next[key] ?? null });
  }
  if ((next.rrule ?? '') !== (prev.rrule ?? '')) patch.rrule = next.rrule ?? null;
  // Another kind's details do not fit the new kind: they travel with a change of kind, always whole.
  if (after.module !== before.module || after.kind !== before.kind || JSON.stringify(after.details) !== JSON.stringify(before.details)) patch.details = after.details;
  for (const key of ['priority', 'status'] as const) {
    if (next[key] && next[key] !== prev[key]) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}

const FORM_KEYS: Array<keyof EntryForm> = ['title', 'allDay', 'start', 'end', 'timeZone', 'calendarId', 'module', 'kind', 'location', 'description', 'visibility', 'priority', 'status', 'rrule', 'details'];

/** Splits the server's field errors into those a form field can show and the rest. */
export function serverFieldErrors(fieldErrors: Array<{ field: string; message: string }>): { errors: FormErrors; other: string[] } {
  const errors: FormErrors = {};
  const other: string[] = [];
  for (const { field, message } of fieldErrors) {
    const detail = /^\/?details[./](.+)$/.exec(field);
    if (detail) {
      // The kind's fields are one level deep: an error inside a list item belongs to the list.
      const key = `details.${detail[1]!.split(/[./]/)[0]}` as const;
      errors[key] ??= message;
      continue;
    }
    const name = field.split(/[./]/).filter(Boolean).pop() ?? '';
    const key = FORM_KEYS.find((k) => k === name);
    if (key && !errors[key]) errors[key] = message;
    else other.push(field ? `${field}: ${message}` : message);
  }
  return { errors, other };
}
