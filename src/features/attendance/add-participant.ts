import { and, eq, sql } from 'drizzle-orm';
import { type Config, publicUrlOf } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { entryParticipants } from '../../db/schema/attendance.js';
import { users } from '../../db/schema/users.js';
import { conflict, invalidField } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { communityExists, type EntryRow } from '../entries/repository.js';
import { enqueueNotification } from '../notifications/enqueue.js';
import { loadManagedEntry } from './load-managed-entry.js';
import { refreshEntryCounts } from './record-rsvp.js';
import { checkParticipantReportValues } from './report-fields.js';
import type { ParticipantRow } from './repository.js';
import { rsvpLink } from './rsvp-links.js';
import type { ParticipantCreate } from './schemas.js';

export interface AttendanceDeps {
  db: Db;
  config: Config;
  signingKey: Uint8Array;
  now: () => Date;
}

const DAY_MS = 86_400_000;

/** A reply link lives until a month after the entry ends (a series without end: a year from now). */
export function rsvpExpiry(entry: EntryRow, now: Date): Date {
  const seriesOpenEnded = (entry.rrule || entry.rdate.length) && !entry.spanEnd;
  const endMs = seriesOpenEnded ? now.getTime() + 365 * DAY_MS : Math.max((entry.spanEnd ?? entry.endAt).getTime(), now.getTime());
  return new Date(endMs + 30 * DAY_MS);
}

type NewParticipant = Omit<ParticipantCreate, 'notify'> & { isWalkIn?: boolean };

/** Checks references, refuses a person already on the list (409), inserts. Shared with walk-ins. */
export async function insertParticipant(tx: DbOrTx, actor: Actor, entry: EntryRow, input: NewParticipant, now: Date): Promise<ParticipantRow> {
  let { name, email } = input;
  if (input.userId) {
    const [user] = await tx.select({ name: users.name, email: users.email }).from(users)
      .where(and(eq(users.id, input.userId), eq(users.organizationId, actor.organizationId)));
    if (!user) throw invalidField('userId', 'is not a user of this organisation', 422);
    name ??= user.name;
    email ??= user.email;
  }
  if (!name) throw invalidField('name', 'is required for someone without an account (or give userId)');
  if (input.communityId && !(await communityExists(tx, actor.organizationId, input.communityId))) {
    throw invalidField('communityId', 'is not a community in the directory', 422);
  }
  await checkParticipantReportValues(tx, actor.organizationId, input.reportValues);
  const sameUser = input.userId ? eq(entryParticipants.userId, input.userId) : sql`false`;
  const sameEmail = email ? sql`lower(${entryParticipants.email}) = ${email.toLowerCase()}` : sql`false`;
  const [existing] = await tx.select({ id: entryParticipants.id }).from(entryParticipants)
    .where(and(eq(entryParticipants.organizationId, actor.organizationId), eq(entryParticipants.entryId, entry.id), sql`(${sameUser} or ${sameEmail})`));
  if (existing) throw conflict('This person is already a participant of the entry.', { participantId: existing.id });
  const [row] = await tx.insert(entryParticipants).values({
    organizationId: actor.organizationId,
    entryId: entry.id,
    userId: input.userId ?? null,
    name,
    organisation: input.organisation ?? null,
    communityId: input.communityId ?? null,
    phone: input.phone ?? null,
    email: email ?? null,
    reportValues: input.reportValues,
    role: input.role,
    isWalkIn: input.isWalkIn ?? false,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  }).returning();
  return row!;
}

/** Adds a participant and, in the same transaction, the invitation with its reply link. */
export async function addParticipant(deps: AttendanceDeps, actor: Actor, entryId: string, input: ParticipantCreate): Promise<{ row: ParticipantRow; entry: EntryRow }> {
  return deps.db.transaction(async (tx) => {
    const { entry } = await loadManagedEntry(tx, actor, entryId);
    const now = deps.now();
    const { notify, ...fields } = input;
    const row = await insertParticipant(tx, actor, entry, fields, now);
    await refreshEntryCounts(tx, entry);
    if (notify && (row.userId || row.email)) {
      const rsvpUrl = rsvpLink({ signingKey: deps.signingKey, publicUrl: publicUrlOf(deps.config) },
        { organizationId: actor.organizationId, entryId: entry.id, participantId: row.id, expiresAt: rsvpExpiry(entry, now) });
      await enqueueNotification(tx, {
        organizationId: actor.organizationId,
        recipientUserId: row.userId,
        recipientEmail: row.userId ? null : row.email,
        type: 'invitation',
        entryId: entry.id,
        dedupeKey: `invitation:${row.id}`,
        payload: { title: entry.title, role: row.role, participantId: row.id, rsvpUrl, links: { rsvp: rsvpUrl } },
      });
    }
    return { row, entry };
  });
}
