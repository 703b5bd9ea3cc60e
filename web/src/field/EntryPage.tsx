/** One event's details as saved on the device (where, when, who takes part, what is booked). */
import type { Session } from '../types';
import { refreshedLabel, timeRange } from './format';
import { entryPath, go } from './navigation';
import { useDetails } from './useDetails';

interface Props { session: Session; online: boolean; entryId: string; recurrenceId: string | null }

export function EntryPage({ session, online, entryId, recurrenceId }: Props) {
  const { details, error } = useDetails(entryId, recurrenceId, online);
  const zone = session.user.timeZone;
  if (details === undefined) return <p role="status">Opening…</p>;
  if (details === null) return <p>{error ?? 'This event is not saved on this device. Open it once while online.'}</p>;
  const { entry, participants, bookings } = details.data;
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(entry.start));
  return (
    <article className="field-entry" data-testid="field-entry">
      <h1>{entry.title}</h1>
      <p className="field-refreshed">{refreshedLabel(details.refreshedAt)}</p>
      {error && <p className="field-note" role="alert">{error}</p>}
      <dl className="field-facts">
        <dt>When</dt><dd>{date}, {timeRange(entry.start, entry.end, entry.allDay, zone)}{recurrenceId ? ' (this occurrence)' : ''}</dd>
        {entry.location && <><dt>Where</dt><dd>{entry.location}</dd></>}
        {entry.status && <><dt>Status</dt><dd>{entry.status}</dd></>}
        {bookings.length > 0 && <><dt>Resources</dt><dd>{bookings.map((b) => `${b.resourceName ?? 'Resource'} (${b.status})`).join(', ')}</dd></>}
      </dl>
      {entry.description && <p className="field-description">{entry.description}</p>}
      {participants?.canManage && (
        <a className="field-primary" href={entryPath('check-in', entryId, recurrenceId)} onClick={(e) => { e.preventDefault(); go(entryPath('check-in', entryId, recurrenceId)); }}>
          Open check-in
        </a>
      )}
      {participants && (
        <section aria-labelledby="who">
          <h2 id="who">Participants ({participants.participants.length})</h2>
          <ul className="field-people">
            {participants.participants.map((p) => (
              <li key={p.id}>{p.name}{p.organisation ? ` · ${p.organisation}` : ''}{p.attendance?.status === 'checked_in' ? ' · checked in' : ''}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
