/**
 * The leave approval state machine: pending → approved | rejected by a manager, and cancellation
 * by the requester (or a manager) while the leave is still pending or approved. Pure: the use case
 * checks the role and persists the result.
 */
import type { StaffLeaveDetails } from './kinds.js';

export type LeaveStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';
export type LeaveAction = 'approve' | 'reject' | 'cancel';

export type LeaveDecision =
  | { ok: true; status: LeaveStatus; details: StaffLeaveDetails }
  | { ok: false; reason: 'invalid_transition' | 'self_approval' | 'not_the_approver' | 'not_allowed' };

const NEXT: Readonly<Record<LeaveStatus, Partial<Record<LeaveAction, LeaveStatus>>>> = {
  pending: { approve: 'approved', reject: 'rejected', cancel: 'cancelled' },
  approved: { cancel: 'cancelled' },
  rejected: {},
  cancelled: {},
};

/**
 * Applies `action` by `actorId`. `actorIsManager` comes from the caller's role check. Nobody
 * approves their own leave; a named approver decides alone.
 */
export function decideLeave(status: LeaveStatus, details: StaffLeaveDetails, action: LeaveAction, actorId: string, actorIsManager: boolean, atIso: string): LeaveDecision {
  const next = NEXT[status][action];
  if (!next) return { ok: false, reason: 'invalid_transition' };
  if (action === 'cancel') {
    if (actorId !== details.staffId && !actorIsManager) return { ok: false, reason: 'not_allowed' };
    return { ok: true, status: next, details };
  }
  if (actorId === details.staffId) return { ok: false, reason: 'self_approval' };
  if (!actorIsManager) return { ok: false, reason: 'not_allowed' };
  if (details.approverId && details.approverId !== actorId) return { ok: false, reason: 'not_the_approver' };
  return { ok: true, status: next, details: { ...details, decidedById: actorId, decidedAt: atIso } };
}
