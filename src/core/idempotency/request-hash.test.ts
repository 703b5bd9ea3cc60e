import { describe, expect, it } from 'vitest';
import { isSameRequest, requestHash } from './request-hash.js';

describe('the request hash an idempotency key is stored with', () => {
  it('is the same for the same body whatever the order of its keys, and leaves undefined fields out', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(requestHash({ a: 1, note: undefined })).toBe(requestHash({ a: 1 }));
  });

  it('differs when any value differs, including the order of a list', () => {
    const base = requestHash({ entryId: 'e', units: 1 });
    expect(requestHash({ entryId: 'e', units: 2 })).not.toBe(base);
    expect(requestHash({ entryId: 'f', units: 1 })).not.toBe(base);
    expect(requestHash({ list: [1, 2] })).not.toBe(requestHash({ list: [2, 1] }));
    expect(requestHash({ a: null })).not.toBe(requestHash({}));
  });

  it('matches a key stored before hashes were kept, and otherwise only the same hash', () => {
    expect(isSameRequest(null, 'h')).toBe(true);
    expect(isSameRequest('h', 'h')).toBe(true);
    expect(isSameRequest('g', 'h')).toBe(false);
  });
});
