// 定向考录 in the console: the county admin plans a campaign and publishes it after the
// confirmation, a cadre opens it and applies (报名) in its window, and the campaign page then
// shows the application in its list and its funnel, and the cadre's dossier lists it. The steps after the window (township
// recommendation, review, the exams) need months to pass and are tested on the time-skipping
// server in workflows/targeted-recruitment/. Screenshots of the campaign page, desktop and
// phone, are kept in test-results/.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chinaDayOf, chinaYear } from '../../domain/china-time.js';
import { recruitmentEligibilityOf } from '../../domain/recruitment-eligibility-records.js';
import { DEFAULT_RECRUITMENT_RULES } from '../../domain/recruitment-rules.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { apiResponse, eventually, menuItem, screenshot, signIn } from './console-page.js';
import { useConsoleSession } from './console-session.js';

const TEST_TIMEOUT = 180_000;
const TITLE = `${chinaYear()} 年乡镇公务员定向考录（测试）`;

const session = useConsoleSession(() => createTestApp({ worker: true }));
let t: TestApp;
let page: Page;
/** A cadre account whose person meets the default rules today. */
let applicant: { username: string; personId: number; name: string };
let campaignId: number;

beforeAll(async () => {
  t = session.t;
  // cadre accounts of serving deputies and directors: those the rules may admit
  const candidates = await t.db
    .selectFrom('users as u')
    .innerJoin('people as p', 'p.id', 'u.person_id')
    .innerJoin('positions as s', 's.person_id', 'p.id')
    .select(['u.username', 'p.id', 'p.name'])
    .distinct()
    .where('u.role', '=', 'cadre')
    .where('u.active', '=', true)
    .where('s.title', 'in', ['secretary', 'director', 'deputy_secretary', 'deputy_director'])
    .orderBy('p.id')
    .execute();
  for (const c of candidates) {
    const verdict = await recruitmentEligibilityOf(t.db, c.id, DEFAULT_RECRUITMENT_RULES, chinaDayOf());
    if (verdict.eligible) {
      applicant = { username: c.username, personId: c.id, name: c.name };
      break;
    }
  }
  expect(applicant, 'a cadre account of a person who meets the default rules').toBeDefined();
}, 180_000);

beforeEach(() => {
  page = session.page;
});

describe('targeted recruitment in the console', () => {
  it(
    'the county admin plans a campaign and publishes it after the confirmation',
    async () => {
      await signIn(page, session.url, 'admin');
      await menuItem(page, '定向考录').click();
      await page.locator('a[name=create-campaign], [name=create-campaign]').first().click();
      await page.locator('.qinglan-campaign-form').waitFor();
      await page.getByLabel('方案名称').fill(TITLE);
      const created = apiResponse(page, '/api/processes/targeted-recruitment/campaigns', { method: 'POST' });
      await page.getByRole('button', { name: '保存' }).click();
      const answer = await created;
      expect(answer.status(), await answer.text()).toBe(201);
      campaignId = ((await answer.json()) as { id: number }).id;
      await page.locator(`.qinglan-recruitment-show[data-campaign="${campaignId}"]`).waitFor();
      await page.locator('.qinglan-campaign-status').filter({ hasText: '草稿' }).waitFor();

      await page.locator('button[name=publish]').click();
      await page.getByText('发布（公告）后规则冻结').waitFor();
      const published = apiResponse(page, `/api/processes/targeted-recruitment/campaigns/${campaignId}/publish`, {
        method: 'POST',
        status: 200,
      });
      await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
      await published;
      await page.locator('.qinglan-campaign-status').filter({ hasText: '已发布' }).waitFor();
      await page.locator('.qinglan-recruitment-funnel').waitFor();
      expect(await page.locator('.qinglan-recruitment-rules li').count()).toBeGreaterThan(5);
    },
    TEST_TIMEOUT,
  );

  it(
    'a cadre applies in the window; the campaign page lists the application and counts it in the funnel',
    async () => {
      await signIn(page, session.url, applicant.username);
      await menuItem(page, '定向考录').click();
      await page.getByRole('link', { name: TITLE }).click();
      await page.locator(`.qinglan-recruitment-show[data-campaign="${campaignId}"]`).waitFor();
      await page.locator('button[name=apply]').click();
      const applied = apiResponse(page, `/api/processes/targeted-recruitment/campaigns/${campaignId}/applications`, {
        method: 'POST',
      });
      await page.locator('button[name=confirm-apply]').click();
      expect((await applied).status()).toBe(201);
      const row = page.locator('.qinglan-recruitment-applicants tbody tr').filter({ hasText: applicant.name });
      await row.waitFor();
      // the cadre's page counts their own application
      await page.locator('.qinglan-recruitment-funnel [data-stage=applied][data-count="1"]').waitFor();
      // applied once: the button is gone
      expect(await page.locator('button[name=apply]').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'the county sees the application with its status, the funnel, and screenshots on a desktop and a phone',
    async () => {
      await signIn(page, session.url, 'admin');
      for (const [width, height, device] of [
        [1366, 900, 'desktop'],
        [390, 844, 'phone'],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(`${session.url}/#/targeted-recruitment/${campaignId}/show`);
        const row = page.locator('.qinglan-recruitment-applicants tbody tr').filter({ hasText: applicant.name });
        await row.waitFor();
        expect(await row.locator('td').nth(3).textContent()).toBe('已报名');
        await page.locator('.qinglan-recruitment-funnel [data-stage=applied][data-count="1"]').waitFor();
        await page.locator('.qinglan-recruitment-funnel [data-stage=recommended][data-count="0"]').waitFor();
        await screenshot(page, `targeted-recruitment-${device}`);
      }

      // the cadre's dossier lists the application, linking to the applicant's timeline
      const { workflow_id: applicantProcess } = await eventually(
        () =>
          t.db
            .selectFrom('recruitment_applications')
            .select('workflow_id')
            .where('campaign_id', '=', campaignId)
            .where('person_id', '=', applicant.personId)
            .where('workflow_id', 'is not', null)
            .executeTakeFirst(),
        'the applicant workflow recorded',
      );
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`${session.url}/#/cadres/${applicant.personId}/show/dossier`);
      const entry = page.locator('.qinglan-dossier-entry[data-kind=recruitment_application]');
      await entry.waitFor();
      expect(await entry.getAttribute('data-process')).toBe(applicantProcess);
      expect(await entry.locator('.qinglan-dossier-detail').textContent()).toContain('乡镇公务员：已报名');
      // the application stands for its applicant workflow: not listed a second time as a process
      const twice = page.locator(`.qinglan-dossier-entry[data-kind=process][data-process="${applicantProcess}"]`);
      expect(await twice.count()).toBe(0);
    },
    TEST_TIMEOUT,
  );
});
