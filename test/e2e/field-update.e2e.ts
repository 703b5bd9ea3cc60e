/**
 * The "new version" prompt: web/dist copied to a folder served by its own web-app server, the page
 * controlled by the service worker, then a new sw.js deployed there. The page shows the update bar;
 * Reload hands control to the new worker and reloads once. And a push (delivered through Chromium's
 * DevTools protocol, as a push service would) is shown as a notification linking the entry.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerWebApp } from '../../src/http/static.js';
import { ensureWebBuild, launchBrowser, screenshot } from './browser.js';

const dist = fileURLToPath(new URL('../../web/dist', import.meta.url));
let folder: string;
let web: FastifyInstance;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  ensureWebBuild();
  folder = mkdtempSync(path.join(tmpdir(), 'kalendaryo-dist-'));
  cpSync(dist, folder, { recursive: true });
  // The copy's pre-compressed sw.js would hide the change below: serve the plain file.
  rmSync(path.join(folder, 'sw.js.gz'), { force: true });
  rmSync(path.join(folder, 'sw.js.br'), { force: true });
  web = Fastify();
  await registerWebApp(web, { distDir: folder });
  baseUrl = await web.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

it('offers the new version and switches to it on Reload', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/field`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const before = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL);
  expect(before).toBe(`${baseUrl}/sw.js`);
  expect(await page.locator('#sw-update').count()).toBe(0);

  appendFileSync(path.join(folder, 'sw.js'), '\n// the next deploy\n');
  await page.reload();
  const bar = page.getByRole('status').filter({ hasText: 'A new version of Kalendaryo is available.' });
  await bar.waitFor();
  await screenshot(page, 'e2e-field-update-prompt');
  const reloaded = page.waitForEvent('load');
  await bar.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await expect.poll(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return Boolean(reg?.active && !reg.waiting);
  })).toBe(true);
  expect(await page.locator('#sw-update').count()).toBe(0);
  await context.close();
});

it('shows a push as a notification that opens the entry in the field app', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.grantPermissions(['notifications'], { origin: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/field`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }: { registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }> }) => {
      const live = registrations.find((r) => r.scopeURL === `${baseUrl}/` && !r.isDeleted);
      if (live) resolve(live.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const entryId = '0b0e7c56-4f1a-4c7e-9a55-3d2b1f0e9a11';
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: baseUrl, registrationId: await registrationId,
    data: JSON.stringify({ id: 'n1', type: 'reminder', title: 'Reminder: Barangay assembly', body: 'Tomorrow 09:00', url: `https://kalendaryo.example/?entry=${entryId}` }),
  });
  await expect.poll(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return (await reg!.getNotifications()).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url: string }).url }));
  })).toEqual([{ title: 'Reminder: Barangay assembly', body: 'Tomorrow 09:00', url: `/field/entry/${entryId}` }]);
  await context.close();
});
