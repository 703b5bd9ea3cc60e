/**
 * What the full editor adds around an entry: participants to invite or remove, resources to book or
 * bookings to cancel. They are separate API calls made after the entry itself is saved, so each can
 * fail on its own; what failed stays in the editor with the server's words beside it, ready to retry,
 * and nothing is silently dropped.
 */
import { messageOf } from './api';
import { describeSeriesBooking } from './availability';
import { addParticipant, removeParticipant, type Invitee } from './participants';
import { cancelBooking, requestBooking, type Booking, type Resource, type SeriesBooking } from './resources';

export interface EntryExtras {
  invitees: Invitee[];
  /** Ids of listed participants to remove. */
  removeParticipants: string[];
  /** Resources to book for the entry (every occurrence up to the server's horizon when it repeats). */
  resources: Resource[];
  /** Ids of the entry's bookings to cancel. */
  cancelBookings: string[];
}

export const NO_EXTRAS: EntryExtras = { invitees: [], removeParticipants: [], resources: [], cancelBookings: [] };

export const hasExtras = (x: EntryExtras): boolean =>
  x.invitees.length + x.removeParticipants.length + x.resources.length + x.cancelBookings.length > 0;

export interface ExtrasOutcome {
  /** What is still to do: the steps that failed. */
  left: EntryExtras;
  /** The server's message per failed step, by invitee key, participant id, resource id or booking id. */
  errors: Record<string, string>;
  /** Bookings of a repeating entry that left occurrences unbooked, by resource id. */
  reports: Record<string, string>;
  /** How many steps were done. */
  done: number;
}

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
export async function applyExtras(entryId: string, extras: EntryExtras, zone: string, api: ExtrasApi = API): Promise<ExtrasOutcome & { unauthorized: boolean }> {
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
      const report = 'occurrences' in result ? describeSeriesBooking(result.occurrences, zone) : null;
      if (report) out.reports[r.id] = `${r.name}: ${report}`;
    });
  }
  return out;
}

/** One line for the editor after a save whose extras did not all go through. */
export function summarizeOutcome(outcome: ExtrasOutcome, saved: string): string {
  const failed = Object.keys(outcome.errors).length;
  if (failed === 0) return '';
  const what = `${failed === 1 ? 'One change' : `${failed} changes`} around it could not be made — see the messages below. Save again to retry them, or close to leave them out.`;
  return saved ? `${saved} ${what}` : what;
}
