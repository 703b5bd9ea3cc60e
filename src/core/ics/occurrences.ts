import { expandRecurrence } from '../recurrence/index.js';
import type { LocalDate } from '../recurrence/types.js';
import type { LocalDateTime, Zone } from '../time/index.js';
import { defaultEndRule, endRuleOf, occurrenceText, type EndRule } from './occurrence-times.js';
import type { ResolvedEvent } from './resolve.js';

/** One occurrence as the check and the importer's preview list it. */
export interface WindowOccurrence {
  readonly uid: string | null;
  readonly startMs: number;
  readonly start: string;
  readonly end: string;
  readonly summary: string | null;
}

/** [start, end) in epoch ms. */
export type Window = readonly [number, number];

/**
 * The occurrences of one VEVENT (its RRULE ∪ RDATE − EXDATE, or just its DTSTART) whose start lies
 * in the window, with ends from DTEND/DURATION or an RDATE PERIOD. Overrides are applied by the
 * caller, which knows the whole UID group.
 */
export function occurrencesInWindow(r: ResolvedEvent, window: Window, floatingZone: Zone): WindowOccurrence[] {
  const rule = endRuleOf(r) ?? defaultEndRule(r.allDay);
  return expandRecurrence(r.recurrence, { between: window, floatingZone }).map((o) => {
    const text = occurrenceText(o.local, o.epochMs, r.allDay, r.zone, rule, o.fromRdate ? r.periodEnds.get(o.epochMs) : undefined);
    return { uid: r.event.uid, startMs: o.epochMs, start: text.start, end: text.end, summary: r.event.summary };
  });
}

/** An override (or a lone RECURRENCE-ID event) as one occurrence at its own DTSTART. */
export function overrideOccurrence(r: ResolvedEvent, masterEnd: EndRule | null, masterSummary: string | null): WindowOccurrence {
  const rule = endRuleOf(r) ?? masterEnd ?? defaultEndRule(r.allDay);
  const start = r.event.start.value;
  const local: LocalDateTime | LocalDate = start.kind === 'date' ? start.date : start.local;
  const text = occurrenceText(local, r.startMs, r.allDay, r.zone, rule);
  return { uid: r.event.uid, startMs: r.startMs, start: text.start, end: text.end, summary: r.event.summary ?? masterSummary };
}
