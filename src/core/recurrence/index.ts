/** The recurrence engine: the only door other code uses into src/core/recurrence. */
export * from './types.js';
export { expandRecurrence, expandPrepared, prepareSeries, DEFAULT_MAX, type PreparedSeries } from './expand.js';
export { parseRrule, validateRrule, FREQS, WEEKDAYS, type ParsedRule, type Freq, type WeekdayNum, type Until, type Skip } from './rrule-parse.js';
export { seriesSpan, hasAnyOccurrence, ruleHasInstances, isStartOnRule, type SeriesSpan } from './series-span.js';
export { RecurrenceFormSchema, recurrenceFormToRrule, rruleToRecurrenceForm, type RecurrenceForm, type RecurrenceFormInput, type SeriesContext } from './form.js';
export { describeRrule } from './describe.js';
export { splitSeries, reconcileOverrides, occurrenceInstant, type SeriesSplit, type OccurrenceId } from './series-edit.js';
