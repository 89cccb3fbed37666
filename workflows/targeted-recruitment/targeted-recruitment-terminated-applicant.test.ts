// One applicant's workflow terminated on its own, on the time-skipping server: the application
// reads 已取消 with why, and the campaign is told, as the county's 强制终止 tells it and as the
// reconciler does for a termination from outside (an operator's CLI). The campaign then counts
// the applicant no further: not scored nor ranked, their place in 体检与考察 goes to the next in
// rank (递补), nobody hires them, and everyone else goes on to the end.
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeAndTell } from '../../activities/process-status/close-process.js';
import { tellOwed } from '../../activities/process-status/owed-tellings.js';
import type { SessionUser, TemporalHandle } from '../../api/context.js';
import { terminateProcess } from '../../api/processes/terminate-process.js';
import { freePort } from '../../test/support/free-port.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import type { ReserveTestTownship } from '../reserve-cultivation/reserve-test-county.js';
import {
  createRecruitmentTownship,
  scoreExams,
  startCampaign,
  throughReview,
  type TestCampaign,
} from './recruitment-test-campaign.js';
import { applicantId } from './targeted-recruitment-definition.js';

let h: ProcessHarness;
let t: ReserveTestTownship;
const DAY = 24 * 3600_000;
const WHY = '报考人流程已强制终止：重复报名';

beforeAll(async () => {
  h = await createProcessHarness();
  t = await createRecruitmentTownship(h, '430725984', 'trt');
}, 120_000);
afterAll(() => h?.close());

/** The county's 强制终止 of one applicant, as the API runs it. */
async function terminateAsCounty(id: string) {
  const admin = await h.actor('admin');
  const user: SessionUser = { ...admin, id: admin.userId };
  const temporal = { client: h.env.client } as TemporalHandle;
  await terminateProcess({ db: h.db, temporal, user, requestId: `terminate-${id}`, ip: null }, { id }, '重复报名');
  return admin.userId;
}

/** The campaign's timeline entries of `action`. */
async function eventsOf(c: TestCampaign, action: string) {
  return h.db
    .selectFrom('task_events')
    .select(['actor_user_id', 'comment', 'detail'])
    .where('process_id', '=', c.id)
    .where('action', '=', action)
    .execute();
}

/** Hires whoever is in 体检与考察 (`app`) once the notice is over, and reads the campaign's end. */
async function hireAndEnd(c: TestCampaign, app: number) {
  await h.act(c.id, `inspection.a${app}`, 'admin', { action: 'approve', form: { findings: '体检、考察合格' } });
  await c.phase('hire_notice');
  await h.env.sleep(8 * DAY);
  await h.act(c.id, 'approval.r1', 'admin', { action: 'approve', form: {} });
  const outcome = await c.handle.result();
  expect(await c.rowStatus()).toBe('closed');
  return outcome;
}

