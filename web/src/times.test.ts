import { describe, expect, it } from 'vitest';
import { addDays, addMinutesToWall, isoToWall, nextWholeHour, wallToIso } from './times';

describe('wall time in a zone', () => {
  it('reads a Manila wall time as +08:00', () => {
    expect(wallToIso('2026-11-25T09:00', 'Asia/Manila')).toBe('2026-11-25T09:00:00+08:00');
  });

  it('keeps 09:00 at 09:00 on both sides of a DST change', () => {
    expect(wallToIso('2026-03-07T09:00', 'America/New_York')).toBe('2026-03-07T09:00:00-05:00');
    expect(wallToIso('2026-03-09T09:00', 'America/New_York')).toBe('2026-03-09T09:00:00-04:00');
  });

  it('moves a wall time skipped by DST forward', () => {
    expect(wallToIso('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
  });

  it('shows an instant in the zone asked for', () => {
    expect(isoToWall('2026-11-25T01:00:00Z', 'Asia/Manila')).toBe('2026-11-25T09:00');
    expect(isoToWall('2026-11-25T09:00:00+08:00', 'Europe/London')).toBe('2026-11-25T01:00');
  });

  it('round-trips random wall times through instants where the zone has no gap', () => {
    let s = 11;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const ms = Date.UTC(2020, 0, 1) + Math.floor(rnd() * 3e11);
      const wall = new Date(ms).toISOString().slice(0, 16);
      expect(isoToWall(wallToIso(wall, 'Asia/Manila'), 'Asia/Manila')).toBe(wall);
    }
  });

  it('does date and minute arithmetic across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMinutesToWall('2026-12-31T23:30', 60)).toBe('2027-01-01T00:30');
  });

  it('starts a new entry at the next whole hour in the user zone', () => {
    expect(nextWholeHour('Asia/Manila', Date.parse('2026-11-25T01:20:00Z'))).toBe('2026-11-25T10:00');
  });
});
