import { IcsError } from './errors.js';
import { endRuleOf, type EndRule } from './occurrence-times.js';
import { occurrencesInWindow, overrideOccurrence, type Window, type WindowOccurrence } from './occurrences.js';
import { readIcs, type ReadIcsOptions } from './reader.js';
import type { ResolvedEvent } from './resolve.js';

export interface EventProps {
  readonly description: string | null;
  readonly location: string | null;
  readonly geo: readonly [number, number] | null;
}

export type IcsCheckResult =
  | {
      readonly valid: true;
      readonly calendar_name: string | null;
      readonly events: number;
      readonly occurrences: Omit<WindowOccurrence, 'startMs'>[];
      readonly props: Record<string, EventProps>;
      /** Components that are not events (VTODO → possible staff tasks, VJOURNAL …). */
      readonly not_events: { component: string; uid: string | null; summary: string | null; line: number }[];
    }
  | { readonly valid: false; readonly line: number; readonly reason: string };

/**
 * An override reduced to what the final list needs. Its occurrence is computed on arrival; only
 * one that borrows its master's end or summary keeps its event until the end of the file.
 */
interface HeldOverride {
  readonly recurrenceIdMs: number | null;
  readonly sequence: number;
  readonly cancelled: boolean;
  readonly occurrence: WindowOccurrence | null;
  readonly needsMaster: ResolvedEvent | null;
}

/** Per UID, only what the final list needs: occurrences already in the window, never whole events. */
interface UidGroup {
  master: { end: EndRule | null; summary: string | null } | null;
  /** Created only when needed: most events of a large file have nothing in the window. */
  occurrences?: WindowOccurrence[];
  overrides?: HeldOverride[];
}

/**
 * What importing a file would create: the number of events, the occurrences whose start lies in
 * `window` (overrides applied wherever they appear in the file), the texts of each event, or the
 * line at fault. Masters are expanded as they arrive; only overrides wait for the end of the file.
 */
export async function checkIcs(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReadIcsOptions & {
    readonly window: Window;
    /** false: leave `props` empty (it holds every event's texts, so it grows with the file). */
    readonly collectProps?: boolean;
    /**
     * Each event's texts handed out as they are read instead of kept in `props` (which then stays
     * empty): read in order, a later one for the same UID replaces an earlier one, as a master
     * replaces the texts of an override that came before it.
     */
    readonly onProps?: (uid: string, props: EventProps) => void;
  },
): Promise<IcsCheckResult> {
  const { window, floatingZone } = options;
  const collectProps = options.collectProps ?? true;
  const propsSeen = new Set<string>();
  const keep = (uid: string, r: ResolvedEvent) => {
    propsSeen.add(uid);
    if (options.onProps) options.onProps(uid, propsOf(r));
    else props[uid] = propsOf(r);
  };
  const uids = new Set<string>();
  // Groups only for UIDs that can matter at the end: series, overrides, occurrences in the window.
  const groups = new Map<string, UidGroup>();
  const props: Record<string, EventProps> = Object.create(null);
  const loose: WindowOccurrence[] = [];
  const notEvents: Extract<IcsCheckResult, { valid: true }>['not_events'] = [];
  let calendarName: string | null = null;
  let uidless = 0;
  try {
    for await (const record of readIcs(chunks, options)) {
      if (record.type === 'calendar-property') {
        if (record.name === 'X-WR-CALNAME' && calendarName === null) calendarName = record.value;
      } else if (record.type === 'todo') {
        notEvents.push({ component: 'VTODO', uid: record.todo.uid, summary: record.todo.summary, line: record.todo.line });
      } else if (record.type === 'other') {
        notEvents.push({ component: record.name, uid: record.uid, summary: null, line: record.line });
      } else if (record.type === 'event') {
        const r = record.event;
        const uid = r.event.uid;
        if (uid === null) {
          uidless++;
          const list = r.event.recurrenceId ? [overrideOccurrence(r, null, null)].filter((o) => inWindow(o, window)) : occurrencesInWindow(r, window, floatingZone);
          loose.push(...list);
          continue;
        }
        uids.add(uid);
        let group = groups.get(uid);
        if (r.event.recurrenceId) {
          if (!group) groups.set(uid, (group = { master: null }));
          (group.overrides ??= []).push(holdOverride(r, window));
          if (collectProps && !propsSeen.has(uid)) keep(uid, r);
        } else {
          const inWindowNow = occurrencesInWindow(r, window, floatingZone);
          const isSeries = r.event.rrule !== null || r.event.rdate.length > 0;
          if (!group && (isSeries || inWindowNow.length)) groups.set(uid, (group = { master: null }));
          if (group) group.master = { end: internEndRule(endRuleOf(r)), summary: r.event.summary };
          if (group && inWindowNow.length) (group.occurrences ??= []).push(...inWindowNow);
          if (collectProps) keep(uid, r);
        }
      }
    }
  } catch (err) {
    if (err instanceof IcsError) return { valid: false, line: err.line, reason: err.reason };
    throw err;
  }
  const occurrences: WindowOccurrence[] = [...loose];
  for (const group of groups.values()) occurrences.push(...applyOverrides(group, window));
  occurrences.sort((a, b) => a.startMs - b.startMs);
  return {
    valid: true,
    calendar_name: calendarName,
    events: uids.size + uidless,
    occurrences: occurrences.map(({ startMs: _startMs, ...rest }) => rest),
    props,
    not_events: notEvents,
  };
}

