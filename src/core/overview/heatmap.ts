/**
 * The 7-day activity heatmap in the viewer's zone: entries per day × module and per day × hour
 * band. Day and band boundaries come from Temporal, so a DST day has its real length.
 */
import { Temporal } from 'temporal-polyfill';
import { HOUR_BANDS, type Heatmap, type OverviewItem } from './types.js';

const DAY_MS = 86_400_000;

export function buildHeatmap(items: readonly OverviewItem[], modules: readonly string[], nowMs: number, timeZone: string, dayCount: number): Heatmap {
  const today = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(timeZone).toPlainDate();
  const days = Array.from({ length: dayCount }, (_, i) => today.add({ days: i }));
  const startOf = (d: Temporal.PlainDate, hour = 0) => d.toZonedDateTime({ timeZone, plainTime: { hour } }).epochMilliseconds;
  const dayBounds = days.map((d) => [startOf(d), startOf(d.add({ days: 1 }))] as const);
  const bandBounds = days.map((d) => HOUR_BANDS.map((b) => [startOf(d, b.fromHour), b.toHour === 24 ? startOf(d.add({ days: 1 })) : startOf(d, b.toHour)] as const));
  const lastDay = days[dayCount - 1]!.toString();

  const byModule = days.map(() => modules.map(() => 0));
  const byBand = days.map(() => HOUR_BANDS.map(() => 0));
  const allDay = days.map(() => 0);
  // A day either side covers any zone's reading of an all-day item's dates.
  const fromMs = dayBounds[0]![0] - DAY_MS;
  const toMs = dayBounds[dayCount - 1]![1] + DAY_MS;
  for (const item of items) {
    if (item.lifecycle === 'cancelled' || item.lifecycle === 'rejected') continue;
    if (item.startMs >= toMs || item.endMs < fromMs) continue;
    const m = modules.indexOf(item.module);
    if (item.allDay) {
      // All-day items are dates: the same dates for every viewer, read in the item's own zone.
      const first = Temporal.Instant.fromEpochMilliseconds(item.startMs).toZonedDateTimeISO(item.timeZone).toPlainDate().toString();
      const endExclusive = Temporal.Instant.fromEpochMilliseconds(item.endMs).toZonedDateTimeISO(item.timeZone).toPlainDate().toString();
      if (first > lastDay) continue;
      days.forEach((d, i) => {
        const iso = d.toString();
        if (iso >= first && (iso < endExclusive || (iso === first && endExclusive <= first))) {
          allDay[i]!++;
          if (m >= 0) byModule[i]![m]!++;
        }
      });
      continue;
    }
    dayBounds.forEach(([s, e], i) => {
      if (!overlaps(item, s, e)) return;
      if (m >= 0) byModule[i]![m]!++;
      bandBounds[i]!.forEach(([bs, be], b) => {
        if (overlaps(item, bs, be)) byBand[i]![b]!++;
      });
    });
  }
  const max = Math.max(0, ...byModule.map((row) => row.reduce((a, b) => a + b, 0)));
  return { timeZone, days: days.map((d) => d.toString()), modules: [...modules], byModule, bands: HOUR_BANDS.map((b) => b.key), byBand, allDay, max };
}

/** Half-open overlap; an instant item (start = end) counts where it sits. */
function overlaps(item: OverviewItem, s: number, e: number): boolean {
  if (item.startMs === item.endMs) return item.startMs >= s && item.startMs < e;
  return item.startMs < e && s < item.endMs;
}
