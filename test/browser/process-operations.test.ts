// The county admin operating processes: the process list narrowed by type and current step in
// the console, the filter kept in the address so the same list opens from a shared link; the
// raw history of a pairing with its events' attributes decoded, the download and the link to
// the Temporal UI, and the auditor reading the same history with the phone masked.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPairings } from '../support/start-pairings.js';
import { createTestApp } from '../support/test-app.js';
import { apiResponse, eventually, menuItem, screenshot, signIn } from './console-page.js';
import { useConsoleSession } from './console-session.js';

const TEST_TIMEOUT = 90_000;
const PHONE = '13812345678';
const session = useConsoleSession(() => createTestApp({ worker: true }), {
  temporalUiUrl: 'http://127.0.0.1:8233',
});
const titles: string[] = [];
let processId: string;

beforeAll(async () => {
  const { t } = session;
  for (const started of await startPairings(t, { officer: 'officer-01', count: 2, reason: `联系电话${PHONE}` })) {
    titles.push(started.title);
    processId = started.id;
  }
  // Both waiting on 结对审批.
  await eventually(async () => {
    const open = await t.db
      .selectFrom('tasks')
      .select(t.db.fn.countAll<number>().as('n'))
      .where('step_key', '=', 'proposal.approval')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return Number(open.n) >= 2 ? true : undefined;
  }, 'both pairings at 结对审批');
}, 120_000);

const listAnswer = (page: Page, test: (filter: Record<string, unknown>) => boolean) =>
  apiResponse(page, '/api/processes', {
    status: 200,
    test: (url) => url.searchParams.has('range') && test(JSON.parse(url.searchParams.get('filter') ?? '{}')),
  });

async function rowTitles(page: Page): Promise<string[]> {
  const rows = page.locator('tbody tr.RaDatagrid-row');
  await rows.first().waitFor();
  return (await rows.allInnerTexts()).map((text) => titles.find((title) => text.includes(title)) ?? text).sort();
}

/** Opens the pairing's 原始事件 as `user` and unfolds the first event's attributes. */
async function firstEventAttributes(page: Page, user: string): Promise<string> {
  await signIn(page, session.url, user);
  const history = apiResponse(page, `/api/processes/${processId}/history`, { status: 200 });
  await page.goto(`${session.url}/#/processes/${encodeURIComponent(processId)}/show`);
  await page.locator('.qinglan-tab-history').click();
  await history;
  await page.locator('.qinglan-raw-history').getByText('WorkflowExecutionStarted').waitFor();
  const started = page.locator('.qinglan-history-attributes').first();
  await started.locator('summary').click();
  return started.locator('pre').innerText();
}

describe('operating processes in the console', () => {
  it(
    'the county admin narrows the list by type and current step; the address opens the same list',
    async () => {
      const { page } = session;
      await signIn(page, session.url, 'admin');
      const first = listAnswer(page, () => true);
      await menuItem(page, '流程').click();
      await first;

      const byType = listAnswer(page, (f) => f.type === 'mentor-pairing');
      await page.getByRole('combobox', { name: '流程类型' }).click();
      await page.getByRole('option', { name: '导师帮带', exact: true }).click();
      await byType;
      await page.getByRole('button', { name: '添加筛选' }).click();
      await page.locator('[role=menu]').getByText('当前环节', { exact: true }).click();
      const byStep = listAnswer(page, (f) => f.type === 'mentor-pairing' && f.currentStep === 'proposal.approval');
      await page.getByRole('combobox', { name: '当前环节' }).click();
      await page.getByRole('option', { name: '结对审批', exact: true }).click();
      await byStep;
      expect(await rowTitles(page)).toEqual([...titles].sort());
      const link = page.url();
      expect(decodeURIComponent(link)).toContain('"currentStep":"proposal.approval"');
      await screenshot(page, 'process-list-filters-desktop');

      // The link, opened afresh, brings back the filter and its rows.
      const shared = await page.context().newPage();
      const again = listAnswer(shared, (f) => f.currentStep === 'proposal.approval');
      await shared.goto(link);
      await again;
      expect(await rowTitles(shared)).toEqual([...titles].sort());
      expect(await shared.getByRole('combobox', { name: '当前环节' }).innerText()).toContain('结对审批');
      await shared.setViewportSize({ width: 390, height: 844 });
      await shared.locator('.RaSimpleList-root, .MuiList-root').filter({ hasText: titles[0] }).first().waitFor();
      await screenshot(shared, 'process-list-filters-phone');
      await shared.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the raw history shows attributes decoded, downloads as JSON and links to the Temporal UI',
    async () => {
      const { page } = session;
      const attributes = await firstEventAttributes(page, 'admin');
      expect(attributes).toContain('"name": "mentorPairing"');
      expect(attributes).toContain(`联系电话${PHONE}`);
      expect(await page.locator('.qinglan-history-download').getAttribute('href')).toBe(
        `/api/processes/${processId}/history.json`,
      );
      expect(await page.locator('.qinglan-history-temporal-ui').getAttribute('href')).toBe(
        `http://127.0.0.1:8233/namespaces/default/workflows/${processId}`,
      );
      await screenshot(page, 'raw-history-desktop');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'raw-history-phone');
    },
    TEST_TIMEOUT,
  );

  it(
    'the auditor reads the same history with the phone masked',
    async () => {
      const { page } = session;
      const attributes = await firstEventAttributes(page, 'auditor');
      await page.getByText('身份证号、手机号已按权限遮蔽').waitFor();
      expect(attributes).toContain('联系电话138****5678');
      expect(attributes).not.toContain(PHONE);
    },
    TEST_TIMEOUT,
  );
});
