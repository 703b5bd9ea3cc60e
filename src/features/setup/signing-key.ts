import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { ConfigError, type Config } from '../../config.js';
import { isWrappedKey, unwrapKey, wrapKey } from '../../core/signing/key-wrap.js';
import type { Db } from '../../db/client.js';
import { instanceKeys } from '../../db/schema/instance-keys.js';

const NAME = 'signing';
const KEY_BYTES = 32;
/** The file in DATA_DIR whose key encrypts the signing key kept in the database. */
export const KEY_FILE = 'instance-key';

/**
 * The key-encryption key from DATA_DIR/instance-key, made on first use (32 random bytes, base64,
 * readable by the owner only). Written under a temporary name and linked into place, so that two
 * processes starting at once agree on one file and never read a half-written one.
 */
function keyEncryptionKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new ConfigError([`${file}: not a key of ${KEY_BYTES} bytes in base64 (delete it only if no signing key is kept in the database yet)`]);
  return key;
}

/**
 * The key that signs RSVP links and QR codes. From SECRET_KEY when the operator sets one (so that
 * several app instances agree without sharing a database row they race to create; required with
 * NODE_ENV=production, config.ts). Otherwise made once at random and kept in the database — never
 * in clear: encrypted with the key in DATA_DIR/instance-key, so a dump or backup of the database
 * alone signs nothing. A key kept in clear by an older version is encrypted on the first start.
 */
export async function loadSigningKey(db: Db, config: Pick<Config, 'SECRET_KEY' | 'dataDir'>): Promise<Uint8Array> {
  if (config.SECRET_KEY) return createHash('sha256').update(`kalendaryo-signing\u0000${config.SECRET_KEY}`).digest();
  const kek = keyEncryptionKey(config.dataDir);
  await db.insert(instanceKeys).values({ name: NAME, key: wrapKey(kek, randomBytes(KEY_BYTES), NAME) }).onConflictDoNothing();
  const [row] = await db.select({ key: instanceKeys.key }).from(instanceKeys).where(eq(instanceKeys.name, NAME));
  const stored = Buffer.from(row!.key);
  if (!isWrappedKey(stored, KEY_BYTES)) {
    await db.update(instanceKeys).set({ key: wrapKey(kek, stored, NAME) }).where(and(eq(instanceKeys.name, NAME), eq(instanceKeys.key, stored)));
    return new Uint8Array(stored);
  }
  const key = unwrapKey(kek, stored, NAME);
  if (!key) {
    throw new ConfigError([
      `SECRET_KEY is unset and the signing key kept in the database was encrypted with another ${path.join(config.dataDir, KEY_FILE)}: ` +
        'put that file back (or point DATA_DIR at it), or set SECRET_KEY (links and codes signed before then stop working)',
    ]);
  }
  return new Uint8Array(key);
}