/** Most events of a file share a handful of durations: one object each, not one per event. */
const endRules = new Map<string, EndRule>();
function internEndRule(rule: EndRule | null): EndRule | null {
  if (!rule) return null;
  const key = JSON.stringify(rule, (k, v: unknown) => (k === 'zone' ? (v as { id?: string } | null)?.id ?? null : v));
  const seen = endRules.get(key);
  if (seen && (seen.kind !== 'elapsed' || rule.kind !== 'elapsed' || seen.zone === rule.zone)) return seen;
  if (endRules.size < 10_000) endRules.set(key, rule);
  return rule;
}

function inWindow(o: WindowOccurrence, [from, to]: Window): boolean {
  return o.startMs >= from && o.startMs < to;
}

function holdOverride(r: ResolvedEvent, window: Window): HeldOverride {
  const self = endRuleOf(r) !== null && r.event.summary !== null;
  const occurrence = self ? overrideOccurrence(r, null, null) : null;
  return {
    recurrenceIdMs: r.recurrenceIdMs,
    sequence: r.event.sequence,
    cancelled: r.event.status === 'CANCELLED',
    occurrence: occurrence && inWindow(occurrence, window) ? occurrence : null,
    needsMaster: self ? null : r,
  };
}

function propsOf(r: ResolvedEvent): EventProps {
  return { description: r.event.description, location: r.event.location, geo: r.event.geo };
}

/**
 * An override replaces the occurrence its RECURRENCE-ID names (compared as instants); CANCELLED
 * removes it; one whose master is absent stands alone. The moved occurrence is listed when its own
 * start lies in the window, whatever the window held before.
 */
function applyOverrides(group: UidGroup, window: Window): WindowOccurrence[] {
  const occurrences = group.occurrences ?? [];
  if (!group.overrides) return occurrences;
  const replaced = new Set(group.overrides.map((o) => o.recurrenceIdMs));
  const out = occurrences.filter((o) => !replaced.has(o.startMs));
  // Of several overrides of one occurrence, the highest SEQUENCE (then the last in the file) wins.
  const latest = new Map<number | null, HeldOverride>();
  for (const o of group.overrides) {
    const seen = latest.get(o.recurrenceIdMs);
    if (!seen || o.sequence >= seen.sequence) latest.set(o.recurrenceIdMs, o);
  }
  for (const o of latest.values()) {
    if (o.cancelled || (!o.occurrence && !o.needsMaster)) continue;
    const occ = o.occurrence ?? overrideOccurrence(o.needsMaster!, group.master?.end ?? null, group.master?.summary ?? null);
    if (inWindow(occ, window)) out.push(occ);
  }
  return out;
}
