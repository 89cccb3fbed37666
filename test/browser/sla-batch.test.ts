// 批量同意 and 时效报表 in the console: a township Party secretary ticks several pairing
// proposals in 我的待办 and approves them at once; the county admin then opens 时效报表, sees
// the table and the chart with those decisions, and downloads the same figures as Excel.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPairings } from '../support/start-pairings.js';
import { createTestApp } from '../support/test-app.js';
import { useConsoleSession } from './console-session.js';
import { apiResponse, eventually, menuItem, screenshot, signIn } from './console-page.js';

const session = useConsoleSession(() => createTestApp({ worker: true }));

/** Desktop (1366) and phone (390) width, both kept to be looked at. */
async function bothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 900 });
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function startApprovals(n: number) {
  const { t } = session;
  const ids = (await startPairings(t, { officer: 'officer-01', count: n, reason: '结对' })).map((p) => p.id);
  await eventually(async () => {
    const open = await t.db
      .selectFrom('tasks')
      .select('id')
      .where('process_id', 'in', ids)
      .where('step_key', '=', 'proposal.approval')
      .execute();
    return open.length === ids.length ? open : undefined;
  }, 'the proposals in the secretary’s inbox');
  return ids;
}

/** The statuses of the proposals' approval tasks, in process order. */
async function approvalStatuses(ids: string[]) {
  const rows = await session.t.db
    .selectFrom('tasks')
    .select('status')
    .where('process_id', 'in', ids)
    .where('step_key', '=', 'proposal.approval')
    .execute();
  return rows.map((r) => r.status);
}

describe('批量同意 and 时效报表 in the console', () => {
  it('a township secretary ticks three proposals in 我的待办 and approves them at once', async () => {
    const { page, url } = session;
    const ids = await startApprovals(3);
    await signIn(page, url, 'secretary-01');
    const inbox = apiResponse(page, '/api/tasks', { status: 200 });
    await menuItem(page, '我的待办').click();
    await inbox;
    await page.locator('tbody tr.RaDatagrid-row').nth(2).waitFor();
    await page.locator('thead input[type=checkbox]').check();
    await page.locator('.qinglan-batch-approve').click();
    await page.locator('.qinglan-batch-dialog textarea[name=comment]').fill('同意结对');
    await screenshot(page, 'batch-approve-dialog-desktop');
    const sent = apiResponse(page, '/api/tasks/batch-decide', { method: 'POST' });
    await page.locator('.qinglan-batch-confirm').click();
    expect((await sent).status()).toBe(200);
    const summary = page.locator('.qinglan-batch-summary');
    await expect.poll(() => summary.innerText()).toContain('成功 3 项，失败 0 项');
    expect(await page.locator('.qinglan-batch-item').count()).toBe(3);
    await screenshot(page, 'batch-approve-result-desktop');
    await page.locator('.qinglan-batch-close').click();
    await bothWidths(page, 'batch-approve-inbox-after');
    expect(await approvalStatuses(ids)).toEqual(['done', 'done', 'done']);
  });

  it('on a phone, the secretary approves every proposal on the page that needs no form, named first', async () => {
    const { page, url } = session;
    const ids = await startApprovals(2);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await signIn(page, url, 'secretary-01');
      const inbox = apiResponse(page, '/api/tasks', { status: 200 });
      await page.goto(`${url}/#/tasks`);
      await inbox;
      const button = page.locator('.qinglan-batch-approve');
      await expect.poll(() => button.innerText()).toBe('批量同意本页 2 项');
      await button.click();
      // nothing ticked on a phone: the dialog names what will be approved before it is sent
      await expect.poll(() => page.locator('.qinglan-batch-tasks li').count()).toBe(2);
      await screenshot(page, 'batch-approve-dialog-phone');
      const sent = apiResponse(page, '/api/tasks/batch-decide', { method: 'POST' });
      await page.locator('.qinglan-batch-confirm').click();
      expect((await sent).status()).toBe(200);
      await expect.poll(() => page.locator('.qinglan-batch-summary').innerText()).toContain('成功 2 项，失败 0 项');
      await screenshot(page, 'batch-approve-result-phone');
      await page.locator('.qinglan-batch-close').click();
      // nothing approvable is left on the page: the button goes
      await expect.poll(() => button.count()).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
    expect(await approvalStatuses(ids)).toEqual(['done', 'done']);
  });

  it('the county admin opens 时效报表, sees the table and the chart, and downloads Excel', async () => {
    const { page, url } = session;
    await signIn(page, url, 'admin');
    const report = apiResponse(page, '/api/reports/sla', { status: 200 });
    await menuItem(page, '时效报表').click();
    await report;
    const table = page.locator('.qinglan-sla-table');
    await expect.poll(() => table.innerText()).toContain('结对审批');
    expect(await page.locator('.qinglan-sla-chart .qinglan-sla-bar').count()).toBeGreaterThan(0);
    await bothWidths(page, 'sla-report');
    const download = page.waitForEvent('download');
    await page.locator('.qinglan-sla-export').click();
    const file = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('时效报表')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('乡镇(街道)');
    const rows = (await table.locator('tbody tr').allInnerTexts()).length;
    expect(sheet.getRow(rows + 1).getCell(1).value).toBeTruthy();
  });
});
