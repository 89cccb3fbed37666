// 使用 in the console: the township officer opens a village's 使用推荐 from the pool's village
// filter, reads each row's reasons, uses the first reserve through the dialog (post and date),
// and sees 已使用 with the post on the reserve's page, its history refreshed. The village's
// reserves are the demo county's, given running cultivations as a county starting qinglan would.
// Screenshots of the ranking and the dialog, desktop and phone, are kept in test-results/.
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cultivationId } from '../../workflows/reserve-cultivation/reserve-cultivation-definition.js';
import { reserveCultivation } from '../../workflows/reserve-cultivation/reserve-cultivation-workflow.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { apiResponse, eventually, screenshot, signIn } from './console-page.js';
import { useConsoleSession } from './console-session.js';

const TEST_TIMEOUT = 180_000;
const session = useConsoleSession(() => createTestApp({ worker: true }));
let t: TestApp;
let page: Page;
let villageId: number;
const POST = '村委会委员';

interface Row {
  reserveId: number;
  name: string;
}
let ranked: Row[];

beforeAll(async () => {
  t = session.t;
  const secretary = await t.db
    .selectFrom('users')
    .select('village_id')
    .where('username', '=', 'village-001')
    .executeTakeFirstOrThrow();
  villageId = secretary.village_id!;
  const held = await t.db
    .selectFrom('reserves')
    .select('id')
    .where('village_id', '=', villageId)
    .where('status', 'in', ['trial', 'in_pool'])
    .execute();
  expect(held.length, 'the village holds reserves').toBeGreaterThan(0);
  for (const r of held) {
    const id = cultivationId(t.temporal.idPrefix ?? '', r.id);
    await t.temporal.client.workflow.start(reserveCultivation, {
      taskQueue: t.temporal.taskQueue,
      workflowId: id,
      args: [{ reserveId: r.id, startedBy: null }],
    });
    await t.db.updateTable('reserves').set({ cultivation_workflow_id: id }).where('id', '=', r.id).execute();
  }
  const res = await t.request(`/api/processes/reserve-cultivation/villages/${villageId}/use-ranking`, {
    as: await t.login('officer-01'),
  });
  expect(res.status).toBe(200);
  ranked = (await res.json()).rows;
}, 120_000);

beforeEach(() => {
  page = session.page;
});

/** The pool filtered to the village, then its 使用推荐 (its link appears once a village is chosen). */
async function openRanking() {
  await page.goto(`${session.url}/#/reserves?filter=${encodeURIComponent(JSON.stringify({ villageId }))}`);
  await page.locator('.qinglan-use-ranking-link').click();
  await page.waitForURL((url) => url.hash === `#/reserve-use/${villageId}`);
  await page.locator('.qinglan-use-row').first().waitFor();
}

