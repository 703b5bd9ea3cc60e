import { describe, expect, it } from 'vitest';
import { Problem } from './problem.js';
import { expectedVersionOf, matchesNoneMatch } from './conditional.js';

describe('If-Match', () => {
  it('reads our ETags, weak or bare, and treats absent or * as unconditional', () => {
    expect(expectedVersionOf('"3"')).toBe(3);
    expect(expectedVersionOf('W/"12"')).toBe(12);
    expect(expectedVersionOf(' 7 ')).toBe(7);
    expect(expectedVersionOf(undefined)).toBeNull();
    expect(expectedVersionOf('*')).toBeNull();
  });

  it('refuses anything else with 400 naming the header, instead of ignoring the condition', () => {
    for (const bad of ['"abc"', '"1", "2"', '', '"12345678901"']) {
      expect(() => expectedVersionOf(bad)).toThrow(Problem);
      try {
        expectedVersionOf(bad);
      } catch (error) {
        expect((error as Problem).status).toBe(400);
        expect((error as Problem).errors[0]!.field).toBe('If-Match');
      }
    }
  });
});

describe('If-None-Match', () => {
  it('matches the ETag weakly, in a list, or as *; nothing else', () => {
    expect(matchesNoneMatch('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesNoneMatch('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesNoneMatch('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesNoneMatch('*', 'W/"abc"')).toBe(true);
    expect(matchesNoneMatch('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesNoneMatch(undefined, 'W/"abc"')).toBe(false);
    expect(matchesNoneMatch('', 'W/"abc"')).toBe(false);
  });
});
