import { describe, expect, it } from 'vitest';
import { parseContentLine } from './content-line.js';
import { unescapeText } from './values.js';

describe('content lines', () => {
  it('reads quoted parameter values holding ":", ";" and ","', () => {
    const cl = parseContentLine({ line: 7, text: 'ATTENDEE;CN="Usman, Norhaida";ROLE=REQ-PARTICIPANT:mailto:n.usman@example.org' });
    expect(cl).toMatchObject({ name: 'ATTENDEE', value: 'mailto:n.usman@example.org', line: 7 });
    expect(cl.params.CN).toEqual(['Usman, Norhaida']);
    const alt = parseContentLine({ line: 1, text: 'DESCRIPTION;ALTREP="https://x.example/a?id=4;lang=fil":Mga dadalo: MBHTE' });
    expect(alt.params.ALTREP).toEqual(['https://x.example/a?id=4;lang=fil']);
    expect(alt.value).toBe('Mga dadalo: MBHTE');
  });

  it('reads multi-valued parameters and upper-cases names', () => {
    const cl = parseContentLine({ line: 1, text: 'attendee;delegated-from="mailto:a@x","mailto:b@x":mailto:c@x' });
    expect(cl.name).toBe('ATTENDEE');
    expect(cl.params['DELEGATED-FROM']).toEqual(['mailto:a@x', 'mailto:b@x']);
  });

  it('refuses a line without ":" at that line', () => {
    expect(() => parseContentLine({ line: 25, text: 'SUMMARY Pulong ng mga kawani' })).toThrow(expect.objectContaining({ line: 25 }));
    expect(() => parseContentLine({ line: 3, text: 'utes).' })).toThrow(expect.objectContaining({ line: 3 }));
  });

  it('refuses a NUL character at its line (PostgreSQL text cannot hold one)', () => {
    expect(() => parseContentLine({ line: 9, text: 'SUMMARY:Bad\u0000title' })).toThrow(expect.objectContaining({ line: 9, message: expect.stringContaining('NUL') }));
  });
});

describe('TEXT unescaping', () => {
  it('works left to right: \\\\n is a backslash and "n", \\n a line break', () => {
    expect(unescapeText('a\\\\new\\nb\\, c\\; d\\N')).toBe('a\\new\nb, c; d\n');
  });
});
