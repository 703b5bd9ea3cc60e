/**
 * Module pages in a real browser: pick a record type, fill the form generated from its JSON Schema, see
 * the record listed; open an existing record in the same form, change and save it, see the change in the
 * list and on its calendar entry; delete one after confirming.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, screenshot, signIn } from './browser.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite({ admin: true, defaults: { viewport: { width: 360, height: 740 }, timezoneId: undefined, timeout: 15_000 } });
const run = Math.random().toString(36).slice(2, 7);

describe('module pages', () => {
  it('files a leave request through the generated form, shows a server refusal by its field, lists the record', { timeout: 120_000 }, async () => {
    const api = suite.admin;
    const me = (await api.call<{ user: { id: string } }>('GET', '/api/v1/me')).body.user;
    const page = await suite.newPage();
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password);
    await page.goto(`${suite.server.baseUrl}/modules?type=staff/leave`);
    const form = page.getByRole('form', { name: 'New: Leave' });
    await form.getByLabel('Leave type (required)').waitFor();
    // A leave request's status is the approval workflow's to set, not the form's.
    await expect(form.getByLabel('Status', { exact: true }).count()).resolves.toBe(0);
    await form.getByLabel('Title (required)').fill(`Vacation ${run}`);
    await form.getByLabel('Start date (required)').fill('2026-12-21');
    await form.getByLabel('End date (required)').fill('2026-12-20');
    await form.getByLabel('Staff id (required)').fill(me.id);
    await form.getByLabel('Leave type (required)').selectOption('vacation');
    await form.getByRole('button', { name: 'Save' }).click();
    // The server refuses an end before the start; the message sits by the End date field.
    await page.getByRole('alert').filter({ hasText: 'endDate' }).waitFor();
    await expect(form.getByLabel('End date (required)').getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await api.call<{ items: unknown[] }>('GET', '/api/v1/modules/staff/leave')).body.items).toHaveLength(0);

    await form.getByLabel('End date (required)').fill('2026-12-23');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Leave saved' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: `Vacation ${run}` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    await screenshot(page, 'e2e-modules-leave-form');

    // The communities browser opens a region to its provinces and links each place to its calendar.
    let parentId: string | null = null;
    for (const level of ['region', 'province']) {
      parentId = (await api.call<{ id: string }>('POST', '/api/v1/communities', { name: `Browse ${level} ${run}`, level, parentId })).body.id;
    }
    await page.reload();
    const tree = page.getByRole('region', { name: 'Communities' });
    await tree.getByRole('button', { name: `Browse region ${run}` }).click();
    await expect(tree.getByRole('button', { name: `Browse region ${run}` }).getAttribute('aria-expanded')).resolves.toBe('true');
    const link = tree.getByRole('link', { name: `calendar of Browse province ${run}` });
    expect(await link.getAttribute('href')).toBe(`/?community=${parentId}`);
    expect((await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('edits a record from the list (PATCH with If-Match), sees it on the calendar entry, and deletes one after confirming', { timeout: 120_000 }, async () => {
    const api = suite.admin;
    const zone = (await api.call<{ user: { timeZone: string } }>('GET', '/api/v1/me')).body.user.timeZone;
    const made = await api.call<{ id: string; entries: Array<{ id: string }> }>('POST', '/api/v1/modules/staff/trainings', {
      title: `Induction ${run}`, start: '2026-12-14T09:00:00+08:00', end: '2026-12-14T12:00:00+08:00', details: { venue: 'Hall A', resourceIds: ['projector-1'] },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const other = await api.call<{ id: string }>('POST', '/api/v1/modules/staff/trainings', { title: `Obsolete ${run}`, start: '2026-12-15T09:00:00+08:00', end: '2026-12-15T10:00:00+08:00' });
    expect(other.status).toBe(201);

    const page = await suite.newPage({ timezoneId: zone });
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password);
    await page.goto(`${suite.server.baseUrl}/modules?type=staff/trainings`);
    await page.getByRole('button', { name: `Edit Induction ${run}` }).click();
    const form = page.getByRole('form', { name: `Edit Induction ${run}` });
    await expect.poll(() => form.getByLabel('Title (required)').inputValue()).toBe(`Induction ${run}`);
    await expect(form.getByLabel('Venue').inputValue()).resolves.toBe('Hall A');
    await form.getByLabel('Title (required)').fill(`Induction day ${run}`);
    await form.getByLabel('Venue').fill('Hall B');
    const patch = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/api/v1/modules/staff/trainings/${made.body.id}`));
    await form.getByRole('button', { name: 'Save' }).click();
    expect((await patch).headers()['if-match']).toBe('"1"');
    await page.getByRole('status').filter({ hasText: `“Induction day ${run}” changed` }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(`“Induction day ${run}” changed`);
    await page.getByRole('listitem').filter({ hasText: `Induction day ${run}` }).scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-modules-record-edited');
    expect((await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // Stored as changed, the fields the form does not show kept, and the projected entry renamed in the same change.
    const stored = await api.call<{ data: { title: string; start: string; details: { venue: string; resourceIds: string[] } }; entries: Array<{ id: string; title: string }> }>('GET', `/api/v1/modules/staff/trainings/${made.body.id}`);
    expect(stored.body.data).toMatchObject({ title: `Induction day ${run}`, details: { venue: 'Hall B', resourceIds: ['projector-1'] } });
    expect(Date.parse(stored.body.data.start)).toBe(Date.parse('2026-12-14T09:00:00+08:00'));
    expect(stored.body.entries.map((e) => [e.id, e.title])).toEqual([[made.body.entries[0]!.id, `Induction day ${run}`]]);

    // The record's date links to the calendar, where the entry shows the new title.
    await page.getByRole('link', { name: new RegExp(`^Induction day ${run} on the calendar`) }).click();
    await page.getByTestId('calendar').getByText(`Induction day ${run}`).first().waitFor();
    await page.goBack();
    await page.getByRole('button', { name: `Delete Obsolete ${run}` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: `Delete Obsolete ${run}` }).click();
    await page.getByRole('status').filter({ hasText: `Deleted “Obsolete ${run}”` }).waitFor();
    await page.getByRole('listitem').filter({ hasText: `Obsolete ${run}` }).waitFor({ state: 'detached' });
    expect((await api.call('GET', `/api/v1/modules/staff/trainings/${other.body.id}`)).status).toBe(404);
  });

  it('lists records fifty at a time with Show more for the rest', { timeout: 120_000 }, async () => {
    const api = suite.admin;
    const me = (await api.call<{ user: { id: string } }>('GET', '/api/v1/me')).body.user;
    for (let i = 1; i <= 52; i++) {
      const res = await api.call('POST', '/api/v1/modules/staff/tasks', { title: `Task ${i} ${run}`, details: { assigneeId: me.id, dueDate: '2026-12-18' } });
      expect(res.status).toBe(201);
    }
    const page = await suite.newPage({ viewport: { width: 1024, height: 740 } });
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password);
    await page.goto(`${suite.server.baseUrl}/modules?type=staff/tasks`);
    const items = page.getByRole('region', { name: 'Task' }).getByRole('listitem');
    await items.filter({ hasText: `Task 52 ${run}` }).waitFor();
    expect(await items.count()).toBe(50);
    await page.getByRole('button', { name: 'Show more' }).click();
    await items.filter({ hasText: `Task 1 ${run}` }).waitFor();
    expect(await items.count()).toBe(52);
    await page.getByRole('button', { name: 'Show more' }).waitFor({ state: 'detached' });
  });
});
