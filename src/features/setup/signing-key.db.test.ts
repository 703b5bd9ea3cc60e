import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { ConfigError, loadConfig } from '../../config.js';
import { KEY_FILE, loadSigningKey } from './signing-key.js';

describe('the signing key', () => {
  let testDb: TestDatabase;
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kalendaryo-key-'));
    dirs.push(dir);
    return dir;
  };
  const stored = async () => (await testDb.database.query<{ key: Buffer }>(`select key from instance_keys where name = 'signing'`))[0]?.key ?? null;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  beforeEach(async () => {
    await testDb.database.query('delete from instance_keys');
  });
  afterAll(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await testDb.drop();
  });

  it('is made once, kept in the database only encrypted with the key file in DATA_DIR, and the same on every start', async () => {
    const config = { SECRET_KEY: undefined, dataDir: dataDir() };
    const first = await loadSigningKey(testDb.database.db, config);
    const second = await loadSigningKey(testDb.database.db, config);
    expect(first).toHaveLength(32);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const row = (await stored())!;
    expect(row.includes(Buffer.from(first))).toBe(false);
    expect(statSync(path.join(config.dataDir, KEY_FILE)).mode & 0o077).toBe(0);
  });

  it('encrypts a key an older version kept in clear, and keeps signing with it', async () => {
    const clear = randomBytes(32);
    await testDb.database.query(`insert into instance_keys (name, key) values ('signing', $1)`, [clear]);
    const config = { SECRET_KEY: undefined, dataDir: dataDir() };
    expect(Buffer.from(await loadSigningKey(testDb.database.db, config)).equals(clear)).toBe(true);
    expect((await stored())!.includes(clear)).toBe(false);
    expect(Buffer.from(await loadSigningKey(testDb.database.db, config)).equals(clear)).toBe(true);
  });

  it('refuses to start with another key file than the one the key was encrypted with, naming SECRET_KEY', async () => {
    await loadSigningKey(testDb.database.db, { SECRET_KEY: undefined, dataDir: dataDir() });
    await expect(loadSigningKey(testDb.database.db, { SECRET_KEY: undefined, dataDir: dataDir() })).rejects.toThrow(ConfigError);
    await expect(loadSigningKey(testDb.database.db, { SECRET_KEY: undefined, dataDir: dataDir() })).rejects.toThrow(/SECRET_KEY is unset .* put that file back/);
  });

  it('comes from SECRET_KEY when set, so several instances agree, and then keeps nothing in the database', async () => {
    const secret = 'x'.repeat(40);
    const fromSecret = await loadSigningKey(testDb.database.db, { SECRET_KEY: secret, dataDir: dataDir() });
    expect(Buffer.from(fromSecret).equals(Buffer.from(await loadSigningKey(testDb.database.db, { SECRET_KEY: secret, dataDir: dataDir() })))).toBe(true);
    expect(await stored()).toBeNull();
  });

  it('is required as SECRET_KEY in production: the configuration is refused without it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_KEY \(unset\): is required when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'y'.repeat(40) }).SECRET_KEY).toBe('y'.repeat(40));
  });
});
