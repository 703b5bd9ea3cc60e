/**
 * Whether a chosen resource can be booked for the times in the entry editor, worked out from the
 * resource's availability (GET /api/v1/resources/{id}/availability) and its calendar (for the titles
 * of the bookings in the way), before anything is saved. The server decides on save (its guard
 * trigger is the only judge, and it adds travel time the browser cannot know); this tells people
 * early, in the same terms: outside bookable hours, a blackout, or the booking that holds it.
 */
import type { IntlShape } from 'react-intl';
import { translator } from './i18n/t';

export interface Span { start: string; end: string }

export interface AvailabilityData {
  quantity: number;
  busy: Array<Span & { bookingId: string; status: string; units: number; blockedStart: string; blockedEnd: string }>;
  bookableHours: Span[];
  blackouts: Array<Span & { id: string; reason: string | null }>;
}

/** What the resource calendar says of a booking: its title (null when the viewer may not see it) and its entry. */
export interface BookingLabel { title: string | null; entryId: string | null }

export interface ResourceTerms { bufferBeforeMinutes: number; bufferAfterMinutes: number; needsApproval: boolean }

export interface Conflict { bookingId: string; title: string | null; start: string; end: string; status: string }

export type Assessment =
  | { state: 'free'; needsApproval: boolean }
  | { state: 'outside_hours' }
  | { state: 'blackout'; reason: string | null; start: string; end: string }
  | { state: 'busy'; conflicts: Conflict[] };

const ms = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

/** The span a booking would hold: the entry's time widened by the resource's buffers. */
export function blockedSpan(want: Span, terms: Pick<ResourceTerms, 'bufferBeforeMinutes' | 'bufferAfterMinutes'>): { startMs: number; endMs: number } {
  return { startMs: ms(want.start) - terms.bufferBeforeMinutes * MINUTE, endMs: ms(want.end) + terms.bufferAfterMinutes * MINUTE };
}

const overlaps = (a: { startMs: number; endMs: number }, b: { startMs: number; endMs: number }) => a.startMs < b.endMs && b.startMs < a.endMs;

/** True when the union of `spans` covers [startMs, endMs) with no gap. */
function covered(spans: Span[], startMs: number, endMs: number): boolean {
  let reach = startMs;
  for (const s of [...spans].sort((a, b) => ms(a.start) - ms(b.start))) {
    if (ms(s.start) > reach) break;
    reach = Math.max(reach, ms(s.end));
    if (reach >= endMs) return true;
  }
  return reach >= endMs;
}

/** Most units in use at once among `spans` (half-open). */
function peakUnits(spans: Array<{ startMs: number; endMs: number; units: number }>): number {
  const edges = spans.flatMap((s) => [{ at: s.startMs, d: s.units }, { at: s.endMs, d: -s.units }])
    .sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let peak = 0;
  for (const e of edges) peak = Math.max(peak, (now += e.d));
  return peak;
}

/**
 * The verdict for booking one unit over `want`, in the order the server checks: bookable hours (of
 * the entry's time), blackouts and bookings (of the blocked span). Bookings of `ownEntryId` (the entry
 * being edited, which will move with it) are not in the way.
 */
export function assessAvailability(want: Span, terms: ResourceTerms, data: AvailabilityData, labels: Map<string, BookingLabel>, ownEntryId?: string): Assessment {
  if (!covered(data.bookableHours, ms(want.start), ms(want.end))) return { state: 'outside_hours' };
  const blocked = blockedSpan(want, terms);
  const blackout = data.blackouts.find((b) => overlaps(blocked, { startMs: ms(b.start), endMs: ms(b.end) }));
  if (blackout) return { state: 'blackout', reason: blackout.reason, start: blackout.start, end: blackout.end };
  const inWay = data.busy
    .filter((b) => !ownEntryId || labels.get(b.bookingId)?.entryId !== ownEntryId)
    .filter((b) => overlaps(blocked, { startMs: ms(b.blockedStart), endMs: ms(b.blockedEnd) }));
  const clipped = inWay.map((b) => ({ startMs: Math.max(ms(b.blockedStart), blocked.startMs), endMs: Math.min(ms(b.blockedEnd), blocked.endMs), units: b.units }));
  if (inWay.length === 0 || peakUnits(clipped) + 1 <= data.quantity) return { state: 'free', needsApproval: terms.needsApproval };
  return {
    state: 'busy',
    conflicts: inWay.map((b) => ({ bookingId: b.bookingId, title: labels.get(b.bookingId)?.title ?? null, start: b.start, end: b.end, status: b.status })),
  };
}

/** "Tue 1 Dec, 09:00" in the zone, in the user's language. */
export function formatWhen(iso: string, zone: string, intl: IntlShape): string {
  return intl.formatDate(ms(iso), { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

const timeOnly = (iso: string, zone: string, intl: IntlShape) => intl.formatTime(ms(iso), { timeZone: zone, hour: '2-digit', minute: '2-digit' });

/** One sentence for the editor (and screen readers) about a resource at the chosen times. */
export function describeAssessment(a: Assessment, zone: string, intl: IntlShape): string {
  const t = translator(intl);
  switch (a.state) {
    case 'free': return t(a.needsApproval ? 'availability.freeNeedsApproval' : 'availability.free');
    case 'outside_hours': return t('availability.outsideHours');
    case 'blackout': return t(a.reason ? 'availability.blackout' : 'availability.blackoutNoReason', { reason: a.reason ?? '', from: formatWhen(a.start, zone, intl), to: formatWhen(a.end, zone, intl) });
    case 'busy': return t('availability.busy', {
      bookings: intl.formatList(a.conflicts.map((c) => t(c.status === 'pending' ? 'availability.bookingPending' : 'availability.booking', {
        title: c.title ?? t('availability.booked'), from: formatWhen(c.start, zone, intl), to: timeOnly(c.end, zone, intl),
      })), { type: 'conjunction' }),
    });
  }
}

export interface SeriesOutcome {
  recurrenceId: string;
  start: string;
  result: 'booked' | 'conflict' | 'blackout' | 'outside_bookable_hours';
}

const WHY = { conflict: 'availability.why.taken', blackout: 'availability.why.unavailable', outside_bookable_hours: 'availability.why.outsideHours' } as const;

/** What booking a repeating entry's occurrences came to, or null when every one was booked. */
export function describeSeriesBooking(occurrences: SeriesOutcome[], zone: string, intl: IntlShape): string | null {
  const t = translator(intl);
  const missed = occurrences.filter((o) => o.result !== 'booked');
  if (missed.length === 0) return null;
  const shown = missed.slice(0, 5).map((o) => t('availability.missedOccurrence', { when: formatWhen(o.start, zone, intl), why: t(WHY[o.result as keyof typeof WHY]) }));
  return t('availability.seriesBooked', { booked: occurrences.length - missed.length, total: occurrences.length, missed: shown.join(', '), more: missed.length - shown.length });
}
