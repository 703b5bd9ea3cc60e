import type { Zone } from '../time/index.js';
import { readIcsItems, type IcsComponent } from './components.js';
import { DEFAULT_LIMITS, IcsError, type IcsLimits } from './errors.js';
import { parseEvent, type ParsedEvent } from './event.js';
import { resolveEvent, unknownTzid, type ResolvedEvent } from './resolve.js';
import { parseTodo, type ParsedTodo } from './todo.js';
import { ianaNameForTzid, TzidResolver } from './tzid.js';
import { unescapeText } from './values.js';
import { zoneFromVtimezone } from './vtimezone.js';

/** What reading a calendar file hands out, one record at a time, in file order (see docs/ics.md). */
export type IcsRecord =
  | { readonly type: 'calendar-property'; readonly name: string; readonly value: string; readonly line: number }
  | { readonly type: 'timezone'; readonly tzid: string; readonly component: IcsComponent }
  | { readonly type: 'event'; readonly event: ResolvedEvent }
  | { readonly type: 'todo'; readonly todo: ParsedTodo }
  | { readonly type: 'other'; readonly name: string; readonly line: number; readonly uid: string | null };

export interface ReadIcsOptions {
  /** Where floating times and all-day dates are placed on the time line (the importing user's zone). */
  readonly floatingZone: Zone;
  readonly limits?: Partial<IcsLimits>;
}

/** Calendar-level properties whose values are TEXT (decoded before they are handed out). */
const TEXT_CALENDAR_PROPS = new Set(['X-WR-CALNAME', 'X-WR-CALDESC', 'NAME', 'DESCRIPTION']);

/**
 * Reads an iCalendar file from a stream of octet chunks and hands out each VEVENT as soon as it
 * is complete and checked, so an importer can write events one by one with flat memory. Overrides
 * are separate records (same UID, a RECURRENCE-ID): group them by UID + RECURRENCE-ID on the
 * receiving side. An event naming a TZID whose VTIMEZONE has not appeared yet is held back until
 * the end of the file. Throws IcsError (with the line at fault) for a file that must be refused;
 * a caller must then drop what it received.
 */
export async function* readIcs(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReadIcsOptions,
): AsyncGenerator<IcsRecord> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const zones = new TzidResolver();
  const waiting: ParsedEvent[] = [];
  for await (const item of readIcsItems(chunks, limits)) {
    if (item.type === 'calendar-property') {
      const { prop } = item;
      const value = TEXT_CALENDAR_PROPS.has(prop.name) ? unescapeText(prop.value) : prop.value.trim();
      yield { type: 'calendar-property', name: prop.name, value, line: prop.line };
      continue;
    }
    const c = item.component;
    if (c.name === 'VEVENT') {
      const event = parseEvent(c);
      if (event.tzidUses.some((u) => !zones.resolve(u.value))) waiting.push(event);
      else yield { type: 'event', event: resolveEvent(event, zones, options.floatingZone) };
    } else if (c.name === 'VTIMEZONE') {
      const tzid = c.props.find((p) => p.name === 'TZID')?.value.trim() ?? '';
      // IANA and Windows names are read as the IANA zone: their VTIMEZONE is not needed, so a flaw in it cannot refuse the file.
      if (!ianaNameForTzid(tzid)) zones.addVtimezone(zoneFromVtimezone(c));
      yield { type: 'timezone', tzid, component: c };
    } else if (c.name === 'VTODO') {
      yield { type: 'todo', todo: parseTodo(c) };
    } else {
      const uid = c.props.find((p) => p.name === 'UID')?.value.trim() ?? null;
      yield { type: 'other', name: c.name, line: c.line, uid };
    }
  }
  // The first unknown TZID in the file is the fault to report.
  const unknown = waiting
    .flatMap((e) => e.tzidUses.filter((u) => !zones.resolve(u.value)))
    .sort((a, b) => a.line - b.line)[0];
  if (unknown) throw unknownTzid(unknown.value, unknown.line);
  for (const event of waiting) yield { type: 'event', event: resolveEvent(event, zones, options.floatingZone) };
}

export { IcsError };
