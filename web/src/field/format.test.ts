import { describe, expect, it } from 'vitest';
import { addDays, dayHeading, dayKey, groupByDay, refreshedLabel, timeRange } from './format';

describe('field formats', () => {
  it('puts an instant on the day of the user zone', () => {
    expect(dayKey('2026-11-25T17:30:00Z', 'Asia/Manila')).toBe('2026-11-26');
    expect(dayKey('2026-11-25T17:30:00Z', 'UTC')).toBe('2026-11-25');
  });
  it('names today', () => {
    expect(dayHeading('2026-11-26', '2026-11-26')).toBe('Today · Thursday 26 November');
    expect(dayHeading('2026-11-27', '2026-11-26')).toBe('Friday 27 November');
  });
  it('shows times in the zone, all-day as such', () => {
    expect(timeRange('2026-11-25T01:00:00Z', '2026-11-25T02:30:00Z', false, 'Asia/Manila')).toBe('09:00–10:30');
    expect(timeRange('2026-11-25', null, true, 'Asia/Manila')).toBe('All day');
  });
  it('says when the data was refreshed', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(refreshedLabel(undefined, now)).toBe('Never refreshed on this device');
    expect(refreshedLabel('2026-11-25T09:50:00Z', now)).toMatch(/^Last refreshed 10 min ago/);
    expect(refreshedLabel('2026-11-24T09:50:00Z', now)).toMatch(/^Last refreshed at /);
  });
  it('groups consecutive items by day and steps days across months', () => {
    expect(groupByDay(['a1', 'a2', 'b1'], (s) => s[0]!)).toEqual([{ day: 'a', items: ['a1', 'a2'] }, { day: 'b', items: ['b1'] }]);
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
