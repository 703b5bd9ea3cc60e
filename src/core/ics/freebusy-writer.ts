import { mergeSpans, type Span } from '../resources/spans.js';
import { foldLine } from './fold.js';

const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * A VFREEBUSY answer (RFC 4791 §7.10, RFC 5545 §3.6.4): busy and tentative periods in UTC, each
 * kind merged and clipped to the asked range; nothing else about the events.
 */
export function freeBusyText(range: Span, busy: readonly Span[], tentative: readonly Span[], dtstamp: number): string {
  const clip = (spans: readonly Span[]) =>
    mergeSpans(spans.map((s) => ({ startMs: Math.max(s.startMs, range.startMs), endMs: Math.min(s.endMs, range.endMs) })));
  const firm = clip(busy);
  // A period both busy and tentative is busy.
  const maybe = clip(tentative).filter((t) => !firm.some((b) => b.startMs <= t.startMs && b.endMs >= t.endMs));
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kalendaryo//Kalendaryo//EN', 'CALSCALE:GREGORIAN', 'BEGIN:VFREEBUSY',
    `DTSTAMP:${utc(dtstamp)}`, `DTSTART:${utc(range.startMs)}`, `DTEND:${utc(range.endMs)}`];
  const periods = (spans: Span[]) => spans.map((s) => `${utc(s.startMs)}/${utc(s.endMs)}`).join(',');
  if (firm.length) lines.push(`FREEBUSY;FBTYPE=BUSY:${periods(firm)}`);
  if (maybe.length) lines.push(`FREEBUSY;FBTYPE=BUSY-TENTATIVE:${periods(maybe)}`);
  lines.push('END:VFREEBUSY', 'END:VCALENDAR');
  return lines.map(foldLine).join('');
}
