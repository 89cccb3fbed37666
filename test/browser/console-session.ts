// The lifecycle every console test file shares: the real API and built console served over a
// fresh copy of the demo county, one Chromium for the file, and a fresh page per test (with a
// screenshot kept when it fails). Call once at the top of a test file.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { serveApp } from '../support/serve-app.js';
import type { TestApp } from '../support/test-app.js';
import { closePage, openPage } from './console-page.js';

export interface ConsoleSession {
  /** The API's test app: its database, Temporal handle, login and requests. */
  readonly t: TestApp;
  /** Where the console is served. */
  readonly url: string;
  /** This test's page. */
  readonly page: Page;
}

export function useConsoleSession(
  createApp: () => Promise<TestApp>,
  options: { teardown?: () => Promise<void>; temporalUiUrl?: string } = {},
): ConsoleSession {
  let t: TestApp | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test`);
    return value;
  };

  beforeAll(async () => {
    t = await createApp();
    server = await serveApp(t.db, t.temporal, { temporalUiUrl: options.temporalUiUrl });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await t?.close();
    await options.teardown?.();
  });

  beforeEach(async () => {
    ({ context, page } = await openPage(ready(browser, 'the browser')));
  });

  afterEach(({ task }) => closePage(ready(context, 'the page'), ready(page, 'the page'), task));

  return {
    get t() {
      return ready(t, 'the app');
    },
    get url() {
      return ready(server, 'the server').url;
    },
    get page() {
      return ready(page, 'the page');
    },
  };
}
