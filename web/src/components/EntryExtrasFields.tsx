import type { EntryExtras, ExtrasOutcome } from '../entry-extras';
import { formSpan, type EntryForm } from '../entry-form';
import type { Participant } from '../participants';
import type { Booking } from '../resources';
import { ParticipantsSection } from './ParticipantsSection';
import { ResourcesSection } from './ResourcesSection';

interface Props {
  form: EntryForm;
  extras: EntryExtras;
  onChange: (extras: EntryExtras) => void;
  /** What the last save left undone, with the server's messages. */
  outcome: Pick<ExtrasOutcome, 'errors' | 'reports'> | null;
  entryId?: string;
  participants: Participant[] | null;
  bookings: Booking[];
  /** Viewers do not book resources. */
  canBook: boolean;
  readOnly?: boolean;
}

/** The full editor's participants and resources, below the entry's own fields. */
export function EntryExtrasFields({ form, extras, onChange, outcome, entryId, participants, bookings, canBook, readOnly }: Props) {
  const want = formSpan(form);
  const errors = outcome?.errors ?? {};
  return (
    <div className="entry-fields">
      <ParticipantsSection listed={participants} extras={extras} onChange={onChange} errors={errors} readOnly={readOnly} />
      {(canBook || bookings.length > 0) && (
        <ResourcesSection extras={extras} onChange={onChange} bookings={bookings} want={want} entryId={entryId} repeats={Boolean(form.rrule.trim())}
          zone={form.timeZone} errors={errors} reports={outcome?.reports ?? {}} readOnly={readOnly || !canBook} />
      )}
    </div>
  );
}
