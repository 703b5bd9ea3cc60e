import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A key kept encrypted under another (AES-256-GCM): version byte 1, 12-byte IV, 16-byte tag, then
 * the ciphertext. The purpose is authenticated too, so a blob made for one key is not accepted as
 * another's. Used for the link-signing key kept in the database (features/setup/signing-key.ts).
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function wrapKey(kek: Uint8Array, key: Uint8Array, purpose: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** Whether a stored value is a wrapped key (else: a key stored in clear before keys were wrapped). */
export const isWrappedKey = (blob: Uint8Array, keyBytes: number): boolean => blob.length === 1 + IV_BYTES + TAG_BYTES + keyBytes && blob[0] === VERSION;

/** The key, or null when the blob was not made with this key-encryption key and purpose (or was changed). */
export function unwrapKey(kek: Uint8Array, blob: Uint8Array, purpose: string): Buffer | null {
  const data = Buffer.from(blob);
  if (data[0] !== VERSION || data.length <= 1 + IV_BYTES + TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', kek, data.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
