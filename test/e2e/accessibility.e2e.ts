/**
 * WCAG 2.1 AA checks (axe-core) of the sign-in page, each calendar view, the other pages and the
 * entry dialog — in the light and the dark theme, in English and in Filipino.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, calendarShown, signIn } from './browser.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite();
const VIEWS = ['dayGridMonth', 'timeGridWeek', 'timeGridDay', 'multiWeek', 'multiMonthYear', 'listWeek'];
const LOOKS = [
  { colorScheme: 'light', locale: 'en-PH' },
  { colorScheme: 'dark', locale: 'en-PH' },
  { colorScheme: 'dark', locale: 'fil-PH' },
  { colorScheme: 'light', locale: 'fil-PH' },
] as const;

describe('accessibility of the web calendar', () => {
  it.each(LOOKS)('has no WCAG 2.1 AA violations on the sign-in page ($colorScheme, $locale)', async (look) => {
    const page = await suite.newPage({ ...look, timezoneId: undefined });
    await page.goto(`${suite.server.baseUrl}/`);
    await page.locator('#sign-in-email').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(look.colorScheme);
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each(LOOKS)('has no WCAG 2.1 AA violations in any view, page or the new-entry dialog ($colorScheme, $locale)', { timeout: 180_000 }, async (look) => {
    const page = await suite.newPage({ ...look, timezoneId: undefined });
    await page.goto(`${suite.server.baseUrl}/?view=dayGridMonth`);
    await page.locator('#sign-in-email').fill(suite.server.admin.email);
    await page.locator('#sign-in-password').fill(suite.server.admin.password);
    await page.locator('button[type="submit"]').click();
    await calendarShown(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(look.locale);
    for (const view of VIEWS) {
      await page.goto(`${suite.server.baseUrl}/?view=${view}`);
      await calendarShown(page);
      expect({ view, violations: await axeViolations(page) }).toEqual({ view, violations: [] });
    }
    for (const path of ['/modules', '/resources']) {
      await page.goto(`${suite.server.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
    await page.goto(`${suite.server.baseUrl}/`);
    await calendarShown(page);
    await page.keyboard.press('n');
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').locator('.link-button').click(); // More options
    await page.getByRole('dialog').getByRole('group').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs in with the real sign-in helper in English', async () => {
    const page = await suite.newPage();
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password, '?view=dayGridMonth');
    await expect(page.getByTestId('period').innerText()).resolves.toMatch(/\d{4}/);
  });
});
