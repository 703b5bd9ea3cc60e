import { describe, expect, it } from 'vitest';
import { bodyOf, fieldsOf } from './schema-form';

const leave = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string', maxLength: 255 },
    description: { anyOf: [{ type: 'string', maxLength: 10000 }, { type: 'null' }] },
    priority: { type: 'string', enum: ['low', 'normal'] },
    startDate: { type: 'string', format: 'date' },
    details: { type: 'object', properties: { staffId: { type: 'string' }, leaveType: { type: 'string', enum: ['vacation', 'sick'] }, decidedAt: { type: 'string', format: 'date-time' }, days: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['staffId', 'leaveType'] },
  },
  required: ['id', 'title', 'startDate', 'details'],
};

describe('schema forms', () => {
  it('makes a field per property, nested details one level down, without the id and decision fields', () => {
    const fields = fieldsOf(leave);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['title', 'text', true], ['description', 'textarea', false], ['priority', 'select', false], ['startDate', 'date', true],
      ['details.staffId', 'text', true], ['details.leaveType', 'select', true], ['details.days', 'number', false], ['details.tags', 'list', false],
    ]);
    expect(fields.find((f) => f.name === 'details.leaveType')!.options).toEqual(['vacation', 'sick']);
  });

  it('builds the body from filled values only', () => {
    const fields = fieldsOf(leave);
    expect(bodyOf(fields, { title: ' Leave ', description: '', startDate: '2026-07-06', 'details.staffId': 'u1', 'details.leaveType': 'sick', 'details.days': '3', 'details.tags': 'a, b,' }))
      .toEqual({ title: 'Leave', startDate: '2026-07-06', details: { staffId: 'u1', leaveType: 'sick', days: 3, tags: ['a', 'b'] } });
  });
});
