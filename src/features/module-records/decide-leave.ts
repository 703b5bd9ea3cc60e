/**
 * Deciding a leave request: approve or reject (a manager; only the named approver when there is
 * one; never the requester) or cancel (the requester, a manager or an admin), by decideLeave's
 * rules. The only way a leave request's status changes (records.ts refuses writing it), and the
 * requester is told in the same transaction.
 */
import type { Db } from '../../db/client.js';
import { conflict, forbidden } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { decideLeave, findRecordType, type LeaveAction, type LeaveStatus } from '../modules/index.js';
import { notifyLeaveDecision } from '../notifications/leave-decision.js';
import { actsForStaff, canWriteModule } from './policy.js';
import { findRecord, validateRecord, writeRecord, type Written } from './records.js';

const DONE = { approve: 'approved', reject: 'rejected', cancel: 'cancelled' } as const;

const REFUSALS = {
  self_approval: 'Nobody decides on their own leave.',
  not_the_approver: 'Another manager is named to decide on this leave.',
  not_allowed: 'Only managers decide on leave requests; the requester may cancel theirs.',
} as const;

export const LEAVE_TYPE = findRecordType('staff', 'leave')!;

export async function decideLeaveRequest(db: Db, input: { actor: Actor; id: string; action: LeaveAction; reason?: string; at: Date }): Promise<Written> {
  const { actor, action, reason } = input;
  return db.transaction(async (tx) => {
    const { row: current, level } = await findRecord(tx, actor, LEAVE_TYPE, input.id);
    if (!canWriteModule(actor, level)) throw forbidden('You may read leave requests but not decide on them.');
    const data = current.data as { id: string; status: LeaveStatus; details: Parameters<typeof decideLeave>[1] };
    const decision = decideLeave(data.status, data.details, action, actor.userId, actsForStaff(actor), input.at.toISOString());
    if (!decision.ok) {
      if (decision.reason === 'invalid_transition') throw conflict(`A ${data.status} leave request cannot be ${DONE[action]}.`);
      throw forbidden(REFUSALS[decision.reason]);
    }
    const details = reason ? { ...decision.details, notes: reason } : decision.details;
    const { id: _id, ...stored } = data;
    const row = await writeRecord(tx, actor, LEAVE_TYPE, current, validateRecord(LEAVE_TYPE, current.id, { ...stored, status: decision.status, details }));
    return { row: await notifyLeaveDecision(tx, actor, row, reason), level };
  });
}
