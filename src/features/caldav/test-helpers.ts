import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Session, TestApp } from '../../../test/support/app.js';

export interface DavUser extends Session {
  email: string;
  token: string;
  authorization: string;
}

/** A user with a personal API token: what a calendar app signs in with. */
export async function davUser(t: TestApp, role: Parameters<TestApp['userSession']>[0] = 'staff'): Promise<DavUser> {
  const session = await t.userSession(role);
  const made = await t.as(session, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'Phone' } });
  expect(made.statusCode, made.body).toBe(201);
  const token = (made.json() as { token: string }).token;
  return { ...session, token, authorization: `Basic ${Buffer.from(`${session.email}:${token}`).toString('base64')}` };
}

export function davRequest(t: TestApp, user: Pick<DavUser, 'authorization'> | null, method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const contentType = body === undefined ? {} : { 'content-type': body.startsWith('BEGIN:VCALENDAR') ? 'text/calendar; charset=utf-8' : 'application/xml; charset=utf-8' };
  return t.app.inject({ method: method as never, url, payload: body, headers: { ...contentType, ...(user ? { authorization: user.authorization } : {}), ...headers } });
}

export const propfindBody = (...props: string[]) =>
  `<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/" xmlns:a="http://apple.com/ns/ical/"><d:prop>${props.map((p) => `<${p}/>`).join('')}</d:prop></d:propfind>`;

/** An event as a calendar app writes it. */
export function eventIcs(uid: string, fields: { summary?: string; start?: string; end?: string; rrule?: string; extra?: string[]; overrides?: string[][] } = {}): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Client//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=Asia/Manila:${fields.start ?? '20260302T090000'}`, `DTEND;TZID=Asia/Manila:${fields.end ?? '20260302T100000'}`,
    `SUMMARY:${fields.summary ?? 'Planning meeting'}`, ...(fields.rrule ? [`RRULE:${fields.rrule}`] : []), ...(fields.extra ?? []), 'END:VEVENT'];
  for (const override of fields.overrides ?? []) lines.push('BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', ...override, 'END:VEVENT');
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
