import { describe, expect, it } from 'vitest';
import { textArray, timestampArray, uuidArray } from './array-literals.js';

describe('array literals', () => {
  it('writes ids and instants as PostgreSQL arrays', () => {
    expect(uuidArray([])).toBe('{}');
    expect(uuidArray(['5bdd5175-90c0-49d6-9cc2-1f0e55dcfdb8', 'D6379EFB-B30C-4F8D-AA04-69DB8FB9E399'])).toBe('{5bdd5175-90c0-49d6-9cc2-1f0e55dcfdb8,D6379EFB-B30C-4F8D-AA04-69DB8FB9E399}');
    expect(timestampArray([Date.UTC(2027, 2, 1), 1.5])).toBe('{2027-03-01T00:00:00.000Z,1970-01-01T00:00:00.001Z}');
  });

  it('quotes text so that PostgreSQL reads back exactly the strings given', () => {
    expect(textArray([])).toBe('{}');
    expect(textArray(['', 'a,b', 'say "hi"', 'back\\slash', null, 'NULL'])).toBe('{"","a,b","say \\"hi\\"","back\\\\slash",NULL,"NULL"}');
  });

  it('refuses anything but a uuid, which would otherwise be spliced into the literal', () => {
    for (const bad of ['x', '5bdd5175-90c0-49d6-9cc2-1f0e55dcfdb8,00000000-0000-0000-0000-000000000000', '"}', '']) {
      expect(() => uuidArray([bad])).toThrow(TypeError);
    }
  });
});
