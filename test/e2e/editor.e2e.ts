/**
 * The full entry editor in a real browser: participants (a colleague picked by name, a guest by
 * e-mail) and resources with their availability shown before saving — a vehicle already booked then
 * shows as busy with the booking in the way, re-checked as the times change, and the free vehicle
 * offered instead is taken. Saving creates the entry, its participants and its booking; reopening it
 * shows each participant's RSVP, and saving it again removes a participant, moves the entry (its booking
 * follows) and books a second vehicle. A booking refused at save time (someone took the vehicle meanwhile)
 * leaves the entry saved and the server's message beside the vehicle. A weekly entry's booking lists
 * the occurrence the server could not book. A staff member picks a colleague by name too.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api-session.js';
import { axeViolations, screenshot, signIn } from './browser.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite({ admin: true });
let zone: string;
let coordination: string;
const run = Math.random().toString(36).slice(2, 7);
const t = (title: string) => `${title} ${run}`;
const PASSWORD = 'a-long-password-1';

const DAY = 86_400_000;
const dateOf = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
/** A day of its own, weeks ahead, so that other tests' bookings are not in the way. */
const freshDay = () => dateOf(Date.now() + (40 + Math.floor(Math.random() * 300)) * DAY);
/** An instant for a wall time of `day` in the user's zone (the test server's zone has no DST: Asia/Manila or UTC). */
const at = async (day: string, hhmm: string) => {
  const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(Date.parse(`${day}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')!.value.replace('GMT', '') || '+00:00';
  return `${day}T${hhmm}:00${offset}`;
};

const newPage = (width = 1280, height = 900) => suite.newPage({ viewport: { width, height }, timezoneId: zone, timeout: 15_000 });

async function vehicle(name: string): Promise<string> {
  const res = await suite.admin.call<{ id: string }>('POST', '/api/v1/resources', { type: 'vehicle', name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function bookedEntry(title: string, day: string, resourceId: string): Promise<string> {
  const entry = await suite.admin.call<{ id: string }>('POST', '/api/v1/entries', { title, start: await at(day, '09:00'), end: await at(day, '11:00'), calendarId: coordination });
  expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  const booking = await suite.admin.call('POST', '/api/v1/bookings', { resourceId, entryId: entry.body.id });
  expect(booking.status, JSON.stringify(booking.body)).toBe(201);
  return entry.body.id;
}

/** Opens "New", fills title and times, opens the full form (signed in as the administrator unless told). */
async function openFullEditor(page: Page, day: string, title: string, from: string, to: string, as = { email: suite.server.admin.email, password: suite.server.admin.password }) {
  await signIn(page, suite.server.baseUrl, as.email, as.password, `?view=listWeek&date=${day}`);
  await page.getByRole('button', { name: 'New entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'New entry' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Starts').fill(`${day}T${from}`);
  await dialog.getByLabel('Ends').fill(`${day}T${to}`);
  await dialog.getByRole('button', { name: 'More options' }).click();
  return dialog;
}

beforeAll(async () => {
  zone = (await suite.admin.call<{ user: { timeZone: string } }>('GET', '/api/v1/me')).body.user.timeZone;
  const calendars = (await suite.admin.call<{ items: Array<{ id: string; module: string | null }> }>('GET', '/api/v1/calendars')).body.items;
  coordination = calendars.find((c) => c.module === 'coordination')!.id;
});

describe('the full entry editor', () => {
  it('adds participants, shows a booked vehicle busy before saving, takes the free one offered, and saves all three', { timeout: 120_000 }, async () => {
    const day = freshDay();
    const hilux = await vehicle(t('Hilux'));
    const innova = await vehicle(t('Innova'));
    await bookedEntry(t('Site visit'), day, hilux);
    const aminaEmail = `amina-${run}@test.local`;
    expect((await suite.admin.call('POST', '/api/v1/users', { email: aminaEmail, name: t('Amina Datu'), role: 'staff', password: PASSWORD })).status).toBe(201);

    const page = await newPage();
    const dialog = await openFullEditor(page, day, t('Barangay assembly'), '10:00', '12:00');

    // A colleague picked from the suggestions, and a guest by e-mail.
    const people = dialog.getByRole('group', { name: 'Participants' });
    const add = people.getByLabel('Add a person');
    await add.fill(`Amina Datu`);
    await expect.poll(() => people.locator('datalist option').count()).toBe(1);
    await add.fill(`${t('Amina Datu')} <${aminaEmail}>`);
    await people.getByRole('button', { name: 'Add', exact: true }).click();
    await add.fill('not an address');
    await add.press('Enter');
    await people.getByRole('alert').filter({ hasText: 'e-mail address' }).waitFor();
    await add.fill(`Guest ${run} <guest-${run}@partner.ph>`);
    await add.press('Enter');
    await people.getByRole('listitem').filter({ hasText: `guest-${run}@partner.ph` }).waitFor();
    await expect(dialog.isVisible()).resolves.toBe(true); // Enter added the person, it did not save the entry

    // The Hilux is booked 09:00–11:00: busy, naming the booking, with the Innova offered instead.
    const resources = dialog.getByRole('group', { name: 'Resources' });
    await resources.getByLabel('Add a resource').selectOption({ label: t('Hilux') });
    await resources.getByRole('button', { name: 'Add', exact: true }).click();
    const hiluxItem = resources.getByRole('listitem').filter({ hasText: t('Hilux') });
    await hiluxItem.getByText(`Busy then: “${t('Site visit')}”`).waitFor();
    await expect(resources.getByRole('list', { name: 'To book when you save' }).getAttribute('aria-live')).resolves.toBe('polite');

    // Re-checked as the times change: from 11:00 it is free, back at 10:00 busy again.
    await dialog.getByLabel('Starts').fill(`${day}T11:00`);
    await hiluxItem.getByText('Free then.').waitFor();
    await dialog.getByLabel('Starts').fill(`${day}T10:00`);
    await hiluxItem.getByText(`Busy then: “${t('Site visit')}”`).waitFor();
    await hiluxItem.scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-editor-vehicle-busy');
    expect((await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    await hiluxItem.getByRole('button', { name: `Use ${t('Innova')}` }).click();
    await resources.getByRole('listitem').filter({ hasText: t('Innova') }).getByText('Free then.').waitFor();
    await expect(resources.getByRole('listitem').filter({ hasText: t('Hilux') }).count()).resolves.toBe(0);

    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/entries') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const entry = (await (await created).json()) as { id: string };
    await dialog.waitFor({ state: 'detached' });

    const listed = (await suite.admin.call<{ participants: Array<{ name: string; userId: string | null; email: string; rsvp: string }> }>('GET', `/api/v1/entries/${entry.id}/participants`)).body.participants;
    expect(listed.map((p) => [p.name, p.userId !== null, p.rsvp]).sort()).toEqual([[t('Amina Datu'), true, 'invited'], [`Guest ${run}`, false, 'invited']]);
    const booked = (await suite.admin.call<{ items: Array<{ resourceId: string; status: string }> }>('GET', `/api/v1/bookings?entryId=${entry.id}`)).body.items;
    expect(booked.map((b) => [b.resourceId, b.status])).toEqual([[innova, 'approved']]);

    // Amina answers; the editor shows each participant's RSVP and the booking.
    const amina = await apiSession(suite.server.baseUrl, aminaEmail, PASSWORD);
    expect((await amina.call('POST', `/api/v1/entries/${entry.id}/rsvp`, { response: 'going' })).status).toBe(200);
    await page.getByTestId('calendar').getByText(t('Barangay assembly')).first().click();
    const edit = page.getByRole('dialog', { name: 'Edit entry' });
    const aminaRow = edit.getByRole('group', { name: 'Participants' }).getByRole('listitem').filter({ hasText: t('Amina Datu') });
    await aminaRow.getByText('Going').waitFor();
    await edit.getByRole('group', { name: 'Participants' }).getByRole('listitem').filter({ hasText: `Guest ${run}` }).getByText('No answer yet').waitFor();
    await edit.getByRole('list', { name: 'Booked for this entry' }).getByRole('listitem').filter({ hasText: t('Innova') }).getByText('Approved').waitFor();
    await aminaRow.scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-editor-rsvp');

    // Removing the guest and moving the entry an hour later: the entry is changed, the guest removed, the booking moves with it.
    await edit.getByRole('button', { name: `Remove Guest ${run}` }).click();
    await edit.getByText('removed when you save').waitFor();
    await edit.getByLabel('Ends').fill(`${day}T13:00`);
    await edit.getByLabel('Starts').fill(`${day}T11:00`);
    await edit.getByRole('group', { name: 'Resources' }).getByLabel('Add a resource').selectOption({ label: t('Hilux') });
    await edit.getByRole('group', { name: 'Resources' }).getByRole('button', { name: 'Add', exact: true }).click();
    await edit.getByRole('group', { name: 'Resources' }).getByRole('listitem').filter({ hasText: t('Hilux') }).getByText('Free then.').waitFor();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    const after = (await suite.admin.call<{ participants: Array<{ name: string }> }>('GET', `/api/v1/entries/${entry.id}/participants`)).body.participants;
    expect(after.map((p) => p.name)).toEqual([t('Amina Datu')]);
    const nowBooked = (await suite.admin.call<{ items: Array<{ resourceId: string; start: string }> }>('GET', `/api/v1/bookings?entryId=${entry.id}`)).body.items;
    expect(nowBooked.map((b) => [b.resourceId, Date.parse(b.start)]).sort()).toEqual([[hilux, Date.parse(await at(day, '11:00'))], [innova, Date.parse(await at(day, '11:00'))]].sort());
  });

  it('lets a staff member pick a colleague by name from the people directory', { timeout: 120_000 }, async () => {
    const staffEmail = `bea-${run}@test.local`;
    const colleagueEmail = `carlo-${run}@test.local`;
    for (const [email, name] of [[staffEmail, t('Bea Santos')], [colleagueEmail, t('Carlo Bautista')]]) {
      expect((await suite.admin.call('POST', '/api/v1/users', { email, name, role: 'staff', password: PASSWORD })).status).toBe(201);
    }
    const page = await newPage();
    const dialog = await openFullEditor(page, freshDay(), t('Team huddle'), '14:00', '15:00', { email: staffEmail, password: PASSWORD });
    const people = dialog.getByRole('group', { name: 'Participants' });
    const add = people.getByLabel('Add a person');
    await add.fill(t('Carlo Bautista'));
    await expect.poll(() => people.locator('datalist option').count()).toBe(1);
    await expect(people.locator('datalist option').first().getAttribute('value')).resolves.toBe(`${t('Carlo Bautista')} <${colleagueEmail}>`);
    await add.fill(`${t('Carlo Bautista')} <${colleagueEmail}>`);
    await add.press('Enter');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/entries') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const entry = (await (await created).json()) as { id: string };
    const bea = await apiSession(suite.server.baseUrl, staffEmail, PASSWORD);
    await expect.poll(async () => (await bea.call<{ participants: Array<{ email: string; userId: string | null }> }>('GET', `/api/v1/entries/${entry.id}/participants`)).body.participants
      .map((p) => [p.email, p.userId !== null])).toEqual([[colleagueEmail, true]]);
  });

  it('keeps the entry and shows the refusal beside the vehicle when it is taken between the check and the save', { timeout: 120_000 }, async () => {
    const day = freshDay();
    const van = await vehicle(t('Van'));
    const page = await newPage(360, 740);
    const dialog = await openFullEditor(page, day, t('Coastal clean-up'), '09:00', '10:00');
    const resources = dialog.getByRole('group', { name: 'Resources' });
    await resources.getByLabel('Add a resource').selectOption({ label: t('Van') });
    await resources.getByRole('button', { name: 'Add', exact: true }).click();
    await resources.getByRole('listitem').filter({ hasText: t('Van') }).getByText('Free then.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await bookedEntry(t('Fuel run'), day, van); // someone else is quicker
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/entries') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const entry = (await (await created).json()) as { id: string };
    const saved = page.getByRole('dialog', { name: `“${t('Coastal clean-up')}” saved` });
    await saved.getByRole('alert').filter({ hasText: `“${t('Coastal clean-up')}” was saved. One change around it could not be made` }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('could not be made'); // focus follows
    const item = saved.getByRole('group', { name: 'Resources' }).getByRole('listitem').filter({ hasText: t('Van') });
    await item.getByRole('alert').filter({ hasText: 'Not booked: The resource is already booked then' }).waitFor();
    // Checked again for the saved entry: the booking that took it is named.
    await item.getByText(`Busy then: “${t('Fuel run')}”`).waitFor();
    await screenshot(page, 'e2e-editor-booking-refused');
    expect((await suite.admin.call('GET', `/api/v1/entries/${entry.id}`)).status).toBe(200);
    expect((await suite.admin.call<{ items: unknown[] }>('GET', `/api/v1/bookings?entryId=${entry.id}`)).body.items).toEqual([]);

    await saved.getByRole('button', { name: 'Close without them' }).click();
    await saved.waitFor({ state: 'detached' });
    await page.getByTestId('calendar').getByText(t('Coastal clean-up')).first().waitFor();
  });

  it('books a weekly entry occurrence by occurrence and lists the one that was taken', { timeout: 120_000 }, async () => {
    // Within the server's 180-day booking horizon; the second week's slot is taken.
    const firstMs = Date.now() + (20 + Math.floor(Math.random() * 60)) * DAY;
    const day = dateOf(firstMs);
    const tamaraw = await vehicle(t('Tamaraw'));
    await bookedEntry(t('Supply run'), dateOf(firstMs + 7 * DAY), tamaraw);

    const page = await newPage();
    const dialog = await openFullEditor(page, day, t('Weekly outreach'), '10:00', '12:00');
    await dialog.getByLabel('Repeats').selectOption({ label: 'Custom rule (RRULE)…' });
    await dialog.getByLabel(/^Rule, e\.g\./).fill('FREQ=WEEKLY;COUNT=3');
    await dialog.getByRole('group', { name: 'Participants' }).getByLabel('Add a person').fill(`weekly-${run}@partner.ph`);
    await dialog.getByRole('group', { name: 'Participants' }).getByRole('button', { name: 'Add', exact: true }).click();
    const resources = dialog.getByRole('group', { name: 'Resources' });
    await resources.getByLabel('Add a resource').selectOption({ label: t('Tamaraw') });
    await resources.getByRole('button', { name: 'Add', exact: true }).click();
    await resources.getByRole('listitem').filter({ hasText: t('Tamaraw') }).getByText('Free then.').waitFor();
    await resources.getByText('Availability is shown for the first occurrence').waitFor();

    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/entries') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const entry = (await (await created).json()) as { id: string };
    const saved = page.getByRole('dialog', { name: `“${t('Weekly outreach')}” saved` });
    const report = saved.getByRole('status').filter({ hasText: `${t('Tamaraw')}: Booked 2 of 3 occurrences; not booked:` });
    await report.waitFor();
    await expect(report.innerText()).resolves.toContain('(taken)');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Done');
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-editor-series-booking');
    const booked = (await suite.admin.call<{ items: Array<{ recurrenceId: string }> }>('GET', `/api/v1/bookings?entryId=${entry.id}`)).body.items;
    expect(booked.map((b) => b.recurrenceId.slice(0, 10)).sort()).toEqual([day, dateOf(firstMs + 14 * DAY)]);
    await saved.getByRole('button', { name: 'Done' }).click();
    await saved.waitFor({ state: 'detached' });

    // An occurrence opened from the calendar lists the participants with their answer for it.
    const forOccurrence = page.waitForResponse((r) => r.url().includes(`/api/v1/entries/${entry.id}/participants?recurrenceId=${day}T10`));
    await page.getByTestId('calendar').getByText(t('Weekly outreach')).first().click();
    expect((await forOccurrence).status()).toBe(200);
    const edit = page.getByRole('dialog', { name: 'Edit entry' });
    await edit.getByRole('group', { name: 'Participants' }).getByRole('listitem').filter({ hasText: `weekly-${run}@partner.ph` }).getByText('No answer yet').waitFor();
  });
});
