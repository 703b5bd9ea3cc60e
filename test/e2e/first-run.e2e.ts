/** An empty organisation guides its admin: create a calendar, or load the demo data (fresh server). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api-session.js';
import { axeViolations, launchBrowser, screenshot, signIn } from './browser.js';
import { startE2EServer, type E2EServer } from './server.js';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2EServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the first run of an empty organisation', () => {
  it('shows the guide, creates a calendar, loads the demo, and then the guide is gone', { timeout: 180_000 }, async (ctx) => {
    const api = await apiSession(server.baseUrl, server.admin.email, server.admin.password);
    const status = await api.call<{ entries: number }>('GET', '/api/v1/admin/demo');
    if (status.body.entries > 0) ctx.skip(); // a long-lived server (KALENDARYO_E2E_URL) is not empty
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, server.baseUrl, server.admin.email, server.admin.password);
    const guide = page.getByRole('region', { name: 'Your organisation has no entries yet' });
    await guide.waitFor();
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'e2e-first-run-guide');

    await guide.getByLabel('Create a calendar').fill('Field visits');
    await guide.getByRole('button', { name: 'Create' }).click();
    await guide.getByRole('status').filter({ hasText: 'Calendar “Field visits” created' }).waitFor();
    const calendars = (await api.call<{ items: Array<{ name: string }> }>('GET', '/api/v1/calendars')).body.items;
    expect(calendars.map((c) => c.name)).toContain('Field visits');

    await guide.getByRole('button', { name: 'Load demo data' }).click();
    await page.getByRole('status').filter({ hasText: /^Demo loaded: \d+ entries/ }).waitFor({ timeout: 120_000 });
    expect(await guide.count()).toBe(0);
    expect((await api.call<{ demoLoaded: boolean }>('GET', '/api/v1/admin/demo')).body.demoLoaded).toBe(true);
    await context.close();
  });
});
