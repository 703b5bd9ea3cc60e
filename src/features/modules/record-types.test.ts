import { describe, expect, it } from 'vitest';
import { describeKinds } from './kind-catalog.js';
import { diffProjection, projectRecord, RECORD_TYPES } from './record-types.js';

describe('record types', () => {
  it('validates and projects a record by its API path', () => {
    const r = projectRecord('staff/tasks', { id: 't1', title: 'Submit travel report', details: { assigneeId: 'ana', dueDate: '2026-03-20' } });
    expect(r.ok && r.drafts.map((d) => d.projectionKey)).toEqual(['staff:task:t1']);
  });

  it('names the fields at fault and refuses unknown types', () => {
    expect(projectRecord('staff/tasks', { id: 't1', title: '', details: { assigneeId: 'ana' } })).toEqual({ ok: false, issues: expect.arrayContaining([expect.objectContaining({ path: 'title' }), expect.objectContaining({ path: 'details.dueDate' })]) });
    expect(projectRecord('staff/party', {})).toEqual({ ok: false, issues: [{ path: 'type', message: 'unknown record type staff/party' }] });
  });

  it('refuses spans that end before they start', () => {
    const r = projectRecord('coordination/events', { id: 'e', title: 'x', start: '2026-03-10T10:00:00+08:00', end: '2026-03-10T09:00:00+08:00' });
    expect(r).toEqual({ ok: false, issues: [{ path: 'end', message: 'end must not be before start' }] });
    const leave = projectRecord('staff/leave', { id: 'l', title: 'x', startDate: '2026-03-10', endDate: '2026-03-09', details: { staffId: 'a', leaveType: 'sick' } });
    expect(leave).toEqual({ ok: false, issues: [{ path: 'endDate', message: 'endDate must not be before startDate' }] });
  });

  it('says which entries to create, update and delete when a record changes', () => {
    const base = { id: 'a1', title: 'MANA', planningCompletionDate: '2026-03-02', reportDueDate: '2026-04-30' };
    const first = projectRecord('mana/assessments', base);
    const second = projectRecord('mana/assessments', { ...base, planningCompletionDate: null, analysisCompletionDate: '2026-04-10' });
    if (!first.ok || !second.ok) throw new Error('invalid fixture');
    const diff = diffProjection(first.drafts.map((d) => d.projectionKey), second.drafts);
    expect(diff.create.map((d) => d.projectionKey)).toEqual(['mana:assessment:a1:analysis']);
    expect(diff.update.map((d) => d.projectionKey)).toEqual(['mana:assessment:a1:report_due']);
    expect(diff.deleteKeys).toEqual(['mana:assessment:a1:planning']);
  });

  it('covers every module that has records', () => {
    expect(new Set(RECORD_TYPES.map((r) => r.module))).toEqual(new Set(['coordination', 'mana', 'staff', 'policy', 'planning', 'community']));
  });
});

describe('kind catalog', () => {
  it('describes every kind with a details JSON Schema for forms', () => {
    const { kinds, modules } = describeKinds();
    expect(modules).toHaveLength(7);
    const task = kinds.find((k) => k.module === 'staff' && k.kind === 'task')!;
    expect(task).toMatchObject({ label: 'Staff task', isDeadline: true, defaultStatus: 'not_started' });
    expect(task.detailsJsonSchema).toMatchObject({ type: 'object', required: ['assigneeId', 'dueDate'], additionalProperties: false });
    expect(JSON.parse(JSON.stringify(kinds))).toEqual(kinds);
  });
});
