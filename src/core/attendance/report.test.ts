import { describe, expect, it } from 'vitest';
import { checkReportValues } from './report-fields.js';
import { attendanceFigures, effectiveRsvp, groupCounts, ZERO_COUNTS } from './report.js';

describe('attendance figures', () => {
  it('counts the rate over invited people only, walk-ins apart', () => {
    const f = attendanceFigures({ ...ZERO_COUNTS, invited: 8, going: 6, attended: 7, walkIns: 2, expected: 6 });
    expect(f).toMatchObject({ attendedInvited: 5, rate: 0.625, difference: 1 });
  });

  it('gives no rate when nobody was invited', () => {
    expect(attendanceFigures({ ...ZERO_COUNTS, attended: 3, walkIns: 3 }).rate).toBeNull();
  });

  it('sums groups and their rate from the sums, not an average of rates', () => {
    const rows = [
      { m: 'a', c: { ...ZERO_COUNTS, invited: 10, attended: 10 } },
      { m: 'a', c: { ...ZERO_COUNTS, invited: 90, attended: 0 } },
      { m: 'b', c: { ...ZERO_COUNTS, invited: 1, attended: 1 } },
    ];
    const groups = groupCounts(rows, (r) => r.m, (r) => r.c);
    expect(groups.map((g) => [g.key, g.occurrences, g.figures.rate])).toEqual([['a', 2, 0.1], ['b', 1, 1]]);
  });

  it('lets an occurrence answer win over the series answer', () => {
    expect(effectiveRsvp('going', 'declined')).toBe('declined');
    expect(effectiveRsvp('maybe', null)).toBe('maybe');
  });
});

describe('report fields', () => {
  const defs = [
    { key: 'sex', label: 'Sex', type: 'select' as const, options: ['female', 'male'], required: true },
    { key: 'age', label: 'Age', type: 'number' as const, options: [], required: false },
  ];
  it('accepts values that fit their definitions', () => {
    expect(checkReportValues(defs, { sex: 'female', age: 31 })).toEqual([]);
  });
  it('names each field at fault: missing, unknown, wrong option, wrong type', () => {
    expect(checkReportValues(defs, { sector: 'x', age: 'old' }).map((e) => e.field).sort()).toEqual(['reportValues.age', 'reportValues.sector', 'reportValues.sex']);
    expect(checkReportValues(defs, { sex: 'other' })[0]!.message).toBe('must be one of: female, male');
  });
});
