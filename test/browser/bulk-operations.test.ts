// The county admin on a bad day, after the incident: three pairings of 漳江镇 must go. The admin
// narrows the process list to the township, opens 批量操作, reads which processes it would
// withdraw (陬市镇's pairing is not among them), gives the reason, watches each one 成功, and
// finds the reason on each process's timeline.
import { beforeAll, describe, expect, it } from 'vitest';
import { startPairings } from '../support/start-pairings.js';
import { createTestApp } from '../support/test-app.js';
import { apiResponse, eventually, screenshot, signIn } from './console-page.js';
import { useConsoleSession } from './console-session.js';

const session = useConsoleSession(() => createTestApp({ worker: true }));
const REASON = '村两委换届后导师调整，统一重新结对';
let own: { id: string; title: string }[];
let other: { id: string; title: string }[];
let township: number;

beforeAll(async () => {
  const { t } = session;
  own = await startPairings(t, { officer: 'officer-01', count: 3 });
  other = await startPairings(t, { officer: 'officer-02', count: 1 });
  township = (
    await t.db.selectFrom('users').select('township_id').where('username', '=', 'officer-01').executeTakeFirstOrThrow()
  ).township_id!;
}, 120_000);

describe('bulk operations in the console', () => {
  it('the admin withdraws three processes by filter with a reason and reads it on each timeline', async () => {
    const { page, url, t } = session;
    await signIn(page, url, 'admin');
    await page.setViewportSize({ width: 1366, height: 900 });
    const listed = apiResponse(page, '/api/processes', { status: 200, test: (u) => u.searchParams.has('range') });
    await page.goto(`${url}/#/processes?filter=${encodeURIComponent(JSON.stringify({ townshipId: township }))}`);
    await listed;

    const previewed = apiResponse(page, '/api/processes/bulk-operations/preview', { status: 200 });
    await page.locator('.qinglan-bulk-operation').click();
    await previewed;
    const dialog = page.locator('.qinglan-bulk-dialog');
    await expect
      .poll(() => dialog.locator('.qinglan-bulk-matched').innerText())
      .toBe('当前筛选条件下共 3 个流程：将处理 3 个，跳过 0 个。');
    const previewText = await dialog.locator('.qinglan-bulk-preview').innerText();
    for (const p of own) expect(previewText).toContain(p.title);
    expect(previewText).not.toContain(other[0].title);
    await dialog.locator('.qinglan-bulk-reason textarea').first().fill(REASON);
    await screenshot(page, 'bulk-preview-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'bulk-preview-phone');
    await page.setViewportSize({ width: 1366, height: 900 });

    const submitted = apiResponse(page, '/api/processes/bulk-operations', { method: 'POST', status: 202 });
    await dialog.locator('.qinglan-bulk-confirm').click();
    await submitted;
    const result = dialog.locator('.qinglan-bulk-result[data-status="done"]');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.locator('.qinglan-bulk-progress').innerText()).toBe('已处理 3 / 3');
    expect(await result.locator('.qinglan-bulk-result-item[data-status="succeeded"]').count()).toBe(3);
    expect(await result.innerText()).toContain('成功 3 个，跳过 0 个，失败 0 个');
    await screenshot(page, 'bulk-result-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'bulk-result-phone');
    await page.setViewportSize({ width: 1366, height: 900 });

    for (const p of own) {
      await eventually(async () => {
        const row = await t.db.selectFrom('processes').select('status').where('id', '=', p.id).executeTakeFirst();
        return row?.status === 'cancelled' ? true : undefined;
      }, `${p.title} 已撤销`);
      await page.goto(`${url}/#/processes/${encodeURIComponent(p.id)}/show`);
      const entry = page.locator('.qinglan-timeline-entry').filter({ hasText: '申请撤销' });
      await entry.waitFor();
      expect(await entry.locator('.qinglan-timeline-comment').innerText()).toContain(REASON);
    }
    await screenshot(page, 'bulk-cancelled-timeline-desktop');

    // The same filter again: nothing left to withdraw, each one 跳过：已结束.
    const again = apiResponse(page, '/api/processes/bulk-operations/preview', { status: 200 });
    await page.goto(`${url}/#/processes?filter=${encodeURIComponent(JSON.stringify({ townshipId: township }))}`);
    await page.locator('.qinglan-bulk-operation').click();
    await again;
    await expect
      .poll(() => dialog.locator('.qinglan-bulk-matched').innerText())
      .toBe('当前筛选条件下共 3 个流程：将处理 0 个，跳过 3 个。');
    expect(await dialog.locator('.qinglan-bulk-preview-item[data-skip="yes"]').count()).toBe(3);
    expect(await dialog.locator('.qinglan-bulk-preview').innerText()).toContain('跳过：已结束');
    expect(await dialog.locator('.qinglan-bulk-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'bulk-preview-skipped-desktop');
    const untouched = await t.db.selectFrom('processes').select('status').where('id', '=', other[0].id).execute();
    expect(untouched).toEqual([{ status: 'running' }]);
  }, 120_000);
});
