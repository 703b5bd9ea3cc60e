import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { loadSigningKey } from './signing-key.js';

describe('the signing key', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => testDb.drop());

  it('is made once and then the same on every start, so links stay valid across restarts', async () => {
    const first = await loadSigningKey(testDb.database.db, undefined);
    const second = await loadSigningKey(testDb.database.db, undefined);
    expect(first).toHaveLength(32);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('comes from SECRET_KEY when set, so several instances agree', async () => {
    const secret = 'x'.repeat(40);
    const fromSecret = await loadSigningKey(testDb.database.db, secret);
    const stored = await loadSigningKey(testDb.database.db, undefined);
    expect(Buffer.from(fromSecret).equals(Buffer.from(await loadSigningKey(testDb.database.db, secret)))).toBe(true);
    expect(Buffer.from(fromSecret).equals(Buffer.from(stored))).toBe(false);
  });
});
