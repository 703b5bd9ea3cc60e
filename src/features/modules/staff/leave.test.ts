import { describe, expect, it } from 'vitest';
import type { StaffLeaveDetails } from './kinds.js';
import { decideLeave } from './leave.js';

const details: StaffLeaveDetails = { staffId: 'ana', leaveType: 'sick', approverId: 'mgr' };
const AT = '2026-03-10T09:00:00+08:00';

describe('leave decisions', () => {
  it('lets the named manager approve pending leave and records who and when', () => {
    expect(decideLeave('pending', details, 'approve', 'mgr', true, AT)).toEqual({ ok: true, status: 'approved', details: { ...details, decidedById: 'mgr', decidedAt: AT } });
    expect(decideLeave('pending', details, 'reject', 'mgr', true, AT)).toMatchObject({ ok: true, status: 'rejected' });
  });

  it('refuses self-approval, non-managers and managers other than the named one', () => {
    expect(decideLeave('pending', { ...details, approverId: undefined }, 'approve', 'ana', true, AT)).toEqual({ ok: false, reason: 'self_approval' });
    expect(decideLeave('pending', details, 'approve', 'bob', false, AT)).toEqual({ ok: false, reason: 'not_allowed' });
    expect(decideLeave('pending', details, 'approve', 'other-mgr', true, AT)).toEqual({ ok: false, reason: 'not_the_approver' });
    expect(decideLeave('pending', { staffId: 'ana', leaveType: 'sick' }, 'approve', 'other-mgr', true, AT)).toMatchObject({ ok: true, status: 'approved' });
  });

  it('lets the requester cancel pending or approved leave, never a decided rejection', () => {
    expect(decideLeave('approved', details, 'cancel', 'ana', false, AT)).toMatchObject({ ok: true, status: 'cancelled' });
    expect(decideLeave('rejected', details, 'cancel', 'ana', false, AT)).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(decideLeave('pending', details, 'cancel', 'bob', false, AT)).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('does not decide twice', () => {
    expect(decideLeave('approved', details, 'reject', 'mgr', true, AT)).toEqual({ ok: false, reason: 'invalid_transition' });
  });
});
