import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import type { Session, TestApp } from '../../../test/support/app.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const conformanceDir = path.resolve(repoRoot, 'test/fixtures/conformance/ics');

export interface ExpectedFile {
  valid: boolean;
  floating_zone?: string;
  window?: [string, string];
  occurrences?: { uid: string | null; start: string; end: string; summary: string }[];
  occurrence_count?: number;
  line?: number;
}

export const expectedFiles = (): Record<string, ExpectedFile> => JSON.parse(readFileSync(path.join(conformanceDir, 'expected.json'), 'utf8'));
export const conformanceFile = (name: string): Buffer => readFileSync(path.join(conformanceDir, name));

/** An instant for a timed value (a floating one placed in `zone`), the date itself for an all-day one. */
export function timeKey(text: string, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  if (/(Z|[+-]\d{2}:\d{2})$/.test(text)) return String(Date.parse(text));
  return String(Temporal.PlainDateTime.from(text).toZonedDateTime(zone).epochMilliseconds);
}

export async function importFile(t: TestApp, session: Session, calendarId: string, body: Buffer | string, query = '') {
  return t.as(session, {
    method: 'POST', url: `/api/v1/calendars/${calendarId}/import${query}`, payload: body, headers: { 'content-type': 'text/calendar' },
  });
}
