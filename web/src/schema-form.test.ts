import { describe, expect, it } from 'vitest';
import { bodyOf, fieldsOf, patchOf, valuesOf } from './schema-form';

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

  it('reads a stored record into the form, date-times as wall times in the zone', () => {
    const fields = fieldsOf(session);
    const values = valuesOf(fields, { title: 'Induction', start: '2026-12-01T01:00:00Z', online: true, details: { tags: ['a', 'b'], seats: 20 } }, 'Asia/Manila');
    expect(values).toEqual({ title: 'Induction', start: '2026-12-01T09:00', online: true, 'details.tags': 'a, b', 'details.seats': '20' });
    expect(bodyOf(fields, values, 'Asia/Manila')).toMatchObject({ start: '2026-12-01T09:00:00+08:00', online: true });
  });

  it('patches an edited record: details sent whole with unshown keys kept, cleared fields null where the schema allows it', () => {
    const fields = fieldsOf(session);
    const stored = { title: 'Induction', location: 'Hall', start: '2026-12-01T01:00:00Z', online: true, details: { tags: ['a'], seats: 20, approverId: 'u9' } };
    const values = { ...valuesOf(fields, stored, 'UTC'), title: 'Induction day', location: '', online: false, 'details.seats': '' };
    expect(patchOf(fields, values, stored, 'UTC')).toEqual({
      title: 'Induction day', location: null, start: '2026-12-01T01:00:00+00:00', online: false, details: { tags: ['a'], approverId: 'u9' },
    });
  });
});

const session = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    location: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    start: { type: 'string', format: 'date-time' },
    online: { type: 'boolean' },
    details: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } }, seats: { type: 'integer' } } },
  },
  required: ['title', 'start'],
};
