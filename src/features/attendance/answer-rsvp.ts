import type { Db } from '../../db/client.js';
import { Problem, notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canSeeEntryDetails } from '../calendars/policy.js';
import { findEntry } from '../entries/repository.js';
import { formatInZone } from '../entries/times.js';
import { isSeries, recurrenceIdAt, resolveOccurrence } from './occurrence.js';
import { setRsvp, type RsvpResponse } from './record-rsvp.js';
import { findParticipant, loadAttendanceEntry, participantOfUser } from './repository.js';
import { readRsvpToken } from './rsvp-links.js';

/** A signed-in participant answers for themself (not a participant → 404, like an outsider). */
export async function answerOwnRsvp(deps: { db: Db; now: () => Date }, actor: Actor, entryId: string, input: { response: RsvpResponse; recurrenceId?: string }) {
  return deps.db.transaction(async (tx) => {
    const loaded = await loadAttendanceEntry(tx, actor, entryId);
    const participant = loaded ? await participantOfUser(tx, actor.organizationId, loaded.entry.id, actor.userId) : null;
    if (!loaded || !participant) throw notFound('Entry');
    const recurrenceId = input.recurrenceId ?? loaded.recurrenceId;
    const occurrence = recurrenceId ? resolveOccurrence(loaded.entry, recurrenceId) : null;
    await setRsvp(tx, loaded.entry, participant, input.response, occurrence, deps.now());
    return { participantId: participant.id, response: input.response, recurrenceId: occurrence?.key || null };
  });
}

/** What a reply link is about (the page shows it before the person answers). */
export async function describeRsvpLink(deps: { db: Db; signingKey: Uint8Array; now: () => Date }, token: string) {
  const claims = readRsvpToken(deps.signingKey, token, deps.now());
  const participant = await findParticipant(deps.db, claims.organizationId, claims.participantId);
  const entry = participant && participant.entryId === claims.entryId ? await findEntry(deps.db, claims.organizationId, claims.entryId) : null;
  if (!participant || !entry) throw new Problem(404, 'Not Found', 'This invitation no longer exists.', [], { reason: 'revoked' });
  const recurrenceId = claims.occurrenceMs !== null && isSeries(entry) ? recurrenceIdAt(entry, new Date(claims.occurrenceMs)) : null;
  const start = recurrenceId ? resolveOccurrence(entry, recurrenceId).at : entry.startAt;
  return { claims, participant, entry, recurrenceId, info: { entryTitle: entry.title, start: entry.allDay ? entry.startDate! : formatInZone(start, entry.timeZone), participantName: participant.name, recurrenceId, response: participant.rsvp } };
}

/** Someone without an account answers through their signed link. */
export async function answerRsvpByLink(deps: { db: Db; signingKey: Uint8Array; now: () => Date }, token: string, response: RsvpResponse) {
  const { participant, entry, recurrenceId } = await describeRsvpLink(deps, token);
  await deps.db.transaction(async (tx) => {
    await setRsvp(tx, entry, participant, response, recurrenceId ? resolveOccurrence(entry, recurrenceId) : null, deps.now());
  });
  return { participantId: participant.id, response, recurrenceId };
}

/** Entry details for a person who may see the entry or takes part in it (else 404). */
export async function visibleEntryFor(db: Db, actor: Actor, entryId: string) {
  const loaded = await loadAttendanceEntry(db, actor, entryId);
  if (!loaded) throw notFound('Entry');
  const mine = await participantOfUser(db, actor.organizationId, loaded.entry.id, actor.userId);
  if (!mine && !(loaded.calendar && canSeeEntryDetails(actor, loaded.calendar.level, loaded.entry))) throw notFound('Entry');
  return { ...loaded, mine };
}
