// One cadre's assessment terminated (强制终止 of that process, as the county may from the
// console) and another's withdrawn (撤销), on the dev server: the township's year goes on. It
// waits for those cadres no longer, ranks the others as soon as they are scored, and lists the
// two among the missing with how their process ended. (The time-skipping server never tells a parent that its child was
// terminated, so this runs in real time.)
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findOpenTask } from '../../test/support/open-task.js';
import { createTestApp, type Session, type TestApp } from '../../test/support/test-app.js';
import { createReserveTestTownship, type ReserveTestTownship } from '../reserve-cultivation/reserve-test-county.js';
import { cadreAssessmentId, cycleProgressQuery, townshipCycleId } from './annual-assessment-definition.js';
import { DEFAULT_RUBRIC } from './rubric.js';

let t: TestApp;
let k: ReserveTestTownship;
const YEAR = 2031;
const wait = { timeout: 60_000, interval: 250 };

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  k = await createReserveTestTownship(t.db, '430725961', 'tce', 2);
  // three of its people hold a seat: the township assesses those three
  for (const p of k.people.slice(0, 3))
    await t.db
      .insertInto('positions')
      .values({
        person_id: p.id,
        committee: 'villagers_committee',
        title: 'member',
        term_start: '2021-01-01',
        term_end: '2026-12-31',
      })
      .execute();
}, 120_000);
afterAll(() => t?.close());

/** The open task of `stepKey` in the process `processId`, once it is there. */
const openTask = (processId: string, stepKey: string) =>
  vi.waitFor(async () => {
    const task = await findOpenTask(t.db, processId, stepKey);
    if (!task) throw new Error(`no open ${stepKey} task in ${processId} yet`);
    return task;
  }, wait);

async function act(as: Session, processId: string, stepKey: string, form: Record<string, unknown>) {
  const { id } = await openTask(processId, stepKey);
  const res = await t.request(`/api/tasks/${id}/actions`, {
    method: 'POST',
    as,
    body: JSON.stringify({ action: 'submit', form }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('a township whose cadres were terminated and withdrawn', () => {
  it('ranks the others without waiting for the deadline, the two listed as missing', async () => {
    const prefix = t.temporal.idPrefix ?? '';
    await t.temporal.client.workflow.start('townshipAssessment', {
      taskQueue: t.temporal.taskQueue,
      workflowId: townshipCycleId(prefix, YEAR, k.townshipId),
      args: [{ year: YEAR, townshipId: k.townshipId, rubric: DEFAULT_RUBRIC, startedBy: null, idPrefix: prefix }],
    });
    const township = t.temporal.client.workflow.getHandle(townshipCycleId(prefix, YEAR, k.townshipId));
    const [gone, withdrawn, stays] = k.people.slice(0, 3).map((p) => cadreAssessmentId(prefix, YEAR, p.id));
    await openTask(gone, 'self-report');

    const admin = await t.login('admin');
    const terminated = await t.request(`/api/processes/${gone}/terminate`, {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ reason: '重复发起' }),
    });
    expect(terminated.status).toBe(200);
    await openTask(withdrawn, 'self-report');
    const cancelled = await t.request(`/api/processes/${withdrawn}/cancel`, {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ reason: '调离本镇' }),
    });
    expect(cancelled.status).toBe(200);

    // the other cadre's year, the deadline (45 days) far off
    const cadre = k.people[2];
    await act(await t.login(cadre.username), stays, 'self-report', { summary: '全年工作总结' });
    const village = k.villages.find((v) => v.id === cadre.villageId)!;
    await act(await t.login(village.secretary), stays, 'review', { opinion: '工作认真' });
    await act(await t.login('tce-township_officer'), stays, 'score', { scores: { discipline: 90, delivery: 80 } });

    await vi.waitFor(async () => expect((await township.query(cycleProgressQuery)).phase).toBe('ranked'), wait);
    const rows = await t.db
      .selectFrom('assessment_results')
      .select(['person_id', 'rank', 'missing_step'])
      .where('year', '=', YEAR)
      .where('township_id', '=', k.townshipId)
      .orderBy('person_id')
      .execute();
    expect(rows).toEqual([
      { person_id: k.people[0].id, rank: null, missing_step: '流程已强制终止' },
      { person_id: k.people[1].id, rank: null, missing_step: '流程已撤销' },
      { person_id: cadre.id, rank: 1, missing_step: null },
    ]);
    expect((await township.describe()).status.name).toBe('RUNNING');
    // With QINGLAN_RECORD_HISTORIES=1, the township's history so far is stored as a replay fixture.
    if (process.env.QINGLAN_RECORD_HISTORIES === '1')
      fs.writeFileSync(
        path.resolve('test/fixtures/histories', `${township.workflowId}.json`),
        historyToJSON(await township.fetchHistory()),
      );
  }, 180_000);
});
