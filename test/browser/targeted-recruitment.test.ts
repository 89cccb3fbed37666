// 定向考录 in the console from 公告 to 录用, on the time-skipping test server so the application
// window, the 公示 and the hire notice pass in seconds: the county admin plans a campaign and
// publishes it after the confirmation, a cadre opens it and applies (报名) in its window, the
// township Party secretary recommends from their inbox (乡镇党委推荐) while a second applicant gives
// up (放弃) from the campaign page, the county approves the
// 资格复审, the 公示 passes, the written and interview scores are imported through the campaign
// page's dialog from the template it downloads, the county passes 体检与考察, the hire notice
// passes, the county approves the hire (审批录用), and the campaign page and the cadre's dossier
// show the hire. Screenshots of the campaign page, desktop and phone, are kept in test-results/.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chinaDayOf, chinaYear } from '../../domain/china-time.js';
import { recruitmentEligibilityOf } from '../../domain/recruitment-eligibility-records.js';
import { DEFAULT_RECRUITMENT_RULES } from '../../domain/recruitment-rules.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { createTimeSkippingEnvironment } from '../support/time-skipping.js';
import { apiResponse, eventually, menuItem, openInboxTask, screenshot, signIn } from './console-page.js';
import { useConsoleSession } from './console-session.js';
import { approveFromInbox, approveTask, campaignReader, fillScoreTemplate } from './recruitment-campaign-page.js';

const TEST_TIMEOUT = 180_000;
const TITLE = `${chinaYear()} 年乡镇公务员定向考录（测试）`;

const DAY = 24 * 3600_000;

let env: TestWorkflowEnvironment;
const session = useConsoleSession(
  async () => {
    env = await createTimeSkippingEnvironment();
    return createTestApp({ worker: true, temporalAddress: env.address });
  },
  { teardown: async () => env?.teardown() },
);
let t: TestApp;
let page: Page;
/** A cadre account whose person meets the default rules today and two weeks on, when the review checks again. */
let applicant: { username: string; personId: number; name: string; idNumber: string };
/** A second such cadre, who applies too and gives up (放弃) while their township decides. */
let quitter: { username: string; personId: number; name: string };
let campaignId: number;
let applicationId: number;
let adminSession: Session | undefined;
const admin = async () => (adminSession ??= await t.login('admin'));
let campaign: ReturnType<typeof campaignReader>;

/** Skips the test server's clock past the end of the 公示 under way (working days, longer over a holiday). */
async function pastNotice(): Promise<void> {
  const { noticeEndsAt } = await campaign.read(campaignId);
  expect(noticeEndsAt, 'the end of the notice').not.toBeNull();
  await env.sleep(Date.parse(noticeEndsAt!) - (await env.currentTimeMs()) + 3600_000);
}

