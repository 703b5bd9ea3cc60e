import { describe, expect, it } from 'vitest';
import { eventTimes } from './event-times';

describe('times of a moved event', () => {
  it('keeps a timed move as instants', () => {
    expect(eventTimes({ startStr: '2026-11-26T09:00:00+08:00', endStr: '2026-11-26T10:30:00+08:00', allDay: false }, 'Asia/Manila'))
      .toEqual({ allDay: false, start: '2026-11-26T09:00:00+08:00', end: '2026-11-26T10:30:00+08:00' });
  });

  it('gives an all-day event dropped on one day an exclusive next-day end', () => {
    expect(eventTimes({ startStr: '2026-11-26', endStr: '', allDay: true }, 'Asia/Manila'))
      .toEqual({ allDay: true, start: '2026-11-26', end: '2026-11-27' });
  });

  it('gives an all-day event dropped on a time slot one hour', () => {
    expect(eventTimes({ startStr: '2026-11-26T14:00:00+08:00', endStr: '', allDay: false }, 'Asia/Manila'))
      .toEqual({ allDay: false, start: '2026-11-26T14:00:00+08:00', end: '2026-11-26T15:00:00+08:00' });
  });
});
