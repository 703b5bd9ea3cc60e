import { useEffect, useId, useState } from 'react';
import { messageOf } from '../api';
import { describeAssessment, type Span } from '../availability';
import type { EntryExtras } from '../entry-extras';
import { useAvailability, type Check } from '../hooks/useAvailability';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/t';
import { useLabels } from '../labels';
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
  const t = useT();
  const intl = useIntl();
  if (!check) return <p className="muted small">{t('availability.enterTimes')}</p>;
  if (check.status === 'checking') return <p className="muted small">{t('availability.checking')}</p>;
  if (check.status === 'error') return <p className="field-error">{t('availability.failed', { reason: check.message })}</p>;
  const { assessment, alternatives } = check;
  const free = assessment.state === 'free';
  return (
    <>
      <p className={free ? 'availability availability--free small' : 'availability availability--busy small'}>
        {describeAssessment(assessment, zone, intl)}
      </p>
      {!free && (alternatives.length ? (
        <p className="small">{t('availability.instead')}
          {alternatives.map((a) => <button key={a.id} type="button" className="link-button" onClick={() => onUse(a)}>{t('availability.use', { name: a.name })}</button>)}
        </p>
      ) : <p className="small muted">{t('availability.noOther')}</p>)}
    </>
  );
}

/** Resources to book for the entry, each with its availability at the chosen times before saving, and free ones of the same type to use instead. */
export function ResourcesSection({ extras, onChange, bookings, want, entryId, repeats, zone, errors, reports, readOnly }: Props) {
  const id = useId();
  const t = useT();
  const labels = useLabels();
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
      <legend>{t('extras.resources')}</legend>
      {bookings.length > 0 && (
        <ul className="entry-extra__list" aria-label={t('extras.booked')}>
          {bookings.map((b) => {
            const cancelling = extras.cancelBookings.includes(b.id);
            return (
              <li key={b.id} className={cancelling ? 'is-leaving' : ''}>
                <span className="entry-extra__name">{b.resourceName}</span>
                <span className="small">{[labels.value(b.status), b.recurrenceId?.slice(0, 10), cancelling ? t('extras.cancelledOnSave') : null].filter(Boolean).join(' · ')}</span>
                {!readOnly && b.canCancel && <button type="button" className="link-button" onClick={() => toggleCancel(b.id)}>{t(cancelling ? 'extras.keep' : 'extras.cancel', { name: b.resourceName })}</button>}
                {errors[b.id] && <p className="field-error" role="alert">{errors[b.id]}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {/* Results arrive after a pause in typing the times: announced politely, not as alerts. */}
      <ul className="entry-extra__list" aria-label={t('extras.toBook')} aria-live="polite">
        {extras.resources.map((r) => (
          <li key={r.id} data-resource={r.id}>
            <span className="entry-extra__name">{r.name}</span>
            <span className="small muted">{labels.resourceType(r.type)}</span>
            {!readOnly && <button type="button" className="link-button" onClick={() => onChange({ ...extras, resources: extras.resources.filter((x) => x.id !== r.id) })}>{t('participants.remove', { name: r.name })}</button>}
            <div className="span-all"><Availability check={checks[r.id]} zone={zone} onUse={(next) => replace(r, next)} /></div>
            {errors[r.id] && <p className="field-error span-all" role="alert">{t('extras.notBooked', { reason: errors[r.id] })}</p>}
          </li>
        ))}
      </ul>
      {Object.values(reports).map((text) => <p key={text} className="notice small" role="status">{text}</p>)}
      {repeats && extras.resources.length > 0 && <p className="muted small">{t('extras.seriesNote')}</p>}
      {loadProblem && <p className="field-error" role="alert">{t('extras.listFailed', { reason: loadProblem })}</p>}
      {!readOnly && (
        <div className="entry-extra__add">
          <label htmlFor={`${id}-pick`}>{t('extras.addResource')}</label>
          <select id={`${id}-pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">{all === null ? t('common.loading') : choices.length ? t('extras.chooseResource') : t('extras.noResources')}</option>
            {RESOURCE_TYPES.map((type) => {
              const ofType = choices.filter((r) => r.type === type);
              return ofType.length ? <optgroup key={type} label={labels.resourceType(type)}>{ofType.map((r) => <option key={r.id} value={r.id}>{r.location ? t('extras.resourceAt', { name: r.name, location: r.location }) : r.name}</option>)}</optgroup> : null;
            })}
          </select>
          <button type="button" onClick={add} disabled={!pick}>{t('common.add')}</button>
        </div>
      )}
    </fieldset>
  );
}
