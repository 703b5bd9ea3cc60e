import { describe, expect, it } from 'vitest';
import { detailFieldsOf, detailsFrom, detailValuesOf } from './kind-details';

// As GET /api/v1/modules/kinds gives the staff task and leave kinds (patterns left out).
const task = {
  type: 'object',
  properties: {
    assigneeId: { type: 'string', minLength: 1, maxLength: 200 },
    dueDate: { type: 'string', format: 'date' },
    estimatedHours: { type: 'number', minimum: 0 },
    blockedReason: { type: 'string', maxLength: 2000 },
  },
  required: ['assigneeId', 'dueDate'],
  additionalProperties: false,
};
const leave = {
  type: 'object',
  properties: {
    staffId: { type: 'string' },
    leaveType: { type: 'string', enum: ['vacation', 'sick', 'emergency', 'official'] },
    decidedById: { type: 'string' },
    decidedAt: { type: 'string', format: 'date-time' },
  },
  required: ['staffId', 'leaveType'],
};

describe("a kind's details in the editor", () => {
  it('gives one field per detail, named by its path as the server names errors', () => {
    const fields = detailFieldsOf(task);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['details.assigneeId', 'text', true], ['details.dueDate', 'date', true], ['details.estimatedHours', 'number', false], ['details.blockedReason', 'text', false],
    ]);
    expect(detailFieldsOf(leave).find((f) => f.name === 'details.leaveType')?.options).toEqual(['vacation', 'sick', 'emergency', 'official']);
  });

  it("leaves a leave's decision out of the form, since a manager records it elsewhere", () => {
    expect(detailFieldsOf(leave).map((f) => f.name)).toEqual(['details.staffId', 'details.leaveType']);
  });

  it('prefills from stored details and sends them back with the edits, keeping what the form does not show', () => {
    const fields = detailFieldsOf(leave);
    const stored = { staffId: 'u7', leaveType: 'sick', decidedById: 'm1', decidedAt: '2026-11-20T01:00:00Z' };
    const values = detailValuesOf(fields, stored, 'Asia/Manila');
    expect(values).toEqual({ 'details.staffId': 'u7', 'details.leaveType': 'sick' });
    expect(detailsFrom(fields, { ...values, 'details.leaveType': 'vacation' }, stored, 'Asia/Manila'))
      .toEqual({ ...stored, leaveType: 'vacation' });
  });

  it("shows the schema's defaults for details not given, so that an untouched checkbox keeps its default", () => {
    const event = { type: 'object', properties: { eventType: { type: 'string', enum: ['meeting', 'other'], default: 'meeting' }, isPublic: { type: 'boolean', default: true } } };
    const fields = detailFieldsOf(event);
    const values = detailValuesOf(fields, {}, 'UTC', event);
    expect(values).toEqual({ 'details.eventType': 'meeting', 'details.isPublic': true });
    expect(detailsFrom(fields, values, {}, 'UTC')).toEqual({ eventType: 'meeting', isPublic: true });
    expect(detailValuesOf(fields, { isPublic: false }, 'UTC', event)['details.isPublic']).toBe(false);
  });

  it('types numbers and drops a cleared optional field', () => {
    const fields = detailFieldsOf(task);
    const stored = { assigneeId: 'u1', dueDate: '2026-12-01', blockedReason: 'waiting' };
    expect(detailsFrom(fields, { ...detailValuesOf(fields, stored, 'UTC'), 'details.estimatedHours': '2.5', 'details.blockedReason': '' }, stored, 'UTC'))
      .toEqual({ assigneeId: 'u1', dueDate: '2026-12-01', estimatedHours: 2.5 });
  });
});
