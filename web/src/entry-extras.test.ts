import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { applyExtras, type ExtrasApi } from './apply-extras';
import { hasExtras, NO_EXTRAS, summarizeOutcome } from './entry-extras';
import { testIntl } from './i18n/test-intl';
import type { Resource } from './resources';

const resource = (id: string, name: string): Resource => ({ id, name, type: 'vehicle', description: null, capacity: null, quantity: 1, location: null, needsApproval: false, timeZone: 'Asia/Manila', bufferBeforeMinutes: 0, bufferAfterMinutes: 0 });

function fakeApi(refuse: Record<string, ApiError>): ExtrasApi & { calls: string[] } {
  const calls: string[] = [];
  const run = async (name: string) => {
    calls.push(name);
    if (refuse[name]) throw refuse[name];
  };
  return {
    calls,
    addParticipant: async (_e, who) => run(`add ${who.name}`),
    removeParticipant: async (_e, id) => run(`remove ${id}`),
    cancelBooking: async (id) => run(`cancel ${id}`),
    requestBooking: async ({ resourceId }) => {
      await run(`book ${resourceId}`);
      if (resourceId !== 'series') return { id: 'b', resourceId, resourceName: '', entryId: 'e', recurrenceId: null, start: '', end: '', status: 'approved', canCancel: true };
      return { bookings: [], occurrences: [
        { recurrenceId: 'a', start: '2026-12-01T09:00:00+08:00', result: 'booked' },
        { recurrenceId: 'b', start: '2026-12-08T09:00:00+08:00', result: 'conflict' },
      ] };
    },
  };
}

describe('participants and bookings saved after the entry', () => {
  it('frees before it takes, and keeps only the failed steps with the server message', async () => {
    const api = fakeApi({ 'book van': new ApiError(409, 'Conflict', 'The resource is already booked then (booking 123).') });
    const extras = {
      invitees: [{ key: 'k1', name: 'Amina', userId: 'u1', role: 'required' as const }],
      removeParticipants: ['p9'],
      resources: [resource('van', 'Van'), resource('room', 'Room')],
      cancelBookings: ['b7'],
    };
    const out = await applyExtras('e1', extras, 'Asia/Manila', testIntl, api);
    expect(api.calls).toEqual(['cancel b7', 'remove p9', 'add Amina', 'book van', 'book room']);
    expect(out.left).toEqual({ ...NO_EXTRAS, resources: [extras.resources[0]] });
    expect(out.errors).toEqual({ van: 'The resource is already booked then (booking 123).' });
    expect([out.done, out.unauthorized]).toEqual([4, false]);
    expect(summarizeOutcome(out, 'Saved “Visit”.', testIntl)).toBe('Saved “Visit”. One change around it could not be made — see the messages below. Save again to retry them, or close to leave them out.');
  });

  it('reports the occurrences of a repeating entry that could not be booked, without calling it a failure', async () => {
    const out = await applyExtras('e1', { ...NO_EXTRAS, resources: [resource('series', 'Hilux')] }, 'Asia/Manila', testIntl, fakeApi({}));
    expect(out.errors).toEqual({});
    expect(hasExtras(out.left)).toBe(false);
    expect(out.reports.series).toBe('Hilux: Booked 1 of 2 occurrences; not booked: Tue 8 Dec, 09:00 (taken).');
  });

  it('notes a session that ended', async () => {
    const out = await applyExtras('e1', { ...NO_EXTRAS, removeParticipants: ['p1'] }, 'UTC', testIntl, fakeApi({ 'remove p1': new ApiError(401, 'Unauthorized') }));
    expect(out.unauthorized).toBe(true);
    expect(out.left.removeParticipants).toEqual(['p1']);
  });
});
