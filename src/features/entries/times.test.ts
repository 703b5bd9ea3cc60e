import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { resolveEntryTimes } from './times.js';

const base = { allDay: false, rrule: null, rdate: [], exdate: [] };

describe('entry times', () => {
  it('reads date-times exactly as Temporal does, over random forms, offsets and zones', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const zones = ['Asia/Manila', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'UTC'];
    for (let i = 0; i < 3000; i++) {
      const offset = rnd(3) === 0 ? 'Z' : `${rnd(2) ? '+' : '-'}${pad(rnd(15))}:${pad(rnd(4) * 15)}`;
      const seconds = rnd(3) === 0 ? '' : `:${pad(rnd(60))}${rnd(4) === 0 ? `.${String(rnd(1_000_000)).padStart(1 + rnd(6), '0')}` : ''}`;
      const text = `${1990 + rnd(60)}-${pad(1 + rnd(12))}-${pad(1 + rnd(28))}T${pad(rnd(24))}:${pad(rnd(60))}${seconds}${offset}`;
      const timeZone = zones[rnd(zones.length)]!;
      const times = resolveEntryTimes({ ...base, start: text, end: text, timeZone });
      const instant = Temporal.Instant.from(text);
      expect(times.startAt.getTime(), text).toBe(instant.epochMilliseconds);
    }
  });

  it('puts an all-day entry at the start of its dates in its zone, even where midnight does not exist', () => {
    const times = resolveEntryTimes({ ...base, allDay: true, start: '2026-09-06', end: '2026-09-07', timeZone: 'America/Santiago' });
    expect(times.startAt.getTime()).toBe(Temporal.PlainDate.from('2026-09-06').toZonedDateTime('America/Santiago').epochMilliseconds);
    expect(times.startDate).toBe('2026-09-06');
  });

  it('refuses dates and times that do not exist, naming the field', () => {
    expect(() => resolveEntryTimes({ ...base, start: '2026-02-30T09:00:00+08:00', end: '2026-03-01T09:00:00+08:00', timeZone: 'UTC' })).toThrow(/start/);
    expect(() => resolveEntryTimes({ ...base, allDay: true, start: '2026-02-29', end: '2026-03-02', timeZone: 'UTC' })).toThrow(/2026-02-29 is not a date that exists/);
    expect(() => resolveEntryTimes({ ...base, start: '2026-03-01T10:00:00+08:00', end: '2026-03-01T09:00:00+08:00', timeZone: 'UTC' })).toThrow(/end/);
  });
});
