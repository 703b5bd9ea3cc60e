import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema/users.js';
import { findRecordType } from '../modules/index.js';
import { canChangeRecord, canDecideLeave, canReadRecord, idsAt, subjectRefusal } from './policy.js';

const who = (role: Role, userId: string = role) => ({ role, userId });
const leave = findRecordType('staff', 'leave')!.privacy;
const review = findRecordType('staff', 'reviews')!.privacy;
const tasks = findRecordType('staff', 'tasks')!.privacy;
const ana = who('staff', 'ana');
const bob = who('staff', 'bob');
const anasLeave = { status: 'pending', details: { staffId: 'ana', leaveType: 'sick', approverId: 'mgr' } };
const anasReview = { status: 'scheduled', details: { revieweeId: 'ana', reviewerId: 'rex', approverIds: ['hr1', 'hr2'] } };

describe('module record policy', () => {
  it('reads ids at a dotted path, one or a list', () => {
    expect(idsAt(anasReview, 'details.reviewerId')).toEqual(['rex']);
    expect(idsAt(anasReview, 'details.approverIds')).toEqual(['hr1', 'hr2']);
    expect(idsAt(anasReview, 'details.nothing')).toEqual([]);
    expect(idsAt({ details: null }, 'details.staffId')).toEqual([]);
  });

  it('shows a private record to the person, the named approvers, managers and admins only', () => {
    for (const actor of [ana, who('staff', 'mgr'), who('manager', 'm2'), who('admin')]) expect(canReadRecord(actor, 'edit', leave, anasLeave), actor.userId).toBe(true);
    for (const actor of [bob, who('resource_manager'), who('viewer')]) expect(canReadRecord(actor, 'edit', leave, anasLeave), actor.userId).toBe(false);
    for (const id of ['ana', 'rex', 'hr2']) expect(canReadRecord(who('staff', id), 'edit', review, anasReview), id).toBe(true);
    expect(canReadRecord(bob, 'edit', review, anasReview)).toBe(false);
  });

  it('shows internal records to everyone who may read the module, and nothing without module access', () => {
    expect(canReadRecord(who('viewer'), 'view', tasks, {})).toBe(true);
    expect(canReadRecord(who('manager'), null, tasks, {})).toBe(false);
    expect(canReadRecord(who('admin'), 'freebusy', leave, anasLeave)).toBe(false);
  });

  it('lets the person, managers and admins change a private record; approvers, colleagues and viewers not', () => {
    expect(canChangeRecord(ana, 'edit', leave, anasLeave)).toBe(true);
    expect(canChangeRecord(who('manager'), 'edit', leave, anasLeave)).toBe(true);
    expect(canChangeRecord(who('admin'), 'manage', leave, anasLeave)).toBe(true);
    expect(canChangeRecord(who('staff', 'mgr'), 'edit', leave, anasLeave)).toBe(false);
    expect(canChangeRecord(bob, 'edit', leave, anasLeave)).toBe(false);
    expect(canChangeRecord(who('viewer', 'ana'), 'view', leave, anasLeave)).toBe(false);
    expect(canChangeRecord(bob, 'edit', tasks, {})).toBe(true);
    expect(canChangeRecord(who('resource_manager'), 'view', tasks, {})).toBe(false);
  });

  it("refuses staff filing a private record in someone else's name, naming the field", () => {
    expect(subjectRefusal(ana, leave, anasLeave)).toBeNull();
    expect(subjectRefusal(bob, leave, anasLeave)).toEqual({ field: 'details.staffId', message: expect.stringMatching(/your own/) });
    expect(subjectRefusal(bob, review, anasReview)?.field).toBe('details.revieweeId');
    expect(subjectRefusal(who('manager'), leave, anasLeave)).toBeNull();
    expect(subjectRefusal(who('admin'), review, anasReview)).toBeNull();
    expect(subjectRefusal(bob, tasks, { details: { assigneeId: 'ana' } })).toBeNull();
  });

  it('lets the named manager decide leave; not the requester, other managers or staff', () => {
    expect(canDecideLeave(who('manager', 'mgr'), 'edit', anasLeave)).toBe(true);
    expect(canDecideLeave(who('manager', 'm2'), 'edit', anasLeave)).toBe(false);
    expect(canDecideLeave(who('manager', 'm2'), 'edit', { ...anasLeave, details: { staffId: 'ana', leaveType: 'sick' } })).toBe(true);
    expect(canDecideLeave(who('manager', 'ana'), 'edit', { ...anasLeave, details: { staffId: 'ana', leaveType: 'sick' } })).toBe(false);
    expect(canDecideLeave(bob, 'edit', anasLeave)).toBe(false);
    expect(canDecideLeave(who('manager', 'mgr'), 'edit', { ...anasLeave, status: 'approved' })).toBe(false);
  });
});
