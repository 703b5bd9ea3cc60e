/** WCAG 2.1 AA checks (axe-core) of the sign-in page, each calendar view and the entry dialog. */
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signIn } from './browser.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite();
let context: BrowserContext;

// Opened before any test, so the suite keeps it open for both.
beforeAll(async () => {
  context = await suite.newContext({ timezoneId: undefined });
});

describe('accessibility of the web calendar', () => {
  it('has no WCAG 2.1 AA violations on the sign-in page', async () => {
    const page = await context.newPage();
    await page.goto(`${suite.server.baseUrl}/`);
    await page.getByLabel('Email').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('has no WCAG 2.1 AA violations in any view or in the new-entry dialog', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password, '?view=dayGridMonth');
    for (const view of ['dayGridMonth', 'timeGridWeek', 'timeGridDay', 'multiWeek', 'multiMonthYear', 'listWeek']) {
      await page.goto(`${suite.server.baseUrl}/?view=${view}`);
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
