/**
 * What the full editor adds around an entry: participants to invite or remove, resources to book or
 * bookings to cancel. They are separate API calls made after the entry itself is saved, so each can
 * fail on its own; what failed stays in the editor with the server's words beside it, ready to retry,
 * and nothing is silently dropped. The calls themselves are in apply-extras.ts, loaded with the
 * full editor.
 */
import type { IntlShape } from 'react-intl';
import { translator } from './i18n/t';
import type { Invitee } from './participants';
import type { Resource } from './resources';

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

/** One line for the editor after a save whose extras did not all go through (`saved` says what was saved, or is empty). */
export function summarizeOutcome(outcome: ExtrasOutcome, saved: string, intl: IntlShape): string {
  const failed = Object.keys(outcome.errors).length;
  if (failed === 0) return '';
  const what = translator(intl)('extras.failed', { count: failed });
  return saved ? `${saved} ${what}` : what;
}
