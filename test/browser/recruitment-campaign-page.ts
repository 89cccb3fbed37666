// Helpers of the 定向考录 browser test: read a campaign as the county sees it, wait for its
// phase or an application's status, decide a step from the inbox, and fill the score template
// the console downloads.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { findOpenTask } from '../support/open-task.js';
import type { TestApp, Session } from '../support/test-app.js';
import { apiResponse, eventually } from './console-page.js';

const LONG = 60_000;

export interface CampaignView {
  status: string;
  phase: string | null;
  noticeEndsAt: string | null;
  funnel: { stage: string; count: number }[];
}

export function campaignReader(t: TestApp, admin: () => Promise<Session>) {
  const read = async (id: number): Promise<CampaignView> => {
    const res = await t.request(`/api/processes/targeted-recruitment/campaigns/${id}`, { as: await admin() });
    expect(res.status).toBe(200);
    return (await res.json()) as CampaignView;
  };
  return {
    read,
    /** Waits until the campaign workflow has reached this phase. */
    phaseIs: (id: number, phase: string) =>
      eventually(async () => ((await read(id)).phase === phase ? true : undefined), `the campaign at ${phase}`, LONG),
    /** Waits until the application has this status. */
    statusIs: (applicationId: number, status: string) =>
      eventually(
        async () =>
          (
            await t.db
              .selectFrom('recruitment_applications')
              .select('status')
              .where('id', '=', applicationId)
              .executeTakeFirst()
          )?.status === status
            ? true
            : undefined,
        `application ${applicationId} ${status}`,
        LONG,
      ),
    /** The applicant's own workflow (its process row), once it has begun. */
    applicantProcess: (applicationId: number) =>
      eventually(
        async () =>
          (
            await t.db
              .selectFrom('processes')
              .select('id')
              .where('type', '=', 'recruitment-applicant')
              .where(sql<boolean>`params->>'applicationId' = ${String(applicationId)}`)
              .executeTakeFirst()
          )?.id,
        `the applicant workflow of application ${applicationId}`,
      ),
    /** Waits until a step of this process has an open task. */
    openTask: (processId: string, stepKey: string) =>
      eventually(() => findOpenTask(t.db, processId, stepKey), `the open ${stepKey} task`, LONG),
  };
}

/** Opens the step from 我的待办, fills the form's fields by label, and approves (同意). */
export async function approveFromInbox(page: Page, stepName: string, fields: Record<string, string> = {}) {
  // a fresh load of the inbox: a list read before the step opened is not read again on its own
  await page.goto(`${page.url().split('#')[0]}#/tasks`);
  const inbox = apiResponse(page, '/api/tasks', { status: 200, test: (url) => url.searchParams.has('range') });
  await page.reload();
  await inbox;
  await page.locator('tbody tr.RaDatagrid-row').filter({ hasText: stepName }).first().click();
  await page.locator('.qinglan-task-step').filter({ hasText: stepName }).waitFor();
  await approveTask(page, fields);
}

/** On an open task's page: fills the form's fields by label and approves (同意). */
export async function approveTask(page: Page, fields: Record<string, string> = {}) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  const decided = apiResponse(page, '/api/tasks/', { method: 'POST' });
  await page.getByRole('button', { name: '同意', exact: true }).click();
  const answer = await decided;
  expect(answer.status(), await answer.text()).toBe(200);
}

/** Fills the score column of a downloaded template (row 1 the headers) with one score per ID number. */
export async function fillScoreTemplate(file: string, scores: Record<string, number>): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  // cell values from index 1; index 0 is a hole
  const headers = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const idColumn = headers.indexOf('身份证号');
  const scoreColumn = headers.findIndex((h) => h.endsWith('成绩'));
  const ids: string[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const id = String(row.getCell(idColumn).value ?? '');
    ids.push(id);
    if (id in scores) row.getCell(scoreColumn).value = scores[id];
  });
  await workbook.xlsx.writeFile(file);
  return ids;
}
