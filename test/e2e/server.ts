/**
 * The server a browser test talks to: the lead's startTestServer (API + web/dist on a fresh
 * database), or an already running instance named by KALENDARYO_E2E_URL with
 * KALENDARYO_E2E_EMAIL / KALENDARYO_E2E_PASSWORD (handy against `npm start`).
 */
import type { FastifyInstance } from 'fastify';
import { startTestServer } from '../support/server.js';
import { ensureWebBuild } from './browser.js';

export interface E2EServer {
  baseUrl: string;
  admin: { email: string; password: string };
  /** The app in this process (for what only the server knows, such as its signing key); absent against KALENDARYO_E2E_URL. */
  app?: FastifyInstance;
  close(): Promise<void>;
}

export async function startE2EServer(): Promise<E2EServer> {
  ensureWebBuild();
  const url = process.env.KALENDARYO_E2E_URL;
  const server: E2EServer = url
    ? { baseUrl: url.replace(/\/$/, ''), admin: { email: process.env.KALENDARYO_E2E_EMAIL ?? '', password: process.env.KALENDARYO_E2E_PASSWORD ?? '' }, close: async () => {} }
    : await startTestServer();
  const page = await fetch(`${server.baseUrl}/`);
  const body = await page.text();
  if (!body.includes('id="root"')) {
    await server.close();
    throw new Error(`GET / on the test server answered ${page.status} without the web app: is registerWebApp (src/http/static.ts) registered in buildApp?`);
  }
  return server;
}
