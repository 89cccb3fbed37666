// Helpers for driving the console in Chromium: sign in, wait for an API answer, find a menu
// entry. Each takes the page, so several people can be signed in side by side.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { expect } from 'vitest';

export const WAIT = 20_000;

/** Waits for the answer of an API call whose path starts with `prefix`. */
export function apiResponse(
  page: Page,
  prefix: string,
  options: { status?: number; method?: string; test?: (url: URL) => boolean } = {},
): Promise<Response> {
  return page.waitForResponse(
    (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith(prefix)) return false;
      if (options.method && response.request().method() !== options.method) return false;
      if (options.status !== undefined && response.status() !== options.status) return false;
      return options.test ? options.test(url) : true;
    },
    { timeout: WAIT },
  );
}

export async function signIn(page: Page, baseUrl: string, username: string, password = 'demo'): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForSelector('.qinglan-login-form #username', { timeout: WAIT });
  const login = apiResponse(page, '/api/auth/login', { method: 'POST' });
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('.qinglan-login-form button[type=submit]');
  expect((await login).status()).toBe(200);
  await page.waitForSelector('.RaLayout-appFrame', { timeout: WAIT });
}

/** The menu entry with exactly this label. */
export function menuItem(page: Page, label: string) {
  return page.locator('.RaSidebar-fixed').getByRole('menuitem', { name: label, exact: true });
}

/** Opens 我的待办 and the task of this step (of this process, when its title is given). */
export async function openInboxTask(page: Page, stepName: string, processTitle?: string): Promise<void> {
  const inbox = apiResponse(page, '/api/tasks', { status: 200, test: (url) => url.searchParams.has('range') });
  await menuItem(page, '我的待办').click();
  await inbox;
  let row = page.locator('tbody tr.RaDatagrid-row').filter({ hasText: stepName });
  if (processTitle) row = row.filter({ hasText: processTitle });
  await row.first().click();
  await page.locator('.qinglan-task-step').filter({ hasText: stepName }).waitFor();
}

/** Types into a react-admin autocomplete and picks the option whose text contains `text`. */
export async function pickOption(page: Page, label: RegExp, text: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(text);
  await page.getByRole('option').filter({ hasText: text }).first().click();
}

/** Polls until `read` returns a value (the workflow writes its rows a moment after a call). */
export async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeout = WAIT): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const RESULTS_DIR = path.resolve('test-results');

/** A fresh browser context and page for one test; a console crash is reported with its stack. */
export async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`console crashed: ${error.stack}`));
  return { context, page };
}

/** Closes a test's page, keeping a screenshot when the test failed. */
export async function closePage(
  context: BrowserContext,
  page: Page,
  test: { name: string; result?: { state?: string } },
): Promise<void> {
  if (test.result?.state === 'fail')
    await screenshot(page, `failed-${test.name.replace(/[^\w\u4e00-\u9fff-]+/g, '-').slice(0, 80)}`).catch(() => {});
  await context.close();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
}
