/**
 * Browser-test helpers: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * screenshots to artifacts/, and a check that web/dist is built before the server serves it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(repo, 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Builds web/dist when it is missing or older than web/src (same check as `npm start`). */
export function ensureWebBuild(): void {
  execFileSync(process.execPath, [path.join(repo, 'scripts', 'ensure-web-build.mjs')], { cwd: repo, stdio: 'inherit' });
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Waits until the calendar is drawn and the shell names its period ("8 – 14 December 2026"). */
export async function calendarShown(page: Page, timeout = 20_000): Promise<void> {
  await page.locator('[data-testid="calendar"][data-ready]').waitFor({ state: 'attached', timeout });
  await page.getByTestId('period').filter({ hasText: /\d/ }).waitFor({ state: 'visible', timeout });
}

/** Signs in through the form and waits for the calendar to be drawn. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/${query}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await calendarShown(page);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the page (the context needs bypassCSP: the app's CSP forbids inline scripts). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(path.join(repo, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ html: string }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 200)) }));
  });
}
