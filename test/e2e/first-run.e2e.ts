/** An empty organisation guides its admin: create a calendar, or load the demo data (fresh server). */
import { describe, expect, it } from 'vitest';
import { axeViolations, screenshot, signIn } from './browser.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite({ admin: true });

describe('the first run of an empty organisation', () => {
  it('shows the guide, creates a calendar, loads the demo, and then the guide is gone', { timeout: 180_000 }, async (ctx) => {
    const api = suite.admin;
    const status = await api.call<{ entries: number }>('GET', '/api/v1/admin/demo');
    if (status.body.entries > 0) ctx.skip(); // a long-lived server (KALENDARYO_E2E_URL) is not empty
    const page = await suite.newPage({ viewport: { width: 360, height: 740 }, timezoneId: undefined, timeout: 15_000 });
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password);
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
  });
});
