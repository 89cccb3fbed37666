// The console during an outage: while a part of the server is down it says so in Chinese, at
// the top of the page the clerk is on, and the notice goes away by itself once /api/health
// answers that all is well. Real parts: a worker that is not there yet, then an API that died.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../worker/create-worker.js';
import { launchBrowser } from '../support/browser.js';
import { serveApp } from '../support/serve-app.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { openPage, screenshot, signIn, WAIT } from './console-page.js';

const BANNER = '[data-testid=service-status-banner]';
/** The console re-reads /api/health every 3 s while something is down, every 10 s when all is well. */
const NOTICE_WAIT = 30_000;

let t: TestApp;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let worker: Awaited<ReturnType<typeof createWorker>> | undefined;
let workerRunning: Promise<void> | undefined;

beforeAll(async () => {
  t = await createTestApp(); // no worker on its task queue yet
  server = await serveApp(t.db, t.temporal);
  browser = await launchBrowser();
  ({ context, page } = await openPage(browser));
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
  if (worker) {
    worker.worker.shutdown();
    await workerRunning;
    await worker.connection.close();
  }
  await t?.close();
});

/** Desktop and phone width, both kept to be looked at. */
async function bothWidths(name: string) {
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1600, height: 1000 });
}

describe('the console during an outage', () => {
  it('says that the process worker is restarting while none polls, and clears when one does', async () => {
    await signIn(page, server.url, 'officer-01');
    const banner = page.locator(BANNER);
    await banner.waitFor({ timeout: NOTICE_WAIT });
    expect(await banner.getAttribute('data-problem')).toBe('worker');
    await expect.poll(() => banner.innerText(), { timeout: WAIT }).toContain('流程处理进程正在重启');
    expect(await banner.innerText()).toContain('已提交的操作不会丢失');
    await bothWidths('service-status-worker');

    worker = await createWorker({
      db: t.db,
      address: t.temporal.address,
      namespace: 'default',
      taskQueue: t.temporal.taskQueue,
      notifications: { mailFrom: 'test@qinglan.local', publicUrl: 'http://localhost' },
    });
    workerRunning = worker.worker.run();
    await banner.waitFor({ state: 'detached', timeout: NOTICE_WAIT });
    // the page itself kept working underneath
    await page.locator('.RaLayout-appFrame').waitFor({ timeout: WAIT });
  }, 120_000);

  it('says the server cannot be reached while the API is dead, and clears when it is back on its port', async () => {
    const banner = page.locator(BANNER);
    expect(await banner.count()).toBe(0);
    const port = Number(new URL(server.url).port);
    await server.close();
    // the clerk goes on working: the next read fails, and the notice says why
    await page
      .getByRole('menuitem')
      .first()
      .click()
      .catch(() => undefined);
    await banner.waitFor({ timeout: NOTICE_WAIT });
    expect(await banner.getAttribute('data-problem')).toBe('api');
    expect(await banner.innerText()).toContain('暂时无法连接服务器');
    expect(await page.locator('.RaLayout-appFrame').count()).toBe(1); // not a blank page
    await bothWidths('service-status-api');

    server = await serveApp(t.db, t.temporal, { port });
    await banner.waitFor({ state: 'detached', timeout: NOTICE_WAIT });
    await page.reload();
    await page.locator('.RaLayout-appFrame').waitFor({ timeout: WAIT });
    expect(await page.locator(BANNER).count()).toBe(0);
  }, 120_000);
});
