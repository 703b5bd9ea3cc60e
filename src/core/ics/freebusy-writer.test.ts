import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { freeBusyText } from './freebusy-writer.js';

const at = (hhmm: string) => Date.parse(`2026-03-02T${hhmm}:00Z`);

describe('freeBusyText', () => {
  it('writes merged busy and tentative periods clipped to the range, in UTC, that ical.js reads', () => {
    const text = freeBusyText(
      { startMs: at('08:00'), endMs: at('18:00') },
      [{ startMs: at('07:00'), endMs: at('09:00') }, { startMs: at('08:30'), endMs: at('10:00') }, { startMs: at('12:00'), endMs: at('13:00') }],
      [{ startMs: at('12:15'), endMs: at('12:45') }, { startMs: at('15:00'), endMs: at('16:00') }],
      at('00:00'),
    );
    const vfreebusy = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vfreebusy')!;
    const periods = vfreebusy.getAllProperties('freebusy').map((p) => [p.getParameter('fbtype'), String(p.getFirstValue())]);
    expect(periods).toEqual([
      ['BUSY', '2026-03-02T08:00:00Z/2026-03-02T10:00:00Z'],
      ['BUSY-TENTATIVE', '2026-03-02T15:00:00Z/2026-03-02T16:00:00Z'],
    ]);
    expect(text.replace(/\r\n /g, '')).toContain('FREEBUSY;FBTYPE=BUSY:20260302T080000Z/20260302T100000Z,20260302T120000Z/20260302T130000Z');
  });

  it('says nothing is busy with no FREEBUSY line', () => {
    expect(freeBusyText({ startMs: at('08:00'), endMs: at('09:00') }, [], [], 0)).not.toContain('FREEBUSY;');
  });
});
