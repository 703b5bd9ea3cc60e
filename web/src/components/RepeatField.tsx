import { useEffect, useState } from 'react';
import { isMissingRoute, messageOf, request } from '../api';
import { formTimes, type EntryForm } from '../entry-form';
import { useIntl } from 'react-intl';
import { useT, type MessageId } from '../i18n/t';

interface Props {
  form: EntryForm;
  onChange: (rrule: string) => void;
  error?: string;
}

const PRESETS: Array<{ rrule: string; label: MessageId }> = [
  { rrule: '', label: 'repeat.none' },
  { rrule: 'FREQ=DAILY', label: 'repeat.daily' },
  { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', label: 'repeat.weekdays' },
  { rrule: 'FREQ=WEEKLY', label: 'repeat.weekly' },
  { rrule: 'FREQ=MONTHLY', label: 'repeat.monthly' },
  { rrule: 'FREQ=YEARLY', label: 'repeat.yearly' },
];

interface Preview {
  description: string;
  occurrences: string[];
  truncated: boolean;
}

/** Repeat choice (presets or any RRULE) with the server's plain-language preview of the next dates. */
export function RepeatField({ form, onChange, error }: Props) {
  const t = useT();
  const intl = useIntl();
  const preset = PRESETS.find((p) => p.rrule === form.rrule);
  const [custom, setCustom] = useState(!preset);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    setPreview(null);
    setNote(null);
    const rrule = form.rrule.trim();
    if (!rrule) return;
    let times;
    try {
      times = formTimes(form);
    } catch {
      return; // start not filled in yet
    }
    const ctl = new AbortController();
    const t = window.setTimeout(() => {
      request<Preview>('/api/v1/recurrence/preview', {
        method: 'POST', signal: ctl.signal,
        body: { rrule, start: times.start, timeZone: times.timeZone, allDay: times.allDay, count: 5 },
      }).then(({ data }) => setPreview(data), (err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        setNote(isMissingRoute(err) ? null : messageOf(err));
      });
    }, 300);
    return () => { ctl.abort(); window.clearTimeout(t); };
  }, [form]);

  return (
    <div className="field span-2">
      <label htmlFor="entry-repeat">{t('repeat.label')}</label>
      <select id="entry-repeat" value={custom ? 'custom' : form.rrule}
        onChange={(e) => {
          const custom = e.target.value === 'custom';
          setCustom(custom);
          if (!custom) onChange(e.target.value);
        }}>
        {PRESETS.map((p) => <option key={p.label} value={p.rrule}>{t(p.label)}</option>)}
        <option value="custom">{t('repeat.custom')}</option>
      </select>
      {custom && (
        <>
          <label htmlFor="entry-rrule" className="small">{t('repeat.rule')}</label>
          <input id="entry-rrule" type="text" value={form.rrule} spellCheck={false}
            aria-invalid={error || note ? true : undefined} aria-describedby="entry-rrule-help"
            onChange={(e) => onChange(e.target.value)} />
        </>
      )}
      <div id="entry-rrule-help" aria-live="polite" className="small">
        {error && <p className="field-error">{error}</p>}
        {note && <p className="field-error">{note}</p>}
        {preview && (
          <p className="muted">
            {t('repeat.preview', {
              rule: preview.description,
              next: intl.formatList(preview.occurrences.slice(0, 5).map((o) => intl.formatDate(new Date(o.length > 10 ? o : `${o}T12:00:00Z`), o.length > 10 ? { timeZone: form.timeZone, dateStyle: 'medium', timeStyle: 'short' } : { timeZone: 'UTC', dateStyle: 'medium' }))),
              more: preview.truncated ? 1 : 0,
            })}
          </p>
        )}
      </div>
    </div>
  );
}
