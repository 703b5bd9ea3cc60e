/** Repeating entries in the browser: a dragged occurrence asks which occurrences move. */
import { describe, expect, it } from 'vitest';
import { screenshot, signIn } from './browser.js';
import { useBrowserSuite } from './suite.js';

// The app under its own CSP, as people get it: nothing here injects axe.
const suite = useBrowserSuite({ admin: true, defaults: { viewport: { width: 1280, height: 900 }, timezoneId: undefined, bypassCSP: false } });

const addDays = (date: string, days: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

describe('repeating entries in the web calendar', () => {
  it('moves only the dragged occurrence when the user says so', async () => {
    const run = Math.random().toString(36).slice(2, 7);
    const title = `Weekly check-in ${run}`;
    // A Monday-to-Wednesday daily series far from other data, in a month of its own.
    const someDay = addDays(new Date().toISOString().slice(0, 10), 400 + Math.floor(Math.random() * 2000));
    // Early in its month, so that a week later is still on the month grid the test drags across.
    const first = `${someDay.slice(0, 8)}${String(1 + Math.floor(Math.random() * 18)).padStart(2, '0')}`;
    const calendars = (await suite.admin.call<{ items: Array<{ id: string; module: string | null }> }>('GET', '/api/v1/calendars')).body.items;
    const calendar = calendars.find((c) => c.module === 'coordination')!;
    const created = await suite.admin.call<{ id: string }>('POST', '/api/v1/entries', {
      title, start: first, end: addDays(first, 1), allDay: true, calendarId: calendar.id, module: 'coordination', kind: 'event', rrule: 'FREQ=DAILY;COUNT=3',
    });
    expect(created.status).toBe(201);

    const page = await suite.newPage();
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password, `?view=dayGridMonth&date=${first}`);
    const cal = page.getByTestId('calendar');
    const second = addDays(first, 1);
    const target = addDays(first, 7);
    const occurrence = cal.locator(`[data-date="${second}"]`).last().getByText(title);
    await occurrence.waitFor();

    const box = (await occurrence.boundingBox())!;
    const to = (await cal.locator(`[data-date="${target}"]`).last().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();

    const ask = page.getByRole('dialog', { name: /Move/ });
    await ask.waitFor();
    await screenshot(page, 'e2e-recurring-scope');
    const patch = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/occurrences/'));
    await ask.getByRole('button', { name: 'Only this occurrence' }).click();
    expect((await patch).status()).toBe(200);

    await expect.poll(async () => {
      const feed = await suite.admin.call<Array<{ title: string; start: string }>>('GET', `/api/v1/calendar?start=${first}&end=${addDays(first, 14)}`);
      return feed.body.filter((e) => e.title === title).map((e) => e.start).sort();
    }).toEqual([first, addDays(first, 2), target].sort());
    await cal.locator(`[data-date="${target}"]`).last().getByText(title).waitFor();
  });

  it('creates a weekly entry from the full form with the server preview of its dates', async () => {
    const page = await suite.newPage();
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password, '?view=timeGridWeek');
    const dialog = page.getByRole('dialog', { name: 'New entry' });
    // Right after sign-in the shortcut can land before the calendar page listens for keys: open by the button.
    await page.getByRole('button', { name: 'New entry', exact: true }).click();
    await dialog.getByLabel('Title').fill('Monday staff meeting');
    await dialog.getByRole('button', { name: 'More options' }).click();
    await dialog.getByLabel('Repeats').selectOption({ label: 'Every week' });
    await dialog.locator('#entry-rrule-help').getByText('Next:').waitFor();
    await screenshot(page, 'e2e-repeat-preview');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/entries') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    expect(((await response.json()) as { rrule: string }).rrule).toMatch(/FREQ=WEEKLY/);
  });
});
