import { clipSpans, mergeSpans, type Span, totalMs } from './spans.js';

/**
 * Booked hours over bookable hours in a window. Booked time counts only inside bookable time (an
 * approved trip on a closed day is not "more than full"), units weighted for quantity resources.
 */
export function utilisation(bookable: readonly Span[], booked: readonly (Span & { units: number })[], quantity: number, window: Span) {
  const open = mergeSpans(clipSpans(bookable, window));
  const bookableMs = totalMs(open) * quantity;
  let bookedMs = 0;
  for (const b of booked) bookedMs += totalMs(clipSpans(open, b)) * b.units;
  return { bookableHours: bookableMs / 3_600_000, bookedHours: bookedMs / 3_600_000, ratio: bookableMs > 0 ? Math.min(1, bookedMs / bookableMs) : 0 };
}
