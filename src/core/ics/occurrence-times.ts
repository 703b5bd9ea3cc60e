import type { LocalDate } from '../recurrence/types.js';
import {
  daysFromCivil, civilFromDays, formatInstantInZone, formatLocalDate, formatLocalDateTime, localFromWallMs, localToEpochMs,
  MS_PER_DAY, type LocalDateTime, type Zone,
} from '../time/index.js';
import type { ResolvedEvent } from './resolve.js';
import { elapsedMs, wallDays } from './values.js';

/**
 * How an occurrence's end follows from its start (README "Ends"): DTEND gives every occurrence the
 * same exact duration; DURATION adds days and weeks on the wall clock and h/m/s as elapsed time.
 * Kept as a small value so an override without an end of its own can borrow its master's.
 */
export type EndRule =
  | { readonly kind: 'days'; readonly days: number }
  | { readonly kind: 'wall'; readonly days: number; readonly ms: number }
  | { readonly kind: 'elapsed'; readonly ms: number; readonly zone: Zone | null }
  | { readonly kind: 'wall-then-elapsed'; readonly days: number; readonly ms: number };

function wallOf(local: LocalDateTime | LocalDate): number {
  return 'hour' in local ? localToEpochMs(local) : daysFromCivil(local.year, local.month, local.day) * MS_PER_DAY;
}

export function endRuleOf(r: ResolvedEvent): EndRule | null {
  const { event } = r;
  if (event.end) {
    if (r.allDay) return { kind: 'days', days: Math.round((wallOf(asLocal(event.end.value)) - wallOf(asLocal(event.start.value))) / MS_PER_DAY) };
    if (!r.zone && !r.endZone) return { kind: 'wall', days: 0, ms: wallOf(asLocal(event.end.value)) - wallOf(asLocal(event.start.value)) };
    return { kind: 'elapsed', ms: r.endMs! - r.startMs, zone: r.endZone };
  }
  if (event.duration) {
    const d = event.duration.value;
    if (r.allDay) return { kind: 'days', days: wallDays(d) + Math.floor(elapsedMs(d) / MS_PER_DAY) };
    if (!r.zone) return { kind: 'wall', days: wallDays(d), ms: elapsedMs(d) };
    return { kind: 'wall-then-elapsed', days: wallDays(d), ms: elapsedMs(d) };
  }
  return null;
}

/** The end when neither DTEND nor DURATION is given: an all-day event lasts one day, a timed one ends as it starts. */
export function defaultEndRule(allDay: boolean): EndRule {
  return allDay ? { kind: 'days', days: 1 } : { kind: 'elapsed', ms: 0, zone: null };
}

function asLocal(t: ResolvedEvent['event']['start']['value']): LocalDateTime | LocalDate {
  return t.kind === 'date' ? t.date : t.local;
}

/** What the occurrence lists print: all-day dates, floating wall clocks, or local time with offset. */
export interface TimedText {
  readonly start: string;
  readonly end: string;
  readonly endMs: number;
}

/**
 * Formats one occurrence that starts at `local`/`startMs` of an event in `zone` (null = floating or
 * all-day), with its end from `rule` (or a RDATE PERIOD's end instant).
 */
export function occurrenceText(
  local: LocalDateTime | LocalDate,
  startMs: number,
  allDay: boolean,
  zone: Zone | null,
  rule: EndRule,
  periodEndMs?: number,
): TimedText {
  if (allDay) {
    const days = rule.kind === 'days' ? rule.days : 1;
    const startDay = daysFromCivil(local.year, local.month, local.day);
    return { start: formatLocalDate(local), end: formatLocalDate(civilFromDays(startDay + days)), endMs: startMs + days * MS_PER_DAY };
  }
  const l = local as LocalDateTime;
  if (!zone) {
    const wall = localToEpochMs(l);
    const endWall = periodEndMs !== undefined ? wall + (periodEndMs - startMs) : rule.kind === 'elapsed' ? wall + rule.ms : wall + ('days' in rule ? rule.days * MS_PER_DAY : 0) + ('ms' in rule ? rule.ms : 0);
    return { start: formatLocalDateTime(l), end: formatLocalDateTime(localFromWallMs(endWall)), endMs: startMs + (endWall - wall) };
  }
  let endMs: number;
  let endZone: Zone = zone;
  if (periodEndMs !== undefined) endMs = periodEndMs;
  else if (rule.kind === 'elapsed') {
    endMs = startMs + rule.ms;
    endZone = rule.zone ?? zone;
  } else if (rule.kind === 'days') endMs = zone.epochMsOf(localFromWallMs(localToEpochMs(l) + rule.days * MS_PER_DAY));
  else endMs = zone.epochMsOf(localFromWallMs(localToEpochMs(l) + rule.days * MS_PER_DAY)) + rule.ms;
  return { start: formatInstantInZone(startMs, zone), end: formatInstantInZone(endMs, endZone), endMs };
}
