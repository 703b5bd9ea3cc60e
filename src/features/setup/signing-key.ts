import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { instanceKeys } from '../../db/schema/instance-keys.js';

const NAME = 'signing';

/**
 * The key that signs RSVP links and QR codes. From SECRET_KEY when the operator sets one (so that
 * several app instances agree without sharing a database row they race to create); otherwise made
 * once at random and kept in the database, so links stay valid across restarts.
 */
export async function loadSigningKey(db: Db, secret: string | undefined): Promise<Uint8Array> {
  if (secret) return createHash('sha256').update(`kalendaryo-signing\u0000${secret}`).digest();
  await db.insert(instanceKeys).values({ name: NAME, key: randomBytes(32) }).onConflictDoNothing();
  const [row] = await db.select({ key: instanceKeys.key }).from(instanceKeys).where(eq(instanceKeys.name, NAME));
  return new Uint8Array(row!.key);
}
