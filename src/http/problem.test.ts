import { describe, expect, it } from 'vitest';
import { Problem } from './problem.js';

describe('a problem document', () => {
  it('keeps its own type, title, status and detail when an extra field has the same name', () => {
    const problem = new Problem(409, 'Conflict', 'A approved booking cannot be approved.', [], { status: 'approved', title: 'x', conflictingBookingId: null });
    expect(problem.toJSON('/api/v1/bookings/1')).toMatchObject({ status: 409, title: 'Conflict', instance: '/api/v1/bookings/1', conflictingBookingId: null });
  });
});
