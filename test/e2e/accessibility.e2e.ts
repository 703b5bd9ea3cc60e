/** WCAG 2.1 AA checks (axe-core) of the sign-in page, each calendar view and the entry dialog. */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, signIn } from './browser.js';
import { startE2EServer, type E2EServer } from './server.js';

let server: E2EServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startE2EServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('accessibility of the web calendar', () => {
  it('has no WCAG 2.1 AA violations on the sign-in page', async () => {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('Email').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('has no WCAG 2.1 AA violations in any view or in the new-entry dialog', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, server.baseUrl, server.admin.email, server.admin.password, '?view=dayGridMonth');
    for (const view of ['dayGridMonth', 'timeGridWeek', 'timeGridDay', 'multiWeek', 'multiMonthYear', 'listWeek']) {
      await page.goto(`${server.baseUrl}/?view=${view}`);
      await page.getByTestId('calendar').getByRole('heading').first().waitFor();
      expect({ view, violations: await axeViolations(page) }).toEqual({ view, violations: [] });
    }
    await page.keyboard.press('n');
    await page.getByRole('dialog', { name: 'New entry' }).waitFor();
    await page.getByRole('button', { name: 'More options' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
