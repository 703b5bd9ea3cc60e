import { writeIcsText } from '../../core/ics/index.js';
import type { AccessLevel } from '../../db/schema/calendars.js';
import type { Viewer } from '../calendars/policy.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { exportEventOf, storedDetailFor } from '../exports/ics-export.js';
import type { StoredEntry } from '../exports/stored-entries.js';

/**
 * A resource's ETag: its family's change stamp (already a hash) and the access level it is shown
 * at (the level decides busy or full). The URL holds the viewer's id, so what else decides the
 * content (who is looking) is fixed per URL.
 */
export const resourceEtag = (stamp: string, level: AccessLevel): string => `"${stamp.slice(0, 24)}-${level}"`;

/**
 * A resource's calendar data (RFC 4791 §4.1): the master and its live overrides as VEVENTs of one
 * UID, each at the detail the viewer may see, with the VTIMEZONE of their zone; no METHOD. Without
 * METHOD, DTSTAMP is when the stored event last changed (RFC 5545 §3.8.7.2), so the same stored
 * rows always give the same text.
 */
export function resourceIcs(viewer: Viewer, calendar: CalendarWithLevel, rows: readonly StoredEntry[]): string {
  return writeIcsText('', rows.map((row) => exportEventOf(storedDetailFor(viewer, calendar, row), row, row.updated_at.getTime())), { resource: true });
}
