// 节假日调整 in the console: the county admin sees up to which year holidays are built in and
// enters three days of next year's Spring Festival at once; a township officer reads the list
// and may change nothing.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LIBRARY_YEARS } from '../../domain/working-days.js';
import { createTestApp } from '../support/test-app.js';
import { apiResponse, menuItem, screenshot, signIn } from './console-page.js';
import { useConsoleSession } from './console-session.js';

const TEST_TIMEOUT = 60_000;
const NEXT = LIBRARY_YEARS.last + 1;
const DAY = `${NEXT}-02-08`;
const LAST = `${NEXT}-02-10`;

const session = useConsoleSession(() => createTestApp());

async function openCalendar(page: Page): Promise<void> {
  const list = apiResponse(page, '/api/calendar-overrides', {
    status: 200,
    test: (url) => url.searchParams.has('range'),
  });
  await menuItem(page, '节假日调整').click();
  await list;
}

describe('calendar overrides in the console', () => {
  it(
    'the county admin sees the last built-in year and enters a holiday of the next',
    async () => {
      const { page, t } = session;
      await signIn(page, session.url, 'admin');
      await openCalendar(page);
      const notice = page.locator('.qinglan-calendar-bundled');
      await notice.waitFor();
      expect(await notice.getAttribute('data-last')).toBe(String(LIBRARY_YEARS.last));
      expect(await notice.innerText()).toContain(`${NEXT} 年起`);

      await page.getByRole('link', { name: '新建' }).click();
      await page.getByLabel('日期').fill(DAY);
      await page.getByLabel('至（含）').fill(LAST);
      await page.getByLabel('名称').fill('春节');
      const created = apiResponse(page, '/api/calendar-overrides', { method: 'POST' });
      await page.getByRole('button', { name: '保存' }).click();
      expect((await created).status()).toBe(201);

      const row = page.locator('tbody tr.RaDatagrid-row').filter({ hasText: '春节' }).first();
      await row.waitFor();
      expect(await page.locator('tbody tr.RaDatagrid-row').filter({ hasText: '春节' }).count()).toBe(3);
      expect(await row.innerText()).toContain('放假');
      // written as in the State Council's notice, with the weekday
      expect(await row.locator('.qinglan-calendar-day').innerText()).toMatch(new RegExp(`^${DAY} 周[一二三四五六日]$`));
      expect(
        await t.db
          .selectFrom('calendar_overrides')
          .select(['day', 'kind', 'name'])
          .where('name', '=', '春节')
          .orderBy('day')
          .execute(),
      ).toEqual([DAY, `${NEXT}-02-09`, LAST].map((day) => ({ day, kind: 'holiday', name: '春节' })));
      await screenshot(page, 'calendar-overrides');
    },
    TEST_TIMEOUT,
  );

  it(
    'a township officer reads the list but is offered no change',
    async () => {
      const { page } = session;
      await signIn(page, session.url, 'officer-01');
      await openCalendar(page);
      await page.locator('tbody tr.RaDatagrid-row').filter({ hasText: '春节' }).first().waitFor();
      expect(await page.getByRole('link', { name: '新建' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: '编辑' }).count()).toBe(0);
    },
    TEST_TIMEOUT,
  );
});
