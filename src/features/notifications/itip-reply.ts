import ICAL from 'ical.js';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.js';
import { entries } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';

export type RsvpResponse = 'going' | 'maybe' | 'declined';
export type RecordRsvpByEmail = (tx: DbOrTx, input: { organizationId: string; entryId: string; email: string; response: RsvpResponse; occurrenceAt?: Date | null }) => Promise<boolean>;

const PARTSTAT: Record<string, RsvpResponse> = { ACCEPTED: 'going', TENTATIVE: 'maybe', DECLINED: 'declined' };

export interface ParsedReply {
  uid: string;
  email: string;
  response: RsvpResponse;
  occurrenceAt: Date | null;
}

/** Reads an iTIP REPLY (RFC 5546 §3.2.3): one VEVENT, its UID, one ATTENDEE with PARTSTAT. */
export function parseItipReply(text: string): ParsedReply {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw badRequest('The body is not an iCalendar object.', [{ field: 'ics', message: 'is not valid iCalendar' }]);
  }
  const field = (message: string) => badRequest(`Not an iTIP reply: ${message}.`, [{ field: 'ics', message }]);
  if (String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase() !== 'REPLY') throw field('METHOD must be REPLY');
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw field('a VEVENT is required');
  const uid = event.getFirstPropertyValue('uid');
  if (typeof uid !== 'string' || !uid) throw field('the VEVENT needs a UID');
  const attendee = event.getFirstProperty('attendee');
  const address = String(attendee?.getFirstValue() ?? '');
  if (!attendee || !/^mailto:/i.test(address)) throw field('one ATTENDEE with a mailto: address is required');
  const partstat = String(attendee.getParameter('partstat') ?? '').toUpperCase();
  const response = PARTSTAT[partstat];
  if (!response) throw field('PARTSTAT must be ACCEPTED, TENTATIVE or DECLINED');
  const recurrenceId = event.getFirstPropertyValue('recurrence-id');
  const occurrenceAt = recurrenceId instanceof ICAL.Time ? recurrenceId.toJSDate() : null;
  return { uid, email: address.replace(/^mailto:/i, '').trim().toLowerCase(), response, occurrenceAt };
}

/**
 * An inbound reply (the mail gateway posts what a mail client's Accept / Decline sent) updates the
 * participant's RSVP through attendance. 404 when no entry has the UID or nobody with that
 * address takes part in it.
 */
export async function applyItipReply(database: Database, actor: Actor, text: string, recordRsvp: RecordRsvpByEmail): Promise<ParsedReply & { entryId: string }> {
  const reply = parseItipReply(text);
  return database.db.transaction(async (tx) => {
    // Through tx: on the embedded database a query beside the open transaction would wait for it forever.
    const [entry] = await tx.select({ id: entries.id }).from(entries).where(and(
      eq(entries.organizationId, actor.organizationId), eq(entries.uid, reply.uid), isNull(entries.recurrenceId), isNull(entries.deletedAt),
    ));
    if (!entry) throw notFound('Entry');
    const recorded = await recordRsvp(tx, { organizationId: actor.organizationId, entryId: entry.id, email: reply.email, response: reply.response, occurrenceAt: reply.occurrenceAt });
    if (!recorded) throw notFound('Participant');
    return { ...reply, entryId: entry.id };
  });
}
