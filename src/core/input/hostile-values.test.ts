import { describe, expect, it } from 'vitest';
import { fieldName, findHostileValue, MAX_INPUT_DEPTH } from './hostile-values.js';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('finding hostile values', () => {
  it('finds a NUL in a string, an array item or a key, and names where', () => {
    expect(findHostileValue({ title: 'ok', details: { note: 'a\u0000b' } })).toEqual({ kind: 'nul', path: ['details', 'note'] });
    expect(findHostileValue({ tags: ['x', 'y\u0000'] })).toEqual({ kind: 'nul', path: ['tags', 1] });
    expect(findHostileValue({ details: { 'k\u0000': 1 } })).toEqual({ kind: 'nul', path: ['details', 'k\\u0000'] });
    expect(findHostileValue('\u0000')).toEqual({ kind: 'nul', path: [] });
  });

  it('finds nesting past the limit without overflowing the stack, even 100,000 deep', () => {
    expect(findHostileValue(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(findHostileValue({ details: nested(100_000) })).toMatchObject({ kind: 'depth' });
    expect(fieldName(findHostileValue({ details: nested(100_000) })!.path)).toBe('details.a.a.a.a.a…');
  });

  it('passes ordinary input, numbers, booleans and null', () => {
    expect(findHostileValue({ title: 'Barangay assembly', n: 1, ok: true, none: null, list: [{ a: [1, 2] }] })).toBeNull();
    expect(fieldName([])).toBe('(body)');
  });
});