describe('an applicant terminated on its own', () => {
  it('in 体检与考察, by the county: the place goes to the next in rank, who is hired', async () => {
    const c = await startCampaign(h, t, 'trt-');
    const [first, second] = await throughReview(h, t, c, 'trt-', 2);
    await scoreExams(h, c, [first, second]);
    await c.phase('inspecting');
    await h.openTask(c.id, `inspection.a${first}`);

    const adminId = await terminateAsCounty(applicantId('trt-', first));

    // the first's inspection closes and the second's opens (递补, saying why)
    expect(await hireAndEnd(c, second)).toEqual({ hired: [second], replacements: 1, objections: 0 });
    const { changes, path } = await c.paths([first, second]);
    expect(path(first).slice(-3)).toEqual(['ranked', 'inspection', 'cancelled']);
    expect(changes.find((x) => x.application_id === first && x.to_status === 'cancelled')?.reason).toBe(WHY);
    expect(path(second).at(-1)).toBe('hired');
    const hire = await h.db
      .selectFrom('recruitment_applications')
      .select(['id', 'status', 'hired_on'])
      .where('id', 'in', [first, second])
      .orderBy('id')
      .execute();
    expect(hire.map((a) => [a.status, a.hired_on === null])).toEqual([
      ['cancelled', true],
      ['hired', false],
    ]);
    expect(await eventsOf(c, 'applicant_ended')).toEqual([
      { actor_user_id: adminId, comment: WHY, detail: { applicationId: first, from: 'inspection' } },
    ]);
    expect((await eventsOf(c, 'replacement')).map((e) => e.detail)).toMatchObject([
      { reason: WHY, applicationId: second },
    ]);
    const tasks = await c.stepTasks(`inspection.a${first}`);
    expect(tasks.map((x) => x.status)).not.toContain('open');
    await h.recordHistory(c.id);
  }, 240_000);

  it('on the qualified list, from outside: the reconciler tells the campaign, which scores and ranks the others', async () => {
    const c = await startCampaign(h, t, 'trt2-');
    const [first, second] = await throughReview(h, t, c, 'trt2-', 2);

    // an operator's CLI: nothing in qinglan knows until the reconciler repairs the row (the
    // time-skipping server lists no workflows nor reads a history backwards: the reconciler's
    // write and telling of what it would have found)
    const applicant = h.env.client.workflow.getHandle(applicantId('trt2-', second));
    const { runId } = await applicant.describe();
    await applicant.terminate('重复报名');
    const closed = { processId: applicant.workflowId, runId, reason: '重复报名', actorUserId: null };
    expect(
      await closeAndTell({ db: h.db, client: h.env.client }, { ...closed, status: 'terminated', at: new Date() }),
    ).toEqual({ closed: true });

    await scoreExams(h, c, [first]);
    const [written] = await c.stepTasks('written');
    expect(
      (written.context as { applicants: { applicationId: number }[] }).applicants.map((a) => a.applicationId),
    ).toEqual([first]);
    await c.phase('inspecting');
    const [ranked] = await eventsOf(c, 'ranked');
    expect((ranked.detail as { ranking: { applicationId: number }[] }).ranking.map((r) => r.applicationId)).toEqual([
      first,
    ]);
    expect(await hireAndEnd(c, first)).toEqual({ hired: [first], replacements: 0, objections: 0 });

    const { changes, path } = await c.paths([first, second]);
    expect(path(second)).toEqual(['applied', 'recommended', 'qualified', 'cancelled']);
    expect(changes.find((x) => x.application_id === second && x.to_status === 'cancelled')?.reason).toBe(WHY);
    expect(await eventsOf(c, 'applicant_ended')).toEqual([
      { actor_user_id: null, comment: WHY, detail: { applicationId: second, from: 'qualified' } },
    ]);
    await h.recordHistory(c.id);
  }, 240_000);

  it('while Temporal cannot be reached: the telling stays owed, and the next round tells it once', async () => {
    const c = await startCampaign(h, t, 'trt3-');
    const [first, second] = await throughReview(h, t, c, 'trt3-', 2);
    const applicant = h.env.client.workflow.getHandle(applicantId('trt3-', second));
    const { runId } = await applicant.describe();
    await applicant.terminate('重复报名');

    // the closing's client finds no server (and does not retry): the row is closed regardless
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, interceptors: [] });
    const unreachable = new Client({ connection, namespace: h.env.client.options.namespace });
    const closed = { processId: applicant.workflowId, runId, reason: '重复报名', actorUserId: null };
    const outcome = await closeAndTell(
      { db: h.db, client: unreachable },
      { ...closed, status: 'terminated', at: new Date() },
    );
    await connection.close();
    expect(outcome.closed).toBe(true);
    expect(outcome.tellingError).toBeInstanceOf(Error);
    const owed = () =>
      h.db
        .selectFrom('owed_tellings')
        .select(['attempts', 'told_at', 'last_error'])
        .where('process_id', '=', applicant.workflowId)
        .executeTakeFirstOrThrow();
    const failed = await owed();
    expect(failed).toMatchObject({ attempts: 1, told_at: null });
    expect(failed.last_error).toBeTruthy();
    expect(await eventsOf(c, 'applicant_ended')).toEqual([]);

    // the reconciler's next round, the server back: told, and told once
    expect(await tellOwed({ db: h.db, client: h.env.client })).toEqual({ told: 1, failed: 0 });
    const told = await owed();
    expect(told).toMatchObject({ attempts: 2, last_error: null });
    expect(told.told_at).toBeInstanceOf(Date);
    expect(await tellOwed({ db: h.db, client: h.env.client })).toEqual({ told: 0, failed: 0 });
    await vi.waitFor(async () => expect(await eventsOf(c, 'applicant_ended')).toHaveLength(1), {
      timeout: 30_000,
      interval: 100,
    });
    await scoreExams(h, c, [first]);
    const [written] = await c.stepTasks('written');
    expect(
      (written.context as { applicants: { applicationId: number }[] }).applicants.map((a) => a.applicationId),
    ).toEqual([first]);
  }, 240_000);
});
