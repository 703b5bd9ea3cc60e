/** Applies an editor's participants and resources to a saved entry (see entry-extras.ts). */
import type { IntlShape } from 'react-intl';
import { messageOf } from './api';
import { translator } from './i18n/t';
import { describeSeriesBooking } from './availability';
import { NO_EXTRAS, type EntryExtras, type ExtrasOutcome } from './entry-extras';
import { addParticipant, removeParticipant, type Invitee } from './participants';
import { cancelBooking, requestBooking, type Booking, type SeriesBooking } from './resources';

export interface ExtrasApi {
  addParticipant: (entryId: string, who: Invitee) => Promise<unknown>;
  removeParticipant: (entryId: string, participantId: string) => Promise<void>;
  requestBooking: (input: { resourceId: string; entryId: string; units: number; note: string | null }) => Promise<Booking | SeriesBooking>;
  cancelBooking: (bookingId: string) => Promise<void>;
}

const API: ExtrasApi = { addParticipant, removeParticipant, requestBooking, cancelBooking };

/**
 * Applies the extras to a saved entry, one call at a time: cancellations and removals first (they may
 * free what the rest needs), then invitations, then bookings. Never throws; a session that ended is
 * reported like any other failure (status 401 in `unauthorized`).
 */
export async function applyExtras(entryId: string, extras: EntryExtras, zone: string, intl: IntlShape, api: ExtrasApi = API): Promise<ExtrasOutcome & { unauthorized: boolean }> {
  const out: ExtrasOutcome & { unauthorized: boolean } = { left: { ...NO_EXTRAS }, errors: {}, reports: {}, done: 0, unauthorized: false };
  async function step<T>(key: string, item: T, list: keyof EntryExtras, run: () => Promise<unknown>) {
    try {
      await run();
      out.done++;
    } catch (err) {
      (out.left[list] as T[]) = [...(out.left[list] as T[]), item];
      out.errors[key] = messageOf(err);
      if ((err as { status?: number }).status === 401) out.unauthorized = true;
    }
  }
  for (const id of extras.cancelBookings) await step(id, id, 'cancelBookings', () => api.cancelBooking(id));
  for (const id of extras.removeParticipants) await step(id, id, 'removeParticipants', () => api.removeParticipant(entryId, id));
  for (const who of extras.invitees) await step(who.key, who, 'invitees', () => api.addParticipant(entryId, who));
  for (const r of extras.resources) {
    await step(r.id, r, 'resources', async () => {
      const result = await api.requestBooking({ resourceId: r.id, entryId, units: 1, note: null });
      const report = 'occurrences' in result ? describeSeriesBooking(result.occurrences, zone, intl) : null;
      if (report) out.reports[r.id] = translator(intl)('extras.seriesReport', { resource: r.name, report });
    });
  }
  return out;
}

