import { describe, expect, it } from 'vitest';
import { testIntl } from './i18n/test-intl';
import { missingDetails, type KindInfo } from './kinds';
import { modulesOf, statusChoices } from './modules';

const task: KindInfo = {
  module: 'staff', kind: 'task', label: 'Staff task', colour: '#6d28d9', defaultStatus: 'not_started',
  statuses: [{ status: 'not_started', lifecycle: 'planned' }, { status: 'in_progress', lifecycle: 'in_progress' }],
  detailsJsonSchema: { type: 'object', properties: { assigneeId: { type: 'string' }, dueDate: { type: 'string' }, taskType: { type: 'string' } }, required: ['assigneeId', 'dueDate'] },
};

describe('the kind catalogue in the editor', () => {
  it("offers the kind's own statuses and keeps an entry's status the kind does not list", () => {
    expect(statusChoices(task, '')).toEqual(['not_started', 'in_progress']);
    expect(statusChoices(task, 'scheduled')).toEqual(['not_started', 'in_progress', 'scheduled']);
  });

  it('names the required details left empty, by their field, once any is filled', () => {
    expect(missingDetails(task, { assigneeId: 'u1', dueDate: '' }, testIntl)).toEqual({ 'details.dueDate': 'Fill this in.' });
    expect(missingDetails(task, { taskType: 'report' }, testIntl)).toEqual({ 'details.assigneeId': 'Fill this in.', 'details.dueDate': 'Fill this in.' });
    expect(missingDetails(task, { assigneeId: 'u1', dueDate: '2026-12-01' }, testIntl)).toEqual({});
    expect(missingDetails(task, {}, testIntl)).toEqual({});
    expect(missingDetails(undefined, { assigneeId: 'u1' }, testIntl)).toEqual({});
  });

  it("lists the server's modules with their kinds in its order", () => {
    expect(modulesOf({ modules: [{ module: 'staff', label: 'Staff', colour: '#6d28d9' }, { module: 'general', label: 'General', colour: '#4b5563' }], kinds: [task] }))
      .toEqual([{ id: 'staff', label: 'Staff', color: '#6d28d9', kinds: [{ id: 'task', label: 'Staff task' }] }, { id: 'general', label: 'General', color: '#4b5563', kinds: [] }]);
  });
});
