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
export { readIcsEntries, type IcsImportRecord } from './import-records.js';
export { mapEvent, mapEventGroup, mapTodo, generatedUid, type IcsEntry, type IcsTask } from './mapping.js';
export { writeIcs, writeIcsText, eventLines, headerText, type ExportEvent, type ExportCalendar } from './writer.js';
export { attendeeOf, participantOf, triggerOf, minutesBeforeOf, type ExportAttendee, type ParticipantFacts } from './participants.js';
export { vtimezoneText, vtimezoneLines } from './vtimezone-writer.js';
export { escapeText, foldLine } from './fold.js';
export { zoneFromVtimezone, VtimezoneZone } from './vtimezone.js';
export { zoneFromVtimezoneText } from './vtimezone-text.js';
export { freeBusyText } from './freebusy-writer.js';
