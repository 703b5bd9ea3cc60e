import { useEffect, useState } from 'react';
import type { EntryExtras, ExtrasOutcome } from '../entry-extras';
import { formSpan, type EntryForm } from '../entry-form';
import { listParticipants, type Participant } from '../participants';
import { entryBookings, type Booking } from '../resources';
import { ParticipantsSection } from './ParticipantsSection';
import { ResourcesSection } from './ResourcesSection';

interface Props {
  form: EntryForm;
  extras: EntryExtras;
  onChange: (extras: EntryExtras) => void;
  /** What the last save left undone, with the server's messages. */
  outcome: Pick<ExtrasOutcome, 'errors' | 'reports'> | null;
  /** A saved entry: its participants and bookings are listed (and reloaded when `loadKey` changes). */
  saved?: { entryId: string; recurrenceId?: string; loadKey: number };
  /** Viewers do not book resources. */
  canBook: boolean;
  readOnly?: boolean;
}

/**
 * The full editor's participants and resources, below the entry's own fields. A chunk of its own,
 * fetched when the full form opens, so the calendar does not wait for it.
 */
export default function EntryExtrasFields({ form, extras, onChange, outcome, saved, canBook, readOnly }: Props) {
  const [participants, setParticipants] = useState<Participant[] | null>(null);
  const [bookings, setBookings] = useState<Booking[]>([]);
  const entryId = saved?.entryId;
  const recurrenceId = saved?.recurrenceId;

  // Participants and bookings fail soft: the entry is still worth showing without them.
  useEffect(() => {
    if (!entryId) return;
    let live = true;
    // An occurrence shows its own answers; should the server not know it as one (an override), the entry's.
    const listed = recurrenceId ? listParticipants(entryId, recurrenceId).catch(() => listParticipants(entryId)) : listParticipants(entryId);
    listed.then((r) => live && setParticipants(r.participants), () => live && setParticipants([]));
    if (!readOnly) entryBookings(entryId).then((b) => live && setBookings(b), () => live && setBookings([]));
    return () => { live = false; };
  }, [entryId, recurrenceId, readOnly, saved?.loadKey]);

  if (readOnly && !participants?.length) return null;
  const errors = outcome?.errors ?? {};
  return (
    <div className="entry-fields">
      <ParticipantsSection listed={entryId ? participants : null} extras={extras} onChange={onChange} errors={errors} readOnly={readOnly} />
      {(canBook || bookings.length > 0) && (
        <ResourcesSection extras={extras} onChange={onChange} bookings={bookings} want={formSpan(form)} entryId={entryId} repeats={Boolean(form.rrule.trim())}
          zone={form.timeZone} errors={errors} reports={outcome?.reports ?? {}} readOnly={readOnly || !canBook} />
      )}
    </div>
  );
}
