import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isWrappedKey, unwrapKey, wrapKey } from './key-wrap.js';

describe('a key kept wrapped under another', () => {
  const kek = randomBytes(32);
  const key = randomBytes(32);

  it('unwraps to the same key, and the blob does not contain it', () => {
    const blob = wrapKey(kek, key, 'signing');
    expect(isWrappedKey(blob, 32)).toBe(true);
    expect(blob.includes(key)).toBe(false);
    expect(unwrapKey(kek, blob, 'signing')?.equals(key)).toBe(true);
    expect(wrapKey(kek, key, 'signing').equals(blob)).toBe(false);
  });

  it('refuses another key-encryption key, another purpose, or a changed byte (null)', () => {
    const blob = wrapKey(kek, key, 'signing');
    expect(unwrapKey(randomBytes(32), blob, 'signing')).toBeNull();
    expect(unwrapKey(kek, blob, 'other')).toBeNull();
    const changed = Buffer.from(blob);
    changed[changed.length - 1]! ^= 1;
    expect(unwrapKey(kek, changed, 'signing')).toBeNull();
  });

  it('tells a key stored in clear from a wrapped one', () => {
    expect(isWrappedKey(key, 32)).toBe(false);
    expect(unwrapKey(kek, key, 'signing')).toBeNull();
  });
});
