import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.js';
import type { Role } from '../../src/db/schema/users.js';
import { bootstrap } from '../../src/features/setup/bootstrap.js';
import { createUser } from '../../src/features/users/create-user.js';
import { buildApp } from '../../src/app.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface TestApp {
  app: FastifyInstance;
  testDb: TestDatabase;
  organizationId: string;
  admin: { email: string; password: string };
  /** Creates a user (with personal calendar) and returns a signed-in session for them. */
  userSession(role: Role, email?: string): Promise<Session & { email: string; password: string }>;
  login(email: string, password: string): Promise<Session>;
  /** app.inject with the session's cookie and CSRF header. */
  as(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

/** The configuration of an app under test; DATA_DIR holds the key file that encrypts the signing key each test database keeps: outside the repository. */
export const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '20', DATA_DIR: path.join(os.tmpdir(), 'kalendaryo-test-data'), ...env });

export async function createTestApp(env: Record<string, string> = {}, options: { logger?: object } = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = testConfig(env);
  const setup = await bootstrap(testDb.database.db, { adminEmail: 'admin@test.local' });
  const admin = { email: 'admin@test.local', password: setup.createdAdmin!.password };
  // TEST_LOG=1 shows server errors while debugging a test.
  const app = await buildApp({ database: testDb.database, config, logger: options.logger ?? (process.env.TEST_LOG ? { level: 'error' } : false) });
  await app.ready();

  async function login(email: string, password: string): Promise<Session> {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'kal_session')!;
    const body = response.json() as { csrfToken: string; user: { id: string } };
    return { cookie: `kal_session=${cookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
  }

  return {
    app,
    testDb,
    organizationId: setup.organizationId,
    admin,
    login,
    async userSession(role, email) {
      const address = email ?? `${role}${++counter}@test.local`;
      const password = 'correct horse battery';
      await testDb.database.db.transaction((tx) =>
        createUser(tx, { organizationId: setup.organizationId, email: address, name: `Test ${role} ${counter}`, role, password }),
      );
      return { ...(await login(address, password)), email: address, password };
    },
    as(session, options) {
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      if (session) {
        headers.cookie = session.cookie;
        headers['x-csrf-token'] = session.csrfToken;
      }
      return app.inject({ ...options, headers });
    },
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
