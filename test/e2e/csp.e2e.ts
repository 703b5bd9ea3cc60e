/**
 * Every HTML page works under its Content-Security-Policy in a real browser (the suite's other
 * files bypass CSP to inject axe-core; this one does not): the web app, the field app, the RSVP
 * page (its button posts through the script file), the printable brief, the ticket sheet, the
 * attendance report and the API docs, with no policy violation reported.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rsvpLink } from '../../src/features/attendance/rsvp-links.js';
import { signIn } from './browser.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite({ admin: true });

/** Violations reported by the page (the event) and by Chromium (the console), across navigations. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await suite.newPage({ bypassCSP: false });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { page, violations };
}

describe('pages under their Content-Security-Policy', () => {
  it('load and work without a policy violation', { timeout: 120_000 }, async () => {
    const { baseUrl, admin } = suite.server;
    const calendars = (await suite.admin.call<{ items: { id: string; module: string | null }[] }>('GET', '/api/v1/calendars')).body.items;
    const start = new Date(Date.now() + 86_400_000);
    const entry = (await suite.admin.call<{ id: string }>('POST', '/api/v1/entries', {
      title: 'CSP check', calendarId: calendars.find((c) => c.module === 'coordination')!.id, start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(),
    })).body;
    const participant = (await suite.admin.call<{ id: string }>('POST', `/api/v1/entries/${entry.id}/participants`, { name: 'Bai Fatima', email: 'fatima@example.org' })).body;

    const { page, violations } = await watchedPage();
    await signIn(page, baseUrl, admin.email, admin.password);
    await page.goto(`${baseUrl}/field`);
    await page.getByRole('status').filter({ hasText: 'Online' }).waitFor();
    const day = start.toISOString().slice(0, 10);
    for (const path of [`/api/v1/calendar/brief.html?start=${day}T00:00:00Z&end=${day}T23:59:00Z`, `/api/v1/entries/${entry.id}/tickets`, `/api/v1/entries/${entry.id}/attendance/report?format=html`]) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      await page.locator('h1').first().waitFor();
    }
    await page.goto(`${baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info').waitFor();

    const app = suite.server.app;
    if (app) {
      const [organization] = await app.ctx.database.query<{ organization_id: string }>('select organization_id from entries where id = $1', [entry.id]);
      const link = rsvpLink({ signingKey: app.ctx.signingKey, publicUrl: baseUrl }, { organizationId: organization!.organization_id, entryId: entry.id, participantId: participant.id, expiresAt: new Date(Date.now() + 86_400_000) });
      const opened = await page.goto(link);
      expect(opened?.status()).toBe(200);
      await page.getByRole('button', { name: 'Going', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Thank you, your answer is saved.' }).waitFor();
      expect(await page.locator('#now').textContent()).toBe('going');
    }
    expect(violations).toEqual([]);
  });
});
