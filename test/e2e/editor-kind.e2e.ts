/**
 * A kind's own fields in the full entry editor, in a real browser: choosing module Staff and kind
 * "Staff task" shows the task's assignee and due date (from the kind's details JSON Schema) and the
 * task's own statuses; a save with other task details but without them says so beside each field and
 * sends nothing; filled in, they are stored in the entry's details, and reopening the entry shows them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, screenshot, signIn } from './browser.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite({ admin: true });
let adminId: string;
let zone: string;
const run = Math.random().toString(36).slice(2, 7);

const dateOf = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

beforeAll(async () => {
  const me = (await suite.admin.call<{ user: { id: string; timeZone: string } }>('GET', '/api/v1/me')).body.user;
  zone = me.timeZone;
  adminId = me.id;
});

describe("the editor's kind fields", () => {
  it("shows a staff task's assignee and due date, saves them in the entry's details and shows them again", { timeout: 120_000 }, async () => {
    const day = dateOf(Date.now() + 30 * 86_400_000);
    const due = dateOf(Date.now() + 33 * 86_400_000);
    const title = `Quarterly report ${run}`;
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: zone, timeout: 15_000 });
    await signIn(page, suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password, `?view=listWeek&date=${day}`);

    await page.getByRole('button', { name: 'New entry' }).click();
    const dialog = page.getByRole('dialog', { name: 'New entry' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Starts').fill(`${day}T09:00`);
    await dialog.getByLabel('Ends').fill(`${day}T10:00`);
    await dialog.getByRole('button', { name: 'More options' }).click();
    await dialog.getByLabel('Module').selectOption({ label: 'Staff' });
    await dialog.getByLabel('Kind').selectOption({ label: 'Staff task' });

    const fields = dialog.getByRole('group', { name: 'Staff task details' });
    await fields.getByLabel('Assignee id').waitFor();
    // The task's own statuses, its default chosen.
    const status = dialog.getByLabel('Status');
    await expect(status.locator('option').allTextContents()).resolves.toEqual(['Not started', 'In progress', 'Blocked', 'Completed', 'Cancelled']);
    await expect(status.inputValue()).resolves.toBe('not_started');

    // Saved with the task's hours but neither assignee nor due date: a message beside each, nothing sent.
    let posted = 0;
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/entries')) posted += 1; });
    await fields.getByLabel('Estimated hours').fill('6.5');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await fields.locator('#field-details-assigneeId-error').getByText('Fill this in.').waitFor();
    await expect(fields.getByLabel('Due date').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(posted).toBe(0);

    await fields.getByLabel('Assignee id').fill(adminId);
    await fields.getByLabel('Due date').fill(due);
    await status.selectOption({ label: 'In progress' });
    expect((await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/entries') && r.request().method() === 'POST' && r.status() === 201);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const entry = (await (await created).json()) as { id: string };
    await dialog.waitFor({ state: 'detached' });

    const stored = (await suite.admin.call<{ module: string; kind: string; status: string; details: Record<string, unknown> }>('GET', `/api/v1/entries/${entry.id}`)).body;
    expect(stored).toMatchObject({ module: 'staff', kind: 'task', status: 'in_progress', details: { assigneeId: adminId, dueDate: due, estimatedHours: 6.5 } });

    // Reopened: the details are in their fields; a change to one keeps the others.
    await page.getByTestId('calendar').getByText(title).first().click();
    const edit = page.getByRole('dialog', { name: 'Edit entry' });
    const editFields = edit.getByRole('group', { name: 'Staff task details' });
    await expect.poll(() => editFields.getByLabel('Assignee id').inputValue()).toBe(adminId);
    await expect(editFields.getByLabel('Due date').inputValue()).resolves.toBe(due);
    await expect(editFields.getByLabel('Estimated hours').inputValue()).resolves.toBe('6.5');
    await expect(edit.getByLabel('Status').inputValue()).resolves.toBe('in_progress');
    await editFields.scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-editor-kind-fields');
    await editFields.getByLabel('Blocked reason').fill('Waiting for the budget figures');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    const after = (await suite.admin.call<{ details: Record<string, unknown> }>('GET', `/api/v1/entries/${entry.id}`)).body.details;
    expect(after).toMatchObject({ assigneeId: adminId, dueDate: due, estimatedHours: 6.5, blockedReason: 'Waiting for the budget figures' });
  });
});
