// A township's whole assessment year in the console, on the time-skipping test server so the
// five working days of the public notice pass in seconds: every cadre reports and is reviewed
// and scored (all but one through the API), the township officer scores the last one, publishes
// the ranking (发布公示) and, once the notice is over, confirms the results (确认考核结果) — each
// in the console; the progress page follows 考核中 → 待发布公示 → 公示中 → 已确定, and the bottom
// three's reminder talks reach the township Party secretary.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { createTimeSkippingEnvironment } from '../support/time-skipping.js';
import { apiResponse, eventually, menuItem, openInboxTask, screenshot, signIn } from './console-page.js';
import { useConsoleSession } from './console-session.js';

const TEST_TIMEOUT = 180_000;
const YEAR = 2026;

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

/** The demo township with the fewest cadres, and its officer and Party secretary. */
let township: { id: number; name: string; cadres: number; officer: string; secretary: string };
const sessions = new Map<string, Session>();
/** The cadre's assessment the officer scores in the console. */
let lastProcessId: string;

async function actThroughApi(username: string, taskId: number, body: Record<string, unknown>): Promise<void> {
  if (!sessions.has(username)) sessions.set(username, await t.login(username));
  const res = await t.request(`/api/tasks/${taskId}/actions`, {
    method: 'POST',
    as: sessions.get(username),
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

const openTasks = (stepKey: string) =>
  t.db
    .selectFrom('tasks as k')
    .leftJoin('users as u', 'u.id', 'k.assignee_user_id')
    .select(['k.id', 'k.process_id', 'k.assignee_role', 'k.village_id', 'u.username'])
    .where('k.process_type', '=', 'annual-assessment')
    .where('k.township_id', '=', township.id)
    // a step, or a family of them (reminder-talk.p<person>)
    .where((eb) => eb.or([eb('k.step_key', '=', stepKey), eb('k.step_key', 'like', `${stepKey}.%`)]))
    .where('k.status', '=', 'open')
    .orderBy('k.id')
    .execute();

/** Waits until `count` tasks of a step are open (activities write them a moment after a step opens). */
const openTasksOf = (stepKey: string, count: number) =>
  eventually(
    async () => {
      const rows = await openTasks(stepKey);
      return rows.length === count ? rows : undefined;
    },
    `${count} open ${stepKey} tasks`,
    60_000,
  );

/** Who reviews a cadre: their village's Party secretary, or the township for a secretary. */
async function reviewerOf(task: { assignee_role: string | null; village_id: number | null }): Promise<string> {
  if (task.assignee_role !== 'village_secretary') return township.officer;
  const row = await t.db
    .selectFrom('users')
    .select('username')
    .where('role', '=', 'village_secretary')
    .where('village_id', '=', task.village_id!)
    .where('active', '=', true)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.username;
}

/** Runs `work` over `items`, a few at a time. */
async function inBatches<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
}

async function openAssessment(): Promise<void> {
  const progress = apiResponse(page, '/api/processes/annual-assessment/progress', { status: 200 });
  await menuItem(page, '年度考核').click();
  await progress;
}

const statusChip = () =>
  page.locator(`.qinglan-assessment-progress tr[data-township="${township.id}"] .qinglan-assessment-status`);

async function submitTask(): Promise<void> {
  const submitted = apiResponse(page, '/api/tasks/', { method: 'POST' });
  await page.getByRole('button', { name: '提交', exact: true }).click();
  const response = await submitted;
  expect(response.status(), await response.text()).toBe(200);
  await page.waitForURL((url) => url.hash.startsWith('#/tasks'));
}

beforeAll(async () => {
  t = session.t;
  const smallest = await t.db
    .selectFrom('townships as tw')
    .innerJoin('people as p', 'p.township_id', 'tw.id')
    .select(['tw.id', 'tw.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => eb.exists(eb.selectFrom('positions as s').select('s.id').whereRef('s.person_id', '=', 'p.id')))
    .groupBy(['tw.id', 'tw.name'])
    .orderBy('n')
    .orderBy('tw.id')
    .executeTakeFirstOrThrow();
  const account = (role: 'township_officer' | 'township_secretary') =>
    t.db
      .selectFrom('users')
      .select('username')
      .where('role', '=', role)
      .where('township_id', '=', smallest.id)
      .where('active', '=', true)
      .orderBy('id')
      .executeTakeFirstOrThrow();
  township = {
    id: smallest.id,
    name: smallest.name,
    cadres: Number(smallest.n),
    officer: (await account('township_officer')).username,
    secretary: (await account('township_secretary')).username,
  };
}, 180_000);

beforeEach(() => {
  page = session.page;
});

describe('a township’s assessment year in the console', () => {
  it(
    'every cadre reports, is reviewed and scored; the officer scores the last one in the console',
    async () => {
      if (!sessions.has('admin')) sessions.set('admin', await t.login('admin'));
      const started = await t.request('/api/processes/annual-assessment/start', {
        method: 'POST',
        as: sessions.get('admin'),
        body: JSON.stringify({ year: YEAR, townshipIds: [township.id] }),
      });
      expect(await started.json()).toEqual({ year: YEAR, started: [township.id], alreadyRunning: [] });

      const reports = await openTasksOf('self-report', township.cadres);
      const [last, ...rest] = reports.filter((r) => r.username);
      expect(rest.length + 1, 'every cadre has an account in the demo county').toBe(township.cadres);
      await inBatches(reports, 8, (r) =>
        actThroughApi(r.username!, r.id, { action: 'submit', form: { summary: '全年完成村务工作' } }),
      );
      const reviews = await openTasksOf('review', township.cadres);
      await inBatches(reviews, 8, async (r) =>
        actThroughApi(await reviewerOf(r), r.id, { action: 'submit', form: { opinion: '工作扎实' } }),
      );
      const scores = await openTasksOf('score', township.cadres);
      // Distinct totals above the last one's 60, so the ranking is known in advance: 99, 98.5, 98 …
      const others = scores.filter((s) => s.process_id !== last.process_id);
      expect(others.length).toBeLessThan(70);
      await inBatches(others, 8, (s, i) =>
        actThroughApi(township.officer, s.id, {
          action: 'submit',
          form: { scores: { discipline: 99 - i / 2, delivery: 99 - i / 2 } },
        }),
      );

      lastProcessId = last.process_id;
      const lastTitle = (
        await t.db.selectFrom('processes').select('title').where('id', '=', last.process_id).executeTakeFirstOrThrow()
      ).title;
      await signIn(page, session.url, township.officer);
      await openInboxTask(page, '乡镇评分', lastTitle);
      await page.locator('.qinglan-task-form[data-form="score"]').waitFor();
      await page.getByLabel('上班纪律（权重 40%）').fill('60');
      await page.getByLabel('工作推进落实（权重 60%）').fill('60');
      await page.locator('.qinglan-weighted-total[data-total="60"]').waitFor();
      await submitTask();
    },
    TEST_TIMEOUT,
  );

  it(
    'the ranking waits as 待发布公示; the officer publishes it from 我的待办',
    async () => {
      await openTasksOf('publish-notice', 1);
      // Until it is published the ranking is the township's draft: a cadre does not see it.
      const someCadre = await t.db
        .selectFrom('users')
        .select('username')
        .where('role', '=', 'cadre')
        .where('township_id', '=', township.id)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      if (!sessions.has(someCadre.username)) sessions.set(someCadre.username, await t.login(someCadre.username));
      const hidden = await (
        await t.request(`/api/processes/annual-assessment/results?year=${YEAR}`, {
          as: sessions.get(someCadre.username),
        })
      ).json();
      expect(hidden).toEqual([]);

      await signIn(page, session.url, township.officer);
      await openAssessment();
      await statusChip().waitFor();
      expect(await statusChip().getAttribute('data-status')).toBe('ranked');
      expect(await statusChip().innerText()).toBe('待发布公示');

      await openInboxTask(page, '发布公示');
      // The step's facts: how many are ranked, the top three and the bottom three by name.
      const summary = await page.locator('.qinglan-task-summary').innerText();
      expect(summary).toMatch(new RegExp(`参与排名人数\\s+${township.cadres}`));
      expect(summary).toContain('优先推荐（前三名）');
      expect(summary).toContain('提醒谈话（后三名）');
      // The ranking to publish is on the task: every cadre, the one scored in the console last.
      const preview = page.locator('.qinglan-ranking-preview tbody tr');
      await preview.first().waitFor();
      expect(await preview.count()).toBe(township.cadres);
      expect(await preview.last().locator('td').first().innerText()).toBe(String(township.cadres));
      expect(await page.locator('input[name="form.where"]').inputValue()).toBe('乡镇政务公开栏、各村村务公开栏');
      await page.locator('input[name="form.where"]').fill('镇政务公开栏及各村村务公开栏');
      await screenshot(page, 'assessment-publish');
      await submitTask();

      const notice = await eventually(
        () =>
          t.db
            .selectFrom('assessment_notices')
            .selectAll()
            .where('year', '=', YEAR)
            .where('township_id', '=', township.id)
            .executeTakeFirst(),
        'the notice to open',
      );
      const officerId = (
        await t.db.selectFrom('users').select('id').where('username', '=', township.officer).executeTakeFirstOrThrow()
      ).id;
      expect(notice.published_by).toBe(officerId);
      expect(notice.ends_at.getTime() - notice.opened_at.getTime()).toBeGreaterThan(5 * 24 * 3600_000);
      const published = await (
        await t.request(`/api/processes/annual-assessment/results?year=${YEAR}`, {
          as: sessions.get(someCadre.username),
        })
      ).json();
      expect(published).toHaveLength(1);
      expect(published[0]).toMatchObject({ stage: 'notice', final: false });

      await openAssessment();
      await page
        .locator(
          `.qinglan-assessment-progress tr[data-township="${township.id}"] .qinglan-assessment-status[data-status="notice"]`,
        )
        .waitFor();
      expect(
        await page
          .locator(`.qinglan-assessment-progress tr[data-township="${township.id}"] .qinglan-notice-until`)
          .innerText(),
      ).toMatch(/^公示至 \d{4}-\d{2}-\d{2}$/);
    },
    TEST_TIMEOUT,
  );

  it(
    'after the notice the officer confirms the results; they are final and the bottom three get reminder talks',
    async () => {
      // Past the end of the notice (five working days, longer over a holiday), in skipped time.
      const notice = await t.db
        .selectFrom('assessment_notices')
        .select('ends_at')
        .where('year', '=', YEAR)
        .where('township_id', '=', township.id)
        .executeTakeFirstOrThrow();
      await env.sleep(notice.ends_at.getTime() - (await env.currentTimeMs()) + 3600_000);
      await openTasksOf('confirm-results', 1);
      expect(
        await t.db
          .selectFrom('assessment_results')
          .select('person_id')
          .where('year', '=', YEAR)
          .where('township_id', '=', township.id)
          .where('final', '=', true)
          .execute(),
      ).toEqual([]);

      await signIn(page, session.url, township.officer);
      await openInboxTask(page, '确认考核结果');
      await page.locator('.qinglan-ranking-preview tbody tr').first().waitFor();
      await page.locator('textarea[name="form.opinion"]').fill('公示期满无异议，结果确定');
      await submitTask();

      const final = await eventually(async () => {
        const rows = await t.db
          .selectFrom('assessment_results')
          .select(['person_id', 'rank', 'bottom', 'top'])
          .where('year', '=', YEAR)
          .where('township_id', '=', township.id)
          .where('final', '=', true)
          .execute();
        return rows.length === township.cadres ? rows : undefined;
      }, 'the final results');
      expect(final.filter((r) => r.top)).toHaveLength(3);
      const talks = await openTasksOf('reminder-talk', 3);
      expect(talks.every((k) => k.assignee_role === 'township_secretary')).toBe(true);
      // … and they are in the township Party secretary's 我的待办
      if (!sessions.has(township.secretary)) sessions.set(township.secretary, await t.login(township.secretary));
      const inbox = await (
        await t.request(`/api/tasks?filter=${encodeURIComponent(JSON.stringify({ mine: true, status: 'open' }))}`, {
          as: sessions.get(township.secretary),
        })
      ).json();
      expect(inbox.map((k: { id: number }) => k.id).sort()).toEqual(expect.arrayContaining(talks.map((k) => k.id)));
      // The cadre the officer scored 60 in the console comes last, with a reminder talk.
      const lastPerson = (
        await t.db
          .selectFrom('processes')
          .select('subject_person_id')
          .where('id', '=', lastProcessId)
          .executeTakeFirstOrThrow()
      ).subject_person_id;
      expect(final.find((r) => r.person_id === lastPerson)).toMatchObject({
        rank: township.cadres,
        bottom: true,
        top: false,
      });

      await openAssessment();
      await page
        .locator(
          `.qinglan-assessment-progress tr[data-township="${township.id}"] .qinglan-assessment-status[data-status="final"]`,
        )
        .waitFor();
      expect(await statusChip().innerText()).toBe('已确定');
      await screenshot(page, 'assessment-year');
    },
    TEST_TIMEOUT,
  );
});
