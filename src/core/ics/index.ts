/** iCalendar reading, checking, mapping and writing: the only door other code uses into src/core/ics. */
export { IcsError, DEFAULT_LIMITS, type IcsLimits } from './errors.js';
export { readIcs, type IcsRecord, type ReadIcsOptions } from './reader.js';
export { checkIcs, type IcsCheckResult, type EventProps } from './check.js';
export type { ParsedEvent, IcsPerson, AtLine } from './event.js';
export type { ParsedTodo } from './todo.js';
export type { ResolvedEvent } from './resolve.js';
export type { IcsTime, IcsDuration, IcsPeriod } from './values.js';
export { occurrencesInWindow, type WindowOccurrence, type Window } from './occurrences.js';
export { ianaForWindowsZone, ianaNameForTzid } from './tzid.js';