/** Imports one exam's scores through the campaign page's dialog, from the template it downloads. */
async function importScores(exam: '笔试' | '面试', score: number): Promise<void> {
  await page.goto(`${session.url}/#/targeted-recruitment/${campaignId}/show`);
  await page.locator('button[name=import-scores]').click();
  const dialog = page.locator('.qinglan-score-import');
  if (exam === '面试') {
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: '面试', exact: true }).click();
  }
  const download = page.waitForEvent('download');
  await dialog.locator('.qinglan-score-template').click();
  const file = (await (await download).path())!;
  const named = `${file}.xlsx`;
  await (await download).saveAs(named);
  // the template lists the applicant sitting the exam, by their full ID number
  expect(await fillScoreTemplate(named, { [applicant.idNumber]: score })).toEqual([applicant.idNumber]);
  const imported = apiResponse(page, `/api/processes/targeted-recruitment/campaigns/${campaignId}/scores`, {
    method: 'POST',
  });
  await dialog.locator('input[name=score-file]').setInputFiles(named);
  const answer = await imported;
  expect(answer.status(), await answer.text()).toBe(200);
  expect(await answer.json()).toEqual({ imported: 1, absent: 0 });
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  t = session.t;
  // cadre accounts of serving deputies and directors: those the rules may admit
  const candidates = await t.db
    .selectFrom('users as u')
    .innerJoin('people as p', 'p.id', 'u.person_id')
    .innerJoin('positions as s', 's.person_id', 'p.id')
    .select(['u.username', 'p.id', 'p.name', 'p.id_number'])
    .distinct()
    .where('u.role', '=', 'cadre')
    .where('u.active', '=', true)
    .where('s.title', 'in', ['secretary', 'director', 'deputy_secretary', 'deputy_director'])
    .orderBy('p.id')
    .execute();
  for (const c of candidates) {
    const now = await recruitmentEligibilityOf(t.db, c.id, DEFAULT_RECRUITMENT_RULES, chinaDayOf());
    const later = await recruitmentEligibilityOf(
      t.db,
      c.id,
      DEFAULT_RECRUITMENT_RULES,
      chinaDayOf(Date.now() + 14 * DAY),
    );
    if (!now.eligible || !later.eligible) continue;
    if (!applicant) applicant = { username: c.username, personId: c.id, name: c.name, idNumber: c.id_number };
    else {
      quitter = { username: c.username, personId: c.id, name: c.name };
      break;
    }
  }
  expect(quitter, 'a second cadre account of a person who meets the default rules').toBeDefined();
  campaign = campaignReader(t, admin);
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
      await page.getByLabel('方案名称').fill(`${TITLE}（草）`);
      const created = apiResponse(page, '/api/processes/targeted-recruitment/campaigns', { method: 'POST' });
      await page.getByRole('button', { name: '保存' }).click();
      const answer = await created;
      expect(answer.status(), await answer.text()).toBe(201);
      campaignId = ((await answer.json()) as { id: number }).id;
      await page.locator(`.qinglan-recruitment-show[data-campaign="${campaignId}"]`).waitFor();
      await page.locator('.qinglan-campaign-status').filter({ hasText: '草稿' }).waitFor();

      // the draft's title and places are changed before publishing
      await page.getByRole('link', { name: '修改方案' }).click();
      await page.locator('.qinglan-campaign-edit .qinglan-campaign-form').waitFor();
      await page.getByLabel('方案名称').fill(TITLE);
      await page.getByLabel('名额').first().fill('2');
      const changed = apiResponse(page, `/api/processes/targeted-recruitment/campaigns/${campaignId}`, {
        method: 'PUT',
      });
      await page.getByRole('button', { name: '保存' }).click();
      const saved = await changed;
      expect(saved.status(), await saved.text()).toBe(200);
      // the plan alone changed: the rules keep their first version
      expect(await saved.json()).toEqual({ id: campaignId, rulesVersion: 1 });
      await page
        .locator(`.qinglan-recruitment-show[data-campaign="${campaignId}"] h1`)
        .filter({ hasText: TITLE })
        .waitFor();
      const places = page.locator('.qinglan-recruitment-places tbody tr').first().locator('td').last();
      expect(await places.textContent()).toBe('2');

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

      // a second cadre applies too (through the API; the console's way is shown above)
      const position = await t.db
        .selectFrom('recruitment_positions')
        .select('id')
        .where('campaign_id', '=', campaignId)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const res = await t.request(`/api/processes/targeted-recruitment/campaigns/${campaignId}/applications`, {
        method: 'POST',
        body: JSON.stringify({ positionId: position.id }),
        as: await t.login(quitter.username),
      });
      expect(res.status, await res.text()).toBe(201);
    },
    TEST_TIMEOUT,
  );

  it(
    'the township Party secretary recommends from their inbox once the window has closed',
    async () => {
      const row = await eventually(
        () =>
          t.db
            .selectFrom('recruitment_applications')
            .select(['id', 'township_id'])
            .where('campaign_id', '=', campaignId)
            .where('person_id', '=', applicant.personId)
            .executeTakeFirst(),
        'the application recorded',
      );
      applicationId = row.id;
      const secretary = await t.db
        .selectFrom('users')
        .select('username')
        .where('role', '=', 'township_secretary')
        .where('township_id', '=', row.township_id)
        .where('active', '=', true)
        .orderBy('id')
        .executeTakeFirstOrThrow();

      // the seven days of the window pass; the applicant workflow asks its township
      await env.sleep(DEFAULT_RECRUITMENT_RULES.applicationDays * DAY + 3600_000);
      await campaign.phaseIs(campaignId, 'recommending');
      const applicantProcess = await campaign.applicantProcess(applicationId);
      await campaign.openTask(applicantProcess, 'recommendation');

      // the second applicant gives up (放弃) from the campaign page while their township decides
      const quit = await eventually(
        () =>
          t.db
            .selectFrom('recruitment_applications')
            .select('id')
            .where('campaign_id', '=', campaignId)
            .where('person_id', '=', quitter.personId)
            .executeTakeFirst(),
        'the second application recorded',
      );
      const quitProcess = await campaign.applicantProcess(quit.id);
      await campaign.openTask(quitProcess, 'recommendation');
      await signIn(page, session.url, quitter.username);
      await page.goto(`${session.url}/#/targeted-recruitment/${campaignId}/show`);
      const own = page.locator('.qinglan-recruitment-applicants tbody tr').filter({ hasText: quitter.name });
      await own.locator('button[name=withdraw]').click();
      const dialog = page.locator('.qinglan-withdraw');
      await dialog.getByLabel('放弃原因').fill('家中老人需要照顾');
      for (const [width, height, device] of [
        [1366, 900, 'desktop'],
        [390, 844, 'phone'],
      ] as const) {
        await page.setViewportSize({ width, height });
        await screenshot(page, `recruitment-withdraw-${device}`);
      }
      await page.setViewportSize({ width: 1366, height: 900 });
      const withdrawn = apiResponse(page, `/api/processes/targeted-recruitment/applications/${quit.id}/withdraw`, {
        method: 'POST',
      });
      await dialog.locator('button[name=confirm-withdraw]').click();
      const answer = await withdrawn;
      expect(answer.status(), await answer.text()).toBe(200);
      await own.filter({ hasText: '已放弃' }).waitFor();
      await campaign.statusIs(quit.id, 'withdrawn');
      // nothing is left in the township's inbox for them: the recommendation closed with the reason
      const recommendation = await t.db
        .selectFrom('tasks')
        .select('status')
        .where('process_id', '=', quitProcess)
        .where('step_key', '=', 'recommendation')
        .executeTakeFirstOrThrow();
      expect(recommendation.status).toBe('cancelled');

      await page.context().clearCookies(); // signed out: the secretary signs in next
      await signIn(page, session.url, secretary.username);
      await approveFromInbox(page, '乡镇党委推荐', { 推荐意见: '政治坚定，实绩突出，群众公认，同意推荐' });
      await campaign.statusIs(applicationId, 'recommended');
    },
    TEST_TIMEOUT,
  );

  it(
    'the county approves the 资格复审 from its inbox, with what the records say of the applicant',
    async () => {
      await campaign.phaseIs(campaignId, 'reviewing');
      const { workflow_id: campaignProcess } = await t.db
        .selectFrom('recruitment_campaigns')
        .select('workflow_id')
        .where('id', '=', campaignId)
        .executeTakeFirstOrThrow();
      await campaign.openTask(campaignProcess!, 'county-review');
      await signIn(page, session.url, 'admin');
      await openInboxTask(page, '资格复审');
      const listed = page.locator('.qinglan-county-review-list li').filter({ hasText: applicant.name });
      expect(await listed.textContent()).toContain('档案复核符合条件');
      await approveTask(page, { 部务会意见: '经部务会研究，同意' });
      await campaign.statusIs(applicationId, 'qualified');

      // the 公示 of the qualified list: its end on the campaign page
      await campaign.phaseIs(campaignId, 'notice');
      await page.goto(`${session.url}/#/targeted-recruitment/${campaignId}/show`);
      await page.locator('.qinglan-campaign-phase[data-phase=notice]').waitFor();
      expect(await page.locator('.qinglan-notice-ends').textContent()).toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/);
    },
    TEST_TIMEOUT,
  );

  it(
    'after the 公示 the county imports the written and interview scores from the downloaded template',
    async () => {
      await pastNotice();
      await campaign.phaseIs(campaignId, 'written');
      await signIn(page, session.url, 'admin');
      await importScores('笔试', 86);
      await campaign.statusIs(applicationId, 'shortlisted');
      await campaign.phaseIs(campaignId, 'interview');
      await importScores('面试', 90);
      await campaign.statusIs(applicationId, 'inspection');
      // 86 × 50% + 90 × 50%
      const ranked = await t.db
        .selectFrom('recruitment_applications')
        .select(['total', 'rank'])
        .where('id', '=', applicationId)
        .executeTakeFirstOrThrow();
      expect(ranked).toEqual({ total: '88.00', rank: 1 });
    },
    TEST_TIMEOUT,
  );

  it(
    'the county passes 体检与考察; after the hire notice it approves the hire',
    async () => {
      await signIn(page, session.url, 'admin');
      await approveFromInbox(page, '体检与考察', { 体检和考察结论: '体检合格，考察表现优秀' });
      await campaign.statusIs(applicationId, 'proposed');
      await campaign.phaseIs(campaignId, 'hire_notice');
      await pastNotice();
      await campaign.phaseIs(campaignId, 'approval');
      await approveFromInbox(page, '审批录用', { 意见: '同意录用' });
      await campaign.statusIs(applicationId, 'hired');
    },
    TEST_TIMEOUT,
  );

  it(
    'the campaign page shows the hire in the list and the funnel, on a desktop and a phone; the dossier lists it',
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
        expect(await row.locator('td').nth(3).textContent()).toBe('已录用（试用期）');
        await page.locator('.qinglan-campaign-status').filter({ hasText: '已结束' }).waitFor();
        // two applied; the one who gave up counts there and no further
        await page.locator('.qinglan-recruitment-funnel [data-stage=applied][data-count="2"]').waitFor();
        for (const stage of ['recommended', 'qualified', 'written', 'interviewed', 'hired'])
          await page.locator(`.qinglan-recruitment-funnel [data-stage=${stage}][data-count="1"]`).waitFor();
        const gaveUp = page.locator('.qinglan-recruitment-applicants tbody tr').filter({ hasText: quitter.name });
        expect(await gaveUp.locator('td').nth(3).textContent()).toBe('已放弃');
        await screenshot(page, `targeted-recruitment-${device}`);
      }

      // the cadre's dossier lists the application with its outcome, linking to the applicant's timeline
      const applicantProcess = await campaign.applicantProcess(applicationId);
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`${session.url}/#/cadres/${applicant.personId}/show/dossier`);
      const entry = page.locator('.qinglan-dossier-entry[data-kind=recruitment_application]');
      await entry.waitFor();
      expect(await entry.getAttribute('data-process')).toBe(applicantProcess);
      expect(await entry.locator('.qinglan-dossier-detail').textContent()).toContain('乡镇公务员：已录用（试用期）');
      // the application stands for its applicant workflow: not listed a second time as a process
      const twice = page.locator(`.qinglan-dossier-entry[data-kind=process][data-process="${applicantProcess}"]`);
      expect(await twice.count()).toBe(0);
    },
    TEST_TIMEOUT,
  );
});
