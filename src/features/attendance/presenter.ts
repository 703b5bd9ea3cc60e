import type { attendanceRecords } from '../../db/schema/attendance.js';
import type { ParticipantRow } from './repository.js';
import type { ParticipantDto } from './schemas.js';

type AttendanceRow = typeof attendanceRecords.$inferSelect;

/** Contact details are personal data: only the entry's editors and the participant see them. */
export function presentParticipant(
  row: ParticipantRow,
  view: { canManage: boolean; actorUserId: string; occurrenceRsvp?: ParticipantRow['rsvp'] | null; attendance?: AttendanceRow | null; withAttendance: boolean },
): ParticipantDto {
  const mayContact = view.canManage || row.userId === view.actorUserId;
  const a = view.attendance ?? null;
  return {
    id: row.id,
    entryId: row.entryId,
    userId: row.userId,
    name: row.name,
    organisation: row.organisation,
    communityId: row.communityId,
    phone: mayContact ? row.phone : null,
    email: mayContact ? row.email : null,
    reportValues: view.canManage ? row.reportValues : {},
    role: row.role,
    rsvp: row.rsvp,
    occurrenceRsvp: view.occurrenceRsvp ?? null,
    attendance: view.withAttendance
      ? {
        status: a?.status ?? 'not_checked_in', checkedInAt: a?.checkedInAt?.toISOString() ?? null, checkedOutAt: a?.checkedOutAt?.toISOString() ?? null, method: a?.method ?? null,
        clockSkewSeconds: a?.clockSkewSeconds ?? null,
      }
      : null,
    isWalkIn: row.isWalkIn,
    createdAt: row.createdAt.toISOString(),
    canEdit: view.canManage,
  };
}
