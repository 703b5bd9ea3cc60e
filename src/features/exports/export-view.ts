/** The exports read the same view as the range query: one definition, in the calendar feature. */
export { resolveView as resolveExportView, type CalendarView as ExportView } from '../calendar/view.js';
