import type { FastifyInstance } from 'fastify';
import { createTestApp } from './app.js';

/** The API (and the built web app, when web/dist exists) listening on 127.0.0.1 with a fresh database, for browser tests. */
export async function startTestServer(): Promise<{ baseUrl: string; admin: { email: string; password: string }; app: FastifyInstance; close(): Promise<void> }> {
  const testApp = await createTestApp();
  const address = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  return { baseUrl: address, admin: testApp.admin, app: testApp.app, close: () => testApp.close() };
}
