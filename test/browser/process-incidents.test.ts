// The county admin on a bad day: a pairing whose first step could not open (the database
// refused its task row) is 异常; the admin finds it from the dashboard, reads the error on the
// process page and, once the cause is mended, retries it and sees it go on.
import { beforeAll, describe, expect, it } from 'vitest';
import { refuseTasks, REFUSAL } from '../support/refuse-tasks.js';
import { startPairings } from '../support/start-pairings.js';
import { createTestApp } from '../support/test-app.js';
import { apiResponse, eventually, screenshot, signIn } from './console-page.js';
import { useConsoleSession } from './console-session.js';

const session = useConsoleSession(() => createTestApp({ worker: true }));
let processId: string;
let title: string;

beforeAll(async () => {
  const { t } = session;
  const mend = await refuseTasks(t.db);
  [{ id: processId, title }] = await startPairings(t, { officer: 'officer-01', count: 1 });
  // Four tries over about 13 s, then the incident.
  await eventually(
    async () => {
      const row = await t.db.selectFrom('processes').select('status').where('id', '=', processId).executeTakeFirst();
      return row?.status === 'incident' ? true : undefined;
    },
    'the pairing 异常',
    90_000,
  );
  await mend();
}, 150_000);

describe('incidents in the console', () => {
  it('the admin finds the 异常 process from the dashboard, reads the error, retries it and sees it go on', async () => {
    const { page, url } = session;
    await signIn(page, url, 'admin');
    const card = page.locator('.qinglan-stat-card[data-stat="incidents"]');
    await expect.poll(() => card.locator('.qinglan-stat-value').innerText(), { timeout: 20_000 }).toBe('1');
    await screenshot(page, 'incidents-dashboard-desktop');
    await card.click();
    await page.locator('tbody tr.RaDatagrid-row').filter({ hasText: title }).click();

    const panel = page.locator('.qinglan-incident');
    await panel.waitFor();
    expect(await panel.locator('.qinglan-incident-error').innerText()).toContain(REFUSAL);
    expect(await panel.innerText()).toContain('开启办理步骤失败（已重试 4 次）');
    await expect.poll(() => page.locator('.qinglan-process-status').first().innerText()).toBe('异常');
    await screenshot(page, 'incident-process-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'incident-process-phone');
    await page.setViewportSize({ width: 1600, height: 1000 });

    const retried = apiResponse(page, `/api/processes/${processId}/incident/retry`, { status: 200 });
    await panel.locator('.qinglan-incident-retry').click();
    await retried;
    // The step opens: the page, refreshed, shows 进行中 and no incident.
    await eventually(
      async () => {
        await page.reload();
        await page.locator('.qinglan-process-status').first().waitFor();
        const status = await page.locator('.qinglan-process-status').first().innerText();
        return status === '进行中' && (await panel.count()) === 0 ? true : undefined;
      },
      'the process running again',
      40_000,
    );
    await screenshot(page, 'incident-retried-desktop');
  }, 120_000);
});
