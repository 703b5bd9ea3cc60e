import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { formatPeriod } from './period';

const gb = createIntl({ locale: 'en-GB', messages: en });
const us = createIntl({ locale: 'en-US', messages: en });
const fil = createIntl({ locale: 'fil', messages: en });
/** Intl puts thin and no-break spaces around range dashes; the words are what matter here. */
const period = (...args: Parameters<typeof formatPeriod>) => formatPeriod(...args).replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('the period in words', () => {
  it('names a week by its days, not by its month', () => {
    expect(period(gb, 'timeGridWeek', '2026-12-08', '2026-12-15')).toBe('8 – 14 December 2026');
    expect(period(us, 'timeGridWeek', '2026-12-08', '2026-12-15')).toBe('December 8 – 14, 2026');
  });

  it('names a week across months and years with both', () => {
    expect(period(gb, 'listWeek', '2026-12-28', '2027-01-04')).toBe('28 December 2026 – 3 January 2027');
  });

  it('names a day, a month and a year', () => {
    expect(period(gb, 'timeGridDay', '2026-12-08', '2026-12-09')).toBe('Tuesday, 8 December 2026');
    expect(period(gb, 'dayGridMonth', '2026-12-01', '2027-01-01')).toBe('December 2026');
    expect(period(gb, 'multiMonthYear', '2026-01-01', '2027-01-01')).toBe('2026');
  });

  it('speaks Filipino month and weekday names', () => {
    expect(period(fil, 'dayGridMonth', '2026-12-01', '2027-01-01')).toBe('Disyembre 2026');
    expect(period(fil, 'timeGridDay', '2026-12-08', '2026-12-09')).toMatch(/Martes/);
  });
});
