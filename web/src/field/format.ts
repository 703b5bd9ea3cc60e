/** Dates and times of the field screens, in the user's zone (pure: tested in format.test.ts). */

export function dayKey(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function dayHeading(key: string, today: string): string {
  const label = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${key}T12:00:00Z`));
  return key === today ? `Today · ${label}` : label;
}

export function timeRange(start: string, end: string | null | undefined, allDay: boolean, timeZone: string): string {
  if (allDay) return 'All day';
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  return end ? `${f.format(new Date(start))}–${f.format(new Date(end))}` : f.format(new Date(start));
}

export function refreshedLabel(iso: string | undefined, now = new Date()): string {
  if (!iso) return 'Never refreshed on this device';
  const at = new Date(iso);
  const minutes = Math.round((now.getTime() - at.getTime()) / 60_000);
  const clock = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
  if (minutes < 1) return `Last refreshed just now (${clock})`;
  if (minutes < 60) return `Last refreshed ${minutes} min ago (${clock})`;
  return `Last refreshed at ${clock}`;
}

/** Groups items by their day key, keeping their order (the agenda is sorted by start). */
export function groupByDay<T>(items: T[], keyOf: (item: T) => string): Array<{ day: string; items: T[] }> {
  const groups: Array<{ day: string; items: T[] }> = [];
  for (const item of items) {
    const day = keyOf(item);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

export function addDays(key: string, days: number): string {
  const d = new Date(`${key}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
