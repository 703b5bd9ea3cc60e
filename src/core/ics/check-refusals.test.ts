import { describe, expect, it } from 'vitest';
import { calendar, check, event } from './test-helpers.js';

/** Line numbers below count from 1: BEGIN:VCALENDAR, VERSION, PRODID, then the listed lines from 4. */
async function refusal(text: string) {
  const r = await check(text);
  if (r.valid) throw new Error('the file was accepted');
  return r;
}

describe('ics check refuses a file and names the line at fault', () => {
  it('an unclosed VEVENT: its BEGIN line', async () => {
    const text = calendar(...event('UID:a', 'DTSTART:20260101T000000Z'), 'BEGIN:VEVENT', 'UID:b', 'DTSTART:20260102T000000Z');
    expect(await refusal(text)).toMatchObject({ line: 8 });
  });

  it('a file cut short: the BEGIN of the innermost open component', async () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a', 'DTSTART:2026'].join('\r\n');
    expect(await refusal(text)).toMatchObject({ line: 3 });
  });

  it('a content line without ":": that line, even inside a folded neighbour', async () => {
    const text = calendar(...event('UID:a', 'DESCRIPTION:first', ' still first', 'second part without colon', 'DTSTART:20260101T000000Z'));
    expect(await refusal(text)).toMatchObject({ line: 8 });
  });

  it('a date that does not exist: the property line', async () => {
    const r = await refusal(calendar(...event('UID:a', 'DTSTART;TZID=Singapore Standard Time:20250230T090000')));
    expect(r.line).toBe(6);
    expect(r.reason).toMatch(/February 2025 has no day 30/);
  });

  it('an RRULE part out of range: the RRULE line', async () => {
    expect(await refusal(calendar(...event('UID:a', 'DTSTART:20260101T000000Z', 'RRULE:FREQ=WEEKLY;BYDAY=XX')))).toMatchObject({ line: 7 });
    expect(await refusal(calendar(...event('UID:a', 'DTSTART:20260101T000000Z', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=32')))).toMatchObject({ line: 7 });
  });

  it('DTEND before DTSTART compared as instants across zones: the DTEND line', async () => {
    const ok = calendar(...event('UID:a', 'DTSTART;TZID=Europe/London:20260210T080000', 'DTEND;TZID=Asia/Manila:20260210T170000'));
    expect((await check(ok)).valid).toBe(true);
    const bad = calendar(...event('UID:a', 'DTEND;TZID=Asia/Manila:20260210T130000', 'DTSTART;TZID=Europe/London:20260210T080000'));
    expect(await refusal(bad)).toMatchObject({ line: 6 });
  });

  it('a TZID that is neither IANA nor Windows and has no VTIMEZONE: the first line using it', async () => {
    const text = calendar(...event('UID:a', 'SUMMARY:x', 'DTSTART;TZID=Asia/Cotabato:20260205T170000', 'DTEND;TZID=Asia/Cotabato:20260205T180000'));
    expect(await refusal(text)).toMatchObject({ line: 7, reason: expect.stringMatching(/Asia\/Cotabato/) });
  });

  it('accepts that same TZID when a VTIMEZONE later in the file defines it', async () => {
    const text = calendar(...event('UID:a', 'DTSTART;TZID=Asia/Cotabato:20260205T170000'),
      'BEGIN:VTIMEZONE', 'TZID:Asia/Cotabato', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'END:STANDARD', 'END:VTIMEZONE');
    expect(await check(text)).toMatchObject({ valid: true, occurrences: [{ start: '2026-02-05T17:00:00+08:00' }] });
  });

  it('components nested deeper than the limit, never a crash', async () => {
    const deep = calendar(...Array.from({ length: 20 }, () => 'BEGIN:X-DEEP'));
    expect((await refusal(deep)).reason).toMatch(/deeper than the limit/);
  });

  it('content before BEGIN:VCALENDAR, or no calendar at all', async () => {
    expect(await refusal('SUMMARY:x\r\n')).toMatchObject({ line: 1 });
    expect(await refusal('')).toMatchObject({ line: 1 });
  });
});
