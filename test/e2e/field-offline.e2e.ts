/**
 * The field app in a real browser at 360 px: the service worker installs and serves the app
 * offline, the agenda and an event's details open without a network; five tickets checked in
 * offline survive closing the page and reach the server exactly once when back online (a replay of
 * the same queue adds none); a forged ticket is refused with its reason.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, screenshot } from './browser.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite({ admin: true });
const run = Math.random().toString(36).slice(2, 7);
const at = (h: number) => new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + h * 3_600_000).toISOString().replace('.000Z', 'Z');

async function fieldPage(path = '/field'): Promise<Page> {
  const page = await suite.newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, timeout: 15_000 });
  await page.goto(`${suite.server.baseUrl}${path}`);
  await page.getByLabel('Email').fill(suite.server.admin.email);
  await page.getByLabel('Password').fill(suite.server.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('status').filter({ hasText: 'Online' }).waitFor();
  // The service worker is installed and controls the page.
  const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
  expect(state).toBe('activated');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

async function eventWithParticipants(title: string, count: number) {
  const calendars = (await suite.admin.call<{ items: Array<{ id: string; module: string | null }> }>('GET', '/api/v1/calendars')).body.items;
  const entry = await suite.admin.call<{ id: string }>('POST', '/api/v1/entries', {
    title, start: at(9), end: at(11), location: `Barangay hall ${run}`, calendarId: calendars.find((c) => c.module === 'coordination')!.id,
  });
  expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  const tickets: string[] = [];
  for (let i = 1; i <= count; i++) {
    const p = await suite.admin.call<{ id: string }>('POST', `/api/v1/entries/${entry.body.id}/participants`, { name: `Participant ${i} ${run}`, notify: false });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    tickets.push((await suite.admin.call<{ code: string }>('GET', `/api/v1/entries/${entry.body.id}/participants/${p.body.id}/ticket`)).body.code);
  }
  return { entryId: entry.body.id, tickets };
}

describe('field app', () => {
  it('is installable and serves its worker and manifest with the right headers', async () => {
    const manifest = await fetch(`${suite.server.baseUrl}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/manifest\+json|application\/json/);
    const body = (await manifest.json()) as { start_url: string; icons: Array<{ sizes: string }> };
    expect(body.start_url).toBe('/field');
    expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const sw = await fetch(`${suite.server.baseUrl}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(await sw.text()).toMatch(/^const VERSION = "[0-9a-f]{12}";/);
    const icon = await fetch(`${suite.server.baseUrl}/icons/icon-192.png`);
    expect(icon.headers.get('content-type')).toBe('image/png');
  });

  it('opens the agenda and an event offline, saying when it was refreshed', { timeout: 120_000 }, async () => {
    const title = `Consultation ${run}`;
    const { entryId } = await eventWithParticipants(title, 2);
    const page = await fieldPage();
    await page.getByRole('link', { name: new RegExp(title) }).waitFor();
    await page.getByTestId('refreshed').filter({ hasText: 'Last refreshed' }).waitFor();
    // Details are saved in the background after the agenda; wait for this one.
    await expect.poll(() => page.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('kalendaryo-field'); r.onsuccess = () => resolve(r.result); });
      return new Promise((resolve) => { const g = db.transaction('kv').objectStore('kv').get(`entry:${id}`); g.onsuccess = () => resolve(Boolean(g.result)); });
    }, entryId), { timeout: 20_000 }).toBe(true);

    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await page.getByRole('link', { name: new RegExp(title) }).waitFor();
    expect(await page.getByTestId('refreshed').textContent()).toMatch(/Last refreshed/);
    // Day view: step to the event's day (today or tomorrow, depending on the user's zone).
    await page.getByRole('button', { name: 'Day' }).click();
    const link = page.getByRole('link', { name: new RegExp(title) });
    for (let i = 0; i < 2 && !(await link.isVisible()); i++) await page.getByRole('button', { name: 'Next day ›' }).click();
    await link.click();
    await page.getByTestId('field-entry').getByText(`Barangay hall ${run}`).waitFor();
    await page.getByText(`Participant 1 ${run}`).waitFor();
    await screenshot(page, 'e2e-field-offline-entry');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
  });

  it('queues five check-ins offline, keeps them across a closed page, sends them once, refuses a forged ticket', { timeout: 150_000 }, async () => {
    const { entryId, tickets } = await eventWithParticipants(`Assembly ${run}`, 6);
    let page = await fieldPage(`/field/check-in/${entryId}`);
    await page.getByRole('heading', { name: `Check-in · Assembly ${run}` }).waitFor();

    await page.context().setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    for (const ticket of tickets.slice(0, 5)) {
      await page.getByLabel('Ticket code').fill(ticket);
      await page.getByRole('button', { name: 'Check in code' }).click();
    }
    await expect.poll(() => page.getByTestId('count-waiting').textContent()).toBe('5');
    await screenshot(page, 'e2e-field-queued-offline');
    await page.close();

    page = await page.context().newPage();
    await page.goto(`${suite.server.baseUrl}/field/check-in/${entryId}`);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await expect.poll(() => page.getByTestId('count-waiting').textContent()).toBe('5');
    const queue = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('kalendaryo-field'); r.onsuccess = () => resolve(r.result); });
      return new Promise<Array<Record<string, unknown>>>((resolve) => { const g = db.transaction('scans').objectStore('scans').getAll(); g.onsuccess = () => resolve(g.result); });
    });
    expect(queue.filter((s) => s.entryId === entryId)).toHaveLength(5);

    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('count-waiting').textContent(), { timeout: 20_000 }).toBe('0');
    await expect.poll(() => page.getByTestId('count-in').textContent(), { timeout: 20_000 }).toBe('5');
    const listed = await suite.admin.call<{ participants: Array<{ attendance: { status: string } | null }> }>('GET', `/api/v1/entries/${entryId}/participants`);
    expect(listed.body.participants.filter((p) => p.attendance?.status === 'checked_in')).toHaveLength(5);

    // The same queue sent again (a second device, a retry after a lost answer) adds nothing.
    const scans = queue.filter((s) => s.entryId === entryId).map(({ idempotencyKey, clientTime, entryId: e, method, ticket }) => ({ idempotencyKey, clientTime, entryId: e, method, ticket }));
    const replay = await suite.admin.call<{ summary: { applied: number; resent: number } }>('POST', '/api/v1/attendance/check-ins', { scans });
    expect(replay.status).toBe(200);
    expect(replay.body.summary.applied).toBe(0);
    expect(replay.body.summary.resent).toBe(5);
    const after = await suite.admin.call<{ participants: Array<{ attendance: { status: string } | null }> }>('GET', `/api/v1/entries/${entryId}/participants`);
    expect(after.body.participants.filter((p) => p.attendance?.status === 'checked_in')).toHaveLength(5);

    const forged = `${tickets[5]!.slice(0, -4)}${tickets[5]!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    await page.getByLabel('Ticket code').fill(forged);
    await page.getByRole('button', { name: 'Check in code' }).click();
    const refused = page.getByTestId('scan-results').locator('.field-scan-refused');
    await refused.first().waitFor();
    expect(await refused.first().textContent()).toMatch(/Refused \(forged\)/);
    expect(await page.getByTestId('count-refused').textContent()).toBe('1');
    expect(await page.getByTestId('count-in').textContent()).toBe('5');
    await screenshot(page, 'e2e-field-check-in-results');
  });

  it('checks oneself in by event code offline, a walk-in and a name search online', { timeout: 120_000 }, async () => {
    const { entryId } = await eventWithParticipants(`Workshop ${run}`, 1);
    const me = (await suite.admin.call<{ user: { id: string } }>('GET', '/api/v1/me')).body.user;
    expect((await suite.admin.call('POST', `/api/v1/entries/${entryId}/participants`, { userId: me.id, notify: false })).status).toBe(201);
    const code = (await suite.admin.call<{ code: string }>('GET', `/api/v1/entries/${entryId}/event-code`)).body.code;

    const page = await fieldPage('/field/self');
    await page.context().setOffline(true);
    await page.getByLabel('Event code').fill(code);
    await page.getByRole('button', { name: 'Check me in' }).click();
    await page.getByText('Waiting to send').waitFor();
    await page.context().setOffline(false);
    await page.getByText('You are checked in').waitFor({ timeout: 20_000 });

    await page.goto(`${suite.server.baseUrl}/field/check-in/${entryId}`);
    await expect.poll(() => page.getByTestId('count-in').textContent()).toBe('1');
    await page.getByLabel('Search by name').fill(`Participant 1 ${run}`);
    await page.getByRole('button', { name: `Check in Participant 1 ${run}` }).click();
    await expect.poll(() => page.getByTestId('count-in').textContent(), { timeout: 20_000 }).toBe('2');
    await page.getByText('Register a walk-in').click();
    await page.getByLabel('Name', { exact: true }).fill(`Walk-in ${run}`);
    await page.getByRole('button', { name: 'Register and check in' }).click();
    await page.getByText(`Walk-in ${run} is registered and checked in.`).waitFor();
    await expect.poll(() => page.getByTestId('count-in').textContent()).toBe('3');
    await screenshot(page, 'e2e-field-walk-in');
  });
});
