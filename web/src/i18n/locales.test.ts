import { describe, expect, it } from 'vitest';
import { chooseCatalogue, formatLocaleFor, matchCatalogue } from './locales';

const AVAILABLE = ['en', 'fil', 'mdh'];

describe('choosing the language', () => {
  it('matches regional and alias tags to a catalogue', () => {
    expect(matchCatalogue('fil-PH', AVAILABLE)).toBe('fil');
    expect(matchCatalogue('tl', AVAILABLE)).toBe('fil');
    expect(matchCatalogue('en-GB', AVAILABLE)).toBe('en');
    expect(matchCatalogue('MDH', AVAILABLE)).toBe('mdh');
    expect(matchCatalogue('de-DE', AVAILABLE)).toBeNull();
  });

  it('prefers the setting, then the stored choice, then the browser, then English', () => {
    expect(chooseCatalogue({ setting: 'fil', stored: 'en', browser: ['en-US'] }, AVAILABLE)).toBe('fil');
    expect(chooseCatalogue({ stored: 'fil', browser: ['en-US'] }, AVAILABLE)).toBe('fil');
    expect(chooseCatalogue({ stored: 'xx', browser: ['de', 'tl-PH', 'en'] }, AVAILABLE)).toBe('fil');
    expect(chooseCatalogue({ browser: ['de', 'ja'] }, AVAILABLE)).toBe('en');
  });

  it('formats in the browser\'s regional variant of the chosen language', () => {
    expect(formatLocaleFor('en', ['en-PH', 'fil'])).toBe('en-PH');
    expect(formatLocaleFor('en', ['fil-PH'])).toBe('en');
    expect(formatLocaleFor('fil', ['tl-PH', 'en'])).toBe('fil-PH');
    expect(formatLocaleFor('fil', ['en-US'])).toBe('fil');
  });
});
