import { useEffect, useId, useState } from 'react';
import { messageOf } from '../api';
import { describeAssessment, type Span } from '../availability';
import type { EntryExtras } from '../entry-extras';
import { useAvailability, type Check } from '../hooks/useAvailability';
import { humanize } from '../modules';
import '../styles/entry-extras.css';
import { listResources, RESOURCE_TYPES, type Booking, type Resource } from '../resources';

interface Props {
  extras: EntryExtras;
  onChange: (extras: EntryExtras) => void;
  /** The entry's active bookings (none for a new entry). */
  bookings: Booking[];
  /** The entry's times as instants, or null while the form's times are not valid. */
  want: Span | null;
  /** The entry being edited: its own bookings are not in the way. */
  entryId?: string;
  repeats: boolean;
  zone: string;
  /** The server's refusals and series reports, by resource id or booking id. */
  errors: Record<string, string>;
  reports: Record<string, string>;
  readOnly?: boolean;
}

function Availability({ check, zone, onUse }: { check: Check | undefined; zone: string; onUse: (r: Resource) => void }) {
  if (!check) return <p className="muted small">Enter valid times to check its availability.</p>;
  if (check.status === 'checking') return <p className="muted small">Checking availability…</p>;
  if (check.status === 'error') return <p className="field-error">Could not check availability: {check.message}</p>;
  const { assessment, alternatives } = check;
  const free = assessment.state === 'free';
  return (
    <>
      <p className={free ? 'availability availability--free small' : 'availability availability--busy small'}>
        {describeAssessment(assessment, zone)}
      </p>
      {!free && (alternatives.length ? (
        <p className="small">Free then instead:{' '}
          {alternatives.map((a) => <button key={a.id} type="button" className="link-button" onClick={() => onUse(a)}>Use {a.name}</button>)}
        </p>
      ) : <p className="small muted">No other resource of this type is free then.</p>)}
    </>
  );
}

/** Resources to book for the entry, each with its availability at the chosen times before saving, and free ones of the same type to use instead. */
export function ResourcesSection({ extras, onChange, bookings, want, entryId, repeats, zone, errors, reports, readOnly }: Props) {
  const id = useId();
  const [all, setAll] = useState<Resource[] | null>(null);
  const [pick, setPick] = useState('');
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const checks = useAvailability(extras.resources, want, entryId);

  useEffect(() => {
    const ctl = new AbortController();
    listResources('', ctl.signal).then(setAll, (err: unknown) => (err as Error).name !== 'AbortError' && setLoadProblem(messageOf(err)));
    return () => ctl.abort();
  }, []);

  const taken = new Set([...extras.resources.map((r) => r.id), ...bookings.map((b) => b.resourceId)]);
  const choices = (all ?? []).filter((r) => !taken.has(r.id));
  function add() {
    const r = all?.find((x) => x.id === pick);
    if (r) onChange({ ...extras, resources: [...extras.resources, r] });
    setPick('');
  }
  const replace = (old: Resource, next: Resource) => onChange({ ...extras, resources: extras.resources.map((r) => (r.id === old.id ? next : r)) });
  const toggleCancel = (bid: string) => onChange({
    ...extras,
    cancelBookings: extras.cancelBookings.includes(bid) ? extras.cancelBookings.filter((x) => x !== bid) : [...extras.cancelBookings, bid],
  });

  return (
    <fieldset className="entry-extra span-2" disabled={readOnly}>
      <legend>Resources</legend>
      {bookings.length > 0 && (
        <ul className="entry-extra__list" aria-label="Booked for this entry">
          {bookings.map((b) => {
            const cancelling = extras.cancelBookings.includes(b.id);
            return (
              <li key={b.id} className={cancelling ? 'is-leaving' : ''}>
                <span className="entry-extra__name">{b.resourceName}</span>
                <span className="small">{humanize(b.status)}{b.recurrenceId ? ` · ${b.recurrenceId.slice(0, 10)}` : ''}{cancelling ? ' · cancelled when you save' : ''}</span>
                {!readOnly && b.canCancel && <button type="button" className="link-button" onClick={() => toggleCancel(b.id)}>{cancelling ? `Keep ${b.resourceName}` : `Cancel ${b.resourceName}`}</button>}
                {errors[b.id] && <p className="field-error" role="alert">{errors[b.id]}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {/* Results arrive after a pause in typing the times: announced politely, not as alerts. */}
      <ul className="entry-extra__list" aria-label="To book when you save" aria-live="polite">
        {extras.resources.map((r) => (
          <li key={r.id} data-resource={r.id}>
            <span className="entry-extra__name">{r.name}</span>
            <span className="small muted">{humanize(r.type)}</span>
            {!readOnly && <button type="button" className="link-button" onClick={() => onChange({ ...extras, resources: extras.resources.filter((x) => x.id !== r.id) })}>Remove {r.name}</button>}
            <div className="span-all"><Availability check={checks[r.id]} zone={zone} onUse={(next) => replace(r, next)} /></div>
            {errors[r.id] && <p className="field-error span-all" role="alert">Not booked: {errors[r.id]}</p>}
          </li>
        ))}
      </ul>
      {Object.values(reports).map((text) => <p key={text} className="notice small" role="status">{text}</p>)}
      {repeats && extras.resources.length > 0 && <p className="muted small">Availability is shown for the first occurrence; on saving, each occurrence up to 180 days ahead is booked and any that are taken are listed.</p>}
      {loadProblem && <p className="field-error" role="alert">Could not list resources: {loadProblem}</p>}
      {!readOnly && (
        <div className="entry-extra__add">
          <label htmlFor={`${id}-pick`}>Add a resource</label>
          <select id={`${id}-pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">{all === null ? 'Loading…' : choices.length ? 'Choose a vehicle, room, equipment or facilitator' : 'No other resources'}</option>
            {RESOURCE_TYPES.map((t) => {
              const ofType = choices.filter((r) => r.type === t);
              return ofType.length ? <optgroup key={t} label={humanize(t)}>{ofType.map((r) => <option key={r.id} value={r.id}>{r.name}{r.location ? ` (${r.location})` : ''}</option>)}</optgroup> : null;
            })}
          </select>
          <button type="button" onClick={add} disabled={!pick}>Add</button>
        </div>
      )}
    </fieldset>
  );
}
