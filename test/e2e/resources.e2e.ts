/**
 * The resources page in a real browser: the list with its type filter, a resource's calendar, a
 * booking request refused because the vehicle is taken (the server's 409 message shown), and a
 * pending booking approved from the queue. axe and 360 px on the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSession } from './api-session.js';
import { axeViolations, screenshot, signIn } from './browser.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite({ admin: true });
const run = Math.random().toString(36).slice(2, 7);
const t = (title: string) => `${title} ${run}`;
// Tomorrow 09:00–11:00 UTC: inside the page's "coming entries" window.
const at = (h: number) => new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + h * 3_600_000).toISOString().replace('.000Z', 'Z');

async function entry(title: string): Promise<string> {
  const calendars = (await suite.admin.call<{ items: Array<{ id: string; module: string | null }> }>('GET', '/api/v1/calendars')).body.items;
  const res = await suite.admin.call<{ id: string }>('POST', '/api/v1/entries', { title, start: at(9), end: at(11), calendarId: calendars.find((c) => c.module === 'coordination')!.id });
  if (res.status !== 201) throw new Error(`entry: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const seriousOf = async (page: Page) => (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('resources pages', () => {
  it('refuses to book a vehicle that is already taken and shows the server message', { timeout: 90_000 }, async () => {
    const vehicle = await suite.admin.call<{ id: string }>('POST', '/api/v1/resources', { type: 'vehicle', name: t('Hilux'), location: 'Motor pool' });
    expect(vehicle.status, JSON.stringify(vehicle.body)).toBe(201);
    await suite.admin.call('POST', '/api/v1/resources', { type: 'room', name: t('Board room'), capacity: 12 });
    const first = await entry(t('Site visit'));
    const second = await entry(t('Barangay assembly'));
    const taken = await suite.admin.call('POST', '/api/v1/bookings', { resourceId: vehicle.body.id, entryId: first });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);

    const page = await suite.newPage();
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password);
    await page.goto(`${suite.server.baseUrl}/resources`);
    await page.getByRole('button', { name: t('Board room') }).waitFor();
    await page.getByLabel('Type').selectOption('vehicle');
    await page.getByRole('button', { name: t('Board room') }).waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('type')).toBe('vehicle');
    await page.getByRole('button', { name: t('Hilux') }).click();
    await page.getByTestId('resource-calendar').getByText(t('Site visit')).first().waitFor();

    await page.getByLabel('Book for the entry').selectOption(second);
    await page.getByRole('button', { name: 'Request booking' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'already booked' });
    await alert.waitFor();
    await screenshot(page, 'e2e-resource-conflict');
    expect(await seriousOf(page)).toEqual([]);
    const bookings = (await suite.admin.call<{ items: Array<{ entryId: string }> }>('GET', `/api/v1/bookings?resourceId=${vehicle.body.id}`)).body.items;
    expect(bookings.map((b) => b.entryId)).toEqual([first]);
  });

  it('approves a pending booking from the queue and fits a 360 px phone', { timeout: 90_000 }, async () => {
    const room = await suite.admin.call<{ id: string }>('POST', '/api/v1/resources', { type: 'room', name: t('Training hall'), needsApproval: true });
    const staffEmail = `booker-${run}@test.local`;
    await suite.admin.call('POST', '/api/v1/users', { email: staffEmail, name: `Booker ${run}`, role: 'staff', password: 'a-long-password-1' });
    const staff = await apiSession(suite.server.baseUrl, staffEmail, 'a-long-password-1');
    const me = (await staff.call<{ user: { id: string } }>('GET', '/api/v1/me')).body.user;
    const personal = (await staff.call<{ items: Array<{ id: string; type: string; name: string }> }>('GET', '/api/v1/calendars')).body.items.find((c) => c.type === 'personal' && c.name === `Booker ${run}`)!;
    const mine = await staff.call<{ id: string }>('POST', '/api/v1/entries', { title: t('Workshop'), start: at(13), end: at(15), calendarId: personal.id });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    const pending = await staff.call<{ status: string }>('POST', '/api/v1/bookings', { resourceId: room.body.id, entryId: mine.body.id });
    expect([pending.status, pending.body.status, me.id.length]).toEqual([201, 'pending', 36]);

    const page = await suite.newPage({ viewport: { width: 360, height: 740 } });
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password);
    await page.goto(`${suite.server.baseUrl}/resources`);
    const item = page.getByRole('listitem').filter({ hasText: t('Training hall') }).filter({ has: page.getByRole('button', { name: /^Approve/ }) });
    await item.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await seriousOf(page)).toEqual([]);
    await item.getByRole('button', { name: /^Approve/ }).click();
    await page.getByRole('status').filter({ hasText: `Approved “${t('Training hall')}”` }).waitFor();
    const after = (await suite.admin.call<{ items: Array<{ status: string }> }>('GET', `/api/v1/bookings?resourceId=${room.body.id}`)).body.items;
    expect(after.map((b) => b.status)).toEqual(['approved']);
    await screenshot(page, 'e2e-resources-phone');
  });
});