describe('使用推荐 and 使用 in the console', () => {
  // Each size in its own page, signed in at that size: the menu's state is kept per page.
  for (const [width, height, device] of [
    [1366, 900, 'desktop'],
    [390, 844, 'phone'],
  ] as const)
    it(
      `screenshots: the ranking and the use dialog on a ${device}`,
      async () => {
        await page.setViewportSize({ width, height });
        await signIn(page, session.url, 'officer-01');
        await openRanking();
        await screenshot(page, `reserve-use-ranking-${device}`);
        await page.locator('.qinglan-use-row').first().locator('.qinglan-reserve-use').click();
        await page.locator('.qinglan-use-dialog input[name="post"]').waitFor();
        // past the dialog's fade-in, so the picture is what the clerk sees
        await page.waitForFunction(
          () => getComputedStyle(document.querySelector('.qinglan-use-dialog .MuiDialog-container')!).opacity === '1',
        );
        await screenshot(page, `reserve-use-dialog-${device}`);
      },
      TEST_TIMEOUT,
    );

  it(
    'the township officer uses the first-ranked reserve and sees 已使用 with the post',
    async () => {
      await signIn(page, session.url, 'officer-01');
      await openRanking();
      const rows = page.locator('.qinglan-use-row');
      expect(await rows.count()).toBe(ranked.length);
      const first = rows.first();
      expect(await first.getAttribute('data-reserve')).toBe(String(ranked[0].reserveId));
      expect(await first.innerText()).toContain(ranked[0].name);
      // Each row says why: its reviews, training and trial, and what puts it ahead.
      expect(await first.innerText()).toMatch(/培训 \d+ 次/);
      if (ranked.length > 1) expect(await first.locator('.qinglan-use-why').innerText()).not.toBe('末位');

      await first.locator('.qinglan-reserve-use').click();
      const dialog = page.locator('.qinglan-use-dialog');
      // Nothing typed: the confirm stays disabled; a bad date is refused under its field.
      expect(await dialog.locator('button[name="confirm-use"]').isDisabled()).toBe(true);
      await dialog.locator('input[name="post"]').fill(POST);
      await dialog.locator('input[name="date"]').fill('2026-04-15');
      const used = apiResponse(page, `/api/processes/reserve-cultivation/reserves/${ranked[0].reserveId}/use`, {
        method: 'POST',
      });
      await dialog.locator('button[name="confirm-use"]').click();
      const response = await used;
      expect(response.status(), await response.text()).toBe(200);
      await dialog.waitFor({ state: 'detached' });
      // The ranking is read again: the used reserve has left it.
      await page.locator(`.qinglan-use-row[data-reserve="${ranked[0].reserveId}"]`).waitFor({ state: 'detached' });

      await eventually(
        async () =>
          (await t.db.selectFrom('reserves').select('status').where('id', '=', ranked[0].reserveId).executeTakeFirst())
            ?.status === 'used'
            ? true
            : undefined,
        'the reserve used',
      );
      const shown = apiResponse(page, `/api/reserves/${ranked[0].reserveId}`, { status: 200 });
      await page.goto(`${session.url}/#/reserves/${ranked[0].reserveId}/show`);
      await shown;
      await page.locator('.qinglan-reserve-show .qinglan-reserve-status[data-status="used"]').first().waitFor();
      await page.locator('.qinglan-reserve-history tbody tr[data-status="used"]').waitFor();
      const text = await page.locator('.qinglan-reserve-show').innerText();
      expect(text).toContain('已使用');
      expect(text).toContain(POST);
      // No 使用 or 退出 once used.
      expect(await page.locator('.qinglan-reserve-use').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'on the reserve’s page the officer exits another reserve; a missing reason is refused under its field',
    async () => {
      const other = ranked[1];
      if (!other) return;
      await signIn(page, session.url, 'officer-01');
      const shown = apiResponse(page, `/api/reserves/${other.reserveId}`, { status: 200 });
      await page.goto(`${session.url}/#/reserves/${other.reserveId}/show`);
      await shown;
      await page.locator('.qinglan-reserve-exit').click();
      const dialog = page.locator('.qinglan-exit-dialog');
      await dialog.locator('[role="combobox"]').click();
      await page.getByRole('option', { name: '迁出' }).click();
      await dialog.locator('textarea[name="reason"]').fill('   ');
      const refused = apiResponse(page, `/api/processes/reserve-cultivation/reserves/${other.reserveId}/exit`, {
        method: 'POST',
      });
      await dialog.locator('button[name="confirm-exit"]').click();
      expect((await refused).status()).toBe(400);
      await dialog.locator('.Mui-error', { hasText: '不能为空' }).first().waitFor();
      await dialog.locator('textarea[name="reason"]').fill('全家迁往外省');
      const exited = apiResponse(page, `/api/processes/reserve-cultivation/reserves/${other.reserveId}/exit`, {
        method: 'POST',
      });
      await dialog.locator('button[name="confirm-exit"]').click();
      expect((await exited).status()).toBe(200);
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.qinglan-reserve-history tbody tr[data-status="exited"]').waitFor();
      expect(await page.locator('.qinglan-reserve-show').innerText()).toContain('全家迁往外省');
    },
    TEST_TIMEOUT,
  );
});
