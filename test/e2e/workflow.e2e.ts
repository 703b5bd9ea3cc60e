/**
 * The sidebar and the timeline in a real browser: approve a leave request from "Waiting for you",
 * filter by module and community, planning/MANA milestones on the timeline, a saved view that
 * brings its filters back, the print/export menu; axe on each and a 360 px phone width.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api-session.js';
import { axeViolations, screenshot, signIn } from './browser.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite({ admin: true });
let calendars: Array<{ id: string; module: string | null; name: string }>;
const run = Math.random().toString(36).slice(2, 7);
const t = (title: string) => `${title} ${run}`;
const month = new Date().toISOString().slice(0, 8);
const day = (d: number) => `${month}${String(d).padStart(2, '0')}`;

async function entry(title: string, module: string, kind: string, date: string, extra: Record<string, unknown> = {}): Promise<string> {
  const calendar = calendars.find((c) => c.module === module)!;
  const end = day(Number(date.slice(8)) + 1);
  const res = await suite.admin.call<{ id: string }>('POST', '/api/v1/entries', { title, start: date, end, allDay: true, calendarId: calendar.id, module, kind, ...extra });
  if (res.status !== 201) throw new Error(`could not create ${title}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const axeClean = async (page: Page, what: string) => {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ what, serious }).toEqual({ what, serious: [] });
};

beforeAll(async () => {
  calendars = (await suite.admin.call<{ items: typeof calendars }>('GET', '/api/v1/calendars')).body.items;
});

describe('sidebar workflow, filters, saved views and the timeline', () => {
  it('approves a leave request from the sidebar; the request leaves the list and the decision is stored', { timeout: 90_000 }, async () => {
    const staffEmail = `leave-${run}@test.local`;
    const created = await suite.admin.call<{ id: string }>('POST', '/api/v1/users', { email: staffEmail, name: `Leave Taker ${run}`, role: 'staff', password: 'a-long-password-1' });
    expect(created.status).toBe(201);
    const staff = await apiSession(suite.server.baseUrl, staffEmail, 'a-long-password-1');
    const leave = await staff.call<{ id: string }>('POST', '/api/v1/modules/staff/leave', { title: t('Vacation leave'), startDate: day(20), endDate: day(21), details: { staffId: created.body.id, leaveType: 'vacation' } });
    expect(leave.status, JSON.stringify(leave.body)).toBe(201);

    const page = await suite.newPage();
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password, '?view=dayGridMonth');
    const panel = page.getByRole('region', { name: /Waiting for you/ });
    const item = panel.getByRole('listitem').filter({ hasText: t('Vacation leave') });
    await item.waitFor();
    await axeClean(page, 'sidebar with a pending leave');
    await screenshot(page, 'e2e-sidebar-pending-leave');
    await item.getByRole('button', { name: /^Approve/ }).click();
    await panel.getByRole('status').filter({ hasText: `Approved “${t('Vacation leave')}”` }).waitFor();
    expect(await item.count()).toBe(0);
    const stored = await suite.admin.call<{ data: { status: string } }>('GET', `/api/v1/modules/staff/leave/${leave.body.id}`);
    expect(stored.body.data.status).toBe('approved');
  });

  it('shows in the sidebar the conflicts the API reports for the view (a person booked twice at once)', { timeout: 90_000 }, async () => {
    const calendar = calendars.find((c) => c.module === 'coordination')!;
    for (const title of [t('Budget briefing'), t('Barangay visit')]) {
      const res = await suite.admin.call('POST', '/api/v1/entries', { title, start: `${day(12)}T09:00:00+08:00`, end: `${day(12)}T11:00:00+08:00`, timeZone: 'Asia/Manila', calendarId: calendar.id, module: 'coordination', kind: 'event' });
      expect(res.status).toBe(201);
    }
    const page = await suite.newPage();
    const overview = page.waitForResponse((r) => r.url().includes('/api/v1/calendar/overview') && r.ok());
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password, '?view=dayGridMonth');
    const reported = (await (await overview).json()) as { conflicts: { total: number } };
    expect(reported.conflicts.total).toBeGreaterThanOrEqual(1);
    const panel = page.getByRole('region', { name: /In view/ });
    const conflicts = panel.locator('div').filter({ has: page.locator('dt', { hasText: /^Conflicts$/ }) }).locator('dd');
    await expect.poll(() => conflicts.textContent()).toBe(String(reported.conflicts.total));
  });

  it('filters by module and community through the sidebar, and a saved view restores those filters', { timeout: 90_000 }, async () => {
    let parentId: string | null = null;
    for (const level of ['region', 'province', 'municipality', 'barangay']) {
      const res: { status: number; body: { id: string } } = await suite.admin.call('POST', '/api/v1/communities', { name: `${level === 'barangay' ? 'Tampakan' : 'Place'} ${level} ${run}`, level, parentId });
      expect(res.status).toBe(201);
      parentId = res.body.id;
    }
    const barangay = parentId!;
    await entry(t('Tampakan consultation'), 'coordination', 'event', day(10), { communityId: barangay });
    await entry(t('Elsewhere consultation'), 'coordination', 'event', day(11));
    await entry(t('Staff training'), 'staff', 'training_session', day(12));

    const page = await suite.newPage();
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password, `?view=dayGridMonth&date=${day(15)}`);
    const cal = page.getByTestId('calendar');
    await cal.getByText(t('Staff training')).waitFor();
    await page.getByRole('group', { name: 'Modules' }).getByLabel('Coordination').check();
    await cal.getByText(t('Staff training')).waitFor({ state: 'detached' });
    await cal.getByText(t('Elsewhere consultation')).waitFor();
    await page.getByRole('combobox', { name: 'Community' }).fill(`Tampakan barangay ${run}`);
    await page.locator(`#filter-community-options option[value="Tampakan barangay ${run} (barangay)"]`).waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: 'Community' }).press('Enter');
    await cal.getByText(t('Elsewhere consultation')).waitFor({ state: 'detached' });
    await cal.getByText(t('Tampakan consultation')).waitFor();
    expect(new URL(page.url()).searchParams.get('community')).toBe(barangay);
    expect(new URL(page.url()).searchParams.get('modules')).toBe('coordination');

    await page.getByLabel('Save the current view as').fill(t('Tampakan'));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Saved “${t('Tampakan')}”` }).waitFor();
    await axeClean(page, 'filtered month with saved views');
    await screenshot(page, 'e2e-filtered-saved-view');

    // A fresh page without filters: the saved view brings them back.
    await page.goto(`${suite.server.baseUrl}/?view=dayGridMonth&date=${day(15)}`);
    await cal.getByText(t('Staff training')).waitFor();
    await page.getByRole('button', { name: t('Tampakan'), exact: true }).click();
    await cal.getByText(t('Staff training')).waitFor({ state: 'detached' });
    await cal.getByText(t('Tampakan consultation')).waitFor();
    const params = new URL(page.url()).searchParams;
    expect([params.get('modules'), params.get('community'), params.get('view')]).toEqual(['coordination', barangay, 'dayGridMonth']);
    await expect(page.getByRole('group', { name: 'Modules' }).getByLabel('Coordination').isChecked()).resolves.toBe(true);
  });

  it('shows planning and MANA milestones on the timeline, one row per kind, and opens one', { timeout: 90_000 }, async () => {
    await entry(t('M&E milestone'), 'planning', 'monitoring_milestone', day(5), { details: { monitoringEntryId: `ppa-${run}`, milestone: 'milestone' } });
    await entry(t('MANA validation'), 'mana', 'assessment_milestone', day(8), { details: { assessmentId: `mana-${run}`, milestone: 'analysis' } });
    await entry(t('Not on the timeline'), 'staff', 'task', day(8), { details: { assigneeId: suite.server.admin.email, dueDate: day(8) } });

    const page = await suite.newPage();
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password, '?view=dayGridMonth');
    await page.getByRole('button', { name: /^View:/ }).click();
    await page.getByRole('menuitemradio', { name: 'Timeline' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText(t('M&E milestone')).waitFor({ timeout: 20_000 });
    await timeline.getByText(t('MANA validation')).waitFor();
    await timeline.getByText('Planning and monitoring · Monitoring milestone').first().waitFor();
    expect(await timeline.getByText(t('Not on the timeline')).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('view')).toBe('timeline');
    await axeClean(page, 'timeline');
    await screenshot(page, 'e2e-timeline');
    await timeline.getByText(t('MANA validation')).click();
    const dialog = page.getByRole('dialog', { name: 'Edit entry' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Title').inputValue()).resolves.toBe(t('MANA validation'));
  });

  it('offers the print and export links for the range and filters in view', { timeout: 60_000 }, async () => {
    const page = await suite.newPage();
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password, '?view=dayGridMonth&modules=planning');
    await page.getByRole('button', { name: 'Print / export' }).click();
    const csv = await page.getByRole('menuitem', { name: 'CSV' }).getAttribute('href');
    expect(csv).toMatch(/^\/api\/v1\/calendar\.csv\?start=.+&modules=planning&timeZone=/);
    const res = await page.request.get(`${suite.server.baseUrl}${csv}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
    const brief = await page.getByRole('menuitem', { name: 'Printable brief' }).getAttribute('href');
    expect((await page.request.get(`${suite.server.baseUrl}${brief}`)).status()).toBe(200);
    await axeClean(page, 'export menu open');
  });

  it('fits a 360 px phone with the navigation drawer over the timeline', { timeout: 60_000 }, async () => {
    const page = await suite.newPage({ viewport: { width: 360, height: 740 } });
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password);
    await page.goto(`${suite.server.baseUrl}/?view=timeline`);
    await page.getByTestId('timeline').getByRole('heading').first().waitFor({ timeout: 20_000 });
    // On a phone the rail (filters, saved views) is a drawer opened from the menu button.
    await page.getByRole('button', { name: 'Main menu' }).click();
    await page.getByRole('region', { name: 'Saved views' }).waitFor();
    const overflow = await page.evaluate(() => ({
      by: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className}`),
    }));
    expect(overflow.by, `wider than the screen: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(0);
    await axeClean(page, 'phone with the sidebar open over the timeline');
    await screenshot(page, 'e2e-phone-timeline-sidebar');
  });
});
