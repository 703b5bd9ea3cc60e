import { useEffect, useState } from 'react';
import { isMissingRoute, messageOf, request } from '../api';
import { formTimes, type EntryForm } from '../entry-form';

interface Props {
  form: EntryForm;
  onChange: (rrule: string) => void;
  error?: string;
}

const PRESETS: Array<{ rrule: string; label: string }> = [
  { rrule: '', label: 'Does not repeat' },
  { rrule: 'FREQ=DAILY', label: 'Every day' },
  { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', label: 'Every weekday' },
  { rrule: 'FREQ=WEEKLY', label: 'Every week' },
  { rrule: 'FREQ=MONTHLY', label: 'Every month' },
  { rrule: 'FREQ=YEARLY', label: 'Every year' },
];

interface Preview {
  description: string;
  occurrences: string[];
  truncated: boolean;
}

/** Repeat choice (presets or any RRULE) with the server's plain-language preview of the next dates. */
export function RepeatField({ form, onChange, error }: Props) {
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
      <label htmlFor="entry-repeat">Repeats</label>
      <select id="entry-repeat" value={custom ? 'custom' : form.rrule}
        onChange={(e) => {
          const custom = e.target.value === 'custom';
          setCustom(custom);
          if (!custom) onChange(e.target.value);
        }}>
        {PRESETS.map((p) => <option key={p.label} value={p.rrule}>{p.label}</option>)}
        <option value="custom">Custom rule (RRULE)…</option>
      </select>
      {custom && (
        <>
          <label htmlFor="entry-rrule" className="small">Rule, e.g. FREQ=MONTHLY;BYDAY=1MO;COUNT=6</label>
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
            {preview.description}. Next: {preview.occurrences.slice(0, 5).map((o) => o.replace('T', ' ').slice(0, 16)).join(', ')}{preview.truncated ? ', …' : ''}
          </p>
        )}
      </div>
    </div>
  );
}
