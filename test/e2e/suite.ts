/**
 * One file's browser-test lifecycle: the server, Chromium and (when asked) the admin's API session
 * for the whole file, and contexts closed after the test that opened them. A context opened outside
 * a test (in a beforeAll) is the file's to share and closes with the browser.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { apiSession, type ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { startE2EServer, type E2EServer } from './server.js';

/** Context options, and the page's default timeout in ms; `timezoneId: undefined` leaves the machine's zone. */
export type PageOptions = BrowserContextOptions & { timeout?: number };

export interface BrowserSuite {
  server: E2EServer;
  browser: Browser;
  /** Only with useBrowserSuite({ admin: true }). */
  admin: ApiSession;
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  newPage(options?: PageOptions): Promise<Page>;
}

const DEFAULTS: PageOptions = { viewport: { width: 1280, height: 800 }, timezoneId: 'UTC', bypassCSP: true, timeout: 10_000 };

/** Registers the hooks; `defaults` override the shared ones for every context of the file, a call's options override both. */
export function useBrowserSuite({ admin = false, defaults = {} }: { admin?: boolean; defaults?: PageOptions } = {}): BrowserSuite {
  let inTest = false;
  let opened: BrowserContext[] = [];
  async function open(options: PageOptions) {
    const { timeout, ...contextOptions } = { ...DEFAULTS, ...defaults, ...options };
    const context = await suite.browser.newContext(contextOptions);
    if (inTest) opened.push(context);
    return { context, timeout };
  }
  const suite = {
    newContext: async (options = {}) => (await open(options)).context,
    async newPage(options = {}) {
      const { context, timeout } = await open(options);
      const page = await context.newPage();
      if (timeout !== undefined) page.setDefaultTimeout(timeout);
      return page;
    },
  } as BrowserSuite;

  beforeAll(async () => {
    suite.server = await startE2EServer();
    suite.browser = await launchBrowser();
    if (admin) suite.admin = await apiSession(suite.server.baseUrl, suite.server.admin.email, suite.server.admin.password);
  }, 120_000);
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    const closing = opened;
    opened = [];
    await Promise.all(closing.map((c) => c.close()));
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
