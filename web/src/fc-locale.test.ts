import { describe, expect, it } from 'vitest';
import { testIntl } from './i18n/test-intl';
import { fullCalendarLocale, weekStartOf } from './fc-locale';

describe("FullCalendar's locale", () => {
  it('starts the week where the locale does', () => {
    expect(weekStartOf('en-GB')).toBe(1);
    expect(weekStartOf('en-PH')).toBe(0);
    expect(weekStartOf('fil')).toBe(0);
  });

  it('says "+N more" from the catalogue', () => {
    const locale = fullCalendarLocale(testIntl) as { moreLinkText: (n: number) => string; allDayText: string };
    expect(locale.moreLinkText(3)).toBe('+3 more');
    expect(locale.allDayText).toBe('All day');
  });
});
