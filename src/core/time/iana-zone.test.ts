import { describe, expect, it } from 'vitest';
import { fixedOffsetZone, ianaZone, isIanaZone, UTC_ZONE } from './iana-zone.js';
import { formatInstantInZone, formatLocalWithOffset, parseInstant, parseLocalDateTime } from './local.js';

// Intl is the independent oracle for offsets.
function intlOffsetMs(zone: string, epochMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(epochMs / 1000) * 1000;
}

const at = (zone: string, text: string) => formatInstantInZone(ianaZone(zone).epochMsOf(parseLocalDateTime(text)), ianaZone(zone));

describe('IANA zones', () => {
  it('give the same offsets as Intl at random instants 1970–2060', () => {
    for (const id of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Manila', 'America/Santiago', 'Asia/Tehran']) {
      const zone = ianaZone(id);
      for (let i = 0; i < 300; i++) {
        const t = Math.floor(Math.random() * 2_840_000_000) * 1000;
        expect(zone.offsetMsAt(t), `${id} at ${new Date(t).toISOString()}`).toBe(intlOffsetMs(id, t));
      }
    }
  });

  it('move a time in a spring-forward gap forward by the gap (RFC 5545 §3.3.5)', () => {
    expect(at('America/New_York', '2025-03-09T02:30:00')).toBe('2025-03-09T03:30:00-04:00');
    expect(at('Europe/Berlin', '2025-03-30T02:00:00')).toBe('2025-03-30T03:00:00+02:00');
    expect(at('Australia/Lord_Howe', '2025-10-05T02:15:00')).toBe('2025-10-05T02:45:00+11:00');
  });

  it('read a time in a fall-back overlap as its first occurrence', () => {
    expect(at('America/New_York', '2025-11-02T01:30:00')).toBe('2025-11-02T01:30:00-04:00');
    expect(at('Europe/Berlin', '2025-10-26T02:30:00')).toBe('2025-10-26T02:30:00+02:00');
    expect(at('Australia/Lord_Howe', '2026-04-05T01:45:00')).toBe('2026-04-05T01:45:00+11:00');
  });

  it('leave ordinary times alone, far in the future too', () => {
    expect(at('Asia/Manila', '2025-06-01T09:00:00')).toBe('2025-06-01T09:00:00+08:00');
    expect(at('America/New_York', '2099-07-04T12:00:00')).toBe('2099-07-04T12:00:00-04:00');
  });

  it('refuse unknown names and offsets', () => {
    expect(() => ianaZone('Mars/Olympus')).toThrow(RangeError);
    expect(isIanaZone('+08:00')).toBe(false);
    expect(isIanaZone('Asia/Manila')).toBe(true);
    expect(ianaZone('UTC')).toBe(UTC_ZONE);
  });

  it('format and parse the API forms', () => {
    expect(formatLocalWithOffset(parseLocalDateTime('2025-03-09T03:30:00'), -4 * 3_600_000)).toBe('2025-03-09T03:30:00-04:00');
    expect(formatInstantInZone(0, UTC_ZONE)).toBe('1970-01-01T00:00:00+00:00');
    expect(parseInstant('2025-03-09T07:30:00Z')).toBe(Date.UTC(2025, 2, 9, 7, 30));
    expect(parseInstant('20250309T073000Z')).toBe(Date.UTC(2025, 2, 9, 7, 30));
    expect(parseInstant('2025-03-09T03:30:00-04:00')).toBe(Date.UTC(2025, 2, 9, 7, 30));
    expect(parseInstant('2025-03-09T03:30:00')).toBeNull();
    expect(() => parseLocalDateTime('2025-02-29T00:00:00')).toThrow(RangeError);
    expect(fixedOffsetZone('X', 3_600_000).epochMsOf(parseLocalDateTime('2025-01-01T01:00:00'))).toBe(Date.UTC(2025, 0, 1));
  });
});
