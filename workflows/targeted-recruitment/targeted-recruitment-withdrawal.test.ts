// 放弃 on the time-skipping server: before the township's recommendation the application ends
// 已放弃 and its recommendation task closes (a recommendation and a withdrawal racing: exactly
// one stands); during 体检与考察 and during 拟录用公示 the place goes to the next in rank (递补)
// with the reason 本人放弃, and no task is left open for the one who gave up.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import type { ReserveTestTownship } from '../reserve-cultivation/reserve-test-county.js';
import {
  createRecruitmentTownship,
  fileObjection,
  scoreExams,
  startCampaign,
  throughReview,
  wait,
  type TestCampaign,
} from './recruitment-test-campaign.js';
import { withdrawApplicationUpdate } from './recruitment-withdrawal.js';
import { applicantId } from './targeted-recruitment-definition.js';

let h: ProcessHarness;
let t: ReserveTestTownship;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await createProcessHarness();
  t = await createRecruitmentTownship(h, '430725983', 'trw');
}, 120_000);
afterAll(() => h?.close());

/** A withdrawal sent to the workflow that takes it: the applicant's, or the campaign's. */
async function withdraw(workflowId: string, applicationId: number, username: string, reason?: string) {
  return h.env.client.workflow.getHandle(workflowId).executeUpdate(withdrawApplicationUpdate, {
    args: [{ actor: await h.actor(username), applicationId, reason, requestId: `r-${applicationId}` }],
  });
}

async function openTasks(processIds: string[]) {
  return h.db
    .selectFrom('tasks')
    .select(['process_id', 'step_key'])
    .where('process_id', 'in', processIds)
    .where('status', '=', 'open')
    .execute();
}

async function replacementOf(c: TestCampaign) {
  return h.db
    .selectFrom('task_events')
    .select('detail')
    .where('process_id', '=', c.id)
    .where('action', '=', 'replacement')
    .execute();
}

describe('targeted recruitment withdrawal (放弃)', () => {
  it('before the recommendation the application ends withdrawn; a racing recommendation or withdrawal, one stands', async () => {
    const c = await startCampaign(h, t, 'trw1-');
    const [p0, p1, p2] = t.people;
    const [a0, a1, a2] = [
      (await c.apply(p0)).applicationId,
      (await c.apply(p1)).applicationId,
      (await c.apply(p2)).applicationId,
    ];
    await h.openTask(applicantId('trw1-', a0), 'recommendation');

    // the officer must give a reason; the applicant need not
    await expect(withdraw(applicantId('trw1-', a0), a0, 'trw-township_officer')).rejects.toMatchObject({
      cause: { type: 'invalid_request', details: [[{ field: 'reason', message: 'required' }]] },
    });
    expect(await withdraw(applicantId('trw1-', a0), a0, p0.username)).toEqual({
      applicationId: a0,
      status: 'withdrawn',
    });
    await expect(h.env.client.workflow.getHandle(applicantId('trw1-', a0)).result()).resolves.toEqual({
      status: 'withdrawn',
    });

    // a recommendation and a withdrawal sent together: exactly one is taken
    const task = await h.openTask(applicantId('trw1-', a1), 'recommendation');
    const [decision, withdrawal] = await Promise.allSettled([
      h.act(applicantId('trw1-', a1), 'recommendation', 'trw-township_secretary', {
        action: 'approve',
        form: { opinion: '同意推荐' },
      }),
      withdraw(applicantId('trw1-', a1), a1, 'trw-township_officer', '家庭原因'),
    ]);
    expect([decision.status, withdrawal.status].sort()).toEqual(['fulfilled', 'rejected']);
    const loser = (decision.status === 'rejected' ? decision : withdrawal) as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ cause: { type: 'task_closed' } });
    const row = await h.db.selectFrom('tasks').select('status').where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(row.status).toBe(decision.status === 'fulfilled' ? 'done' : 'cancelled');

    // the rest are recommended; after the recommendation the campaign takes a withdrawal
    await h.act(applicantId('trw1-', a2), 'recommendation', 'trw-township_secretary', {
      action: 'approve',
      form: { opinion: '同意推荐' },
    });
    await vi.waitFor(() => withdraw(c.id, a2, p2.username), wait);
    await expect(h.env.client.workflow.getHandle(applicantId('trw1-', a2)).result()).resolves.toEqual({
      status: 'withdrawn',
    });
    // a second withdrawal of the same application is refused
    await expect(withdraw(c.id, a2, 'admin', '重复')).rejects.toMatchObject({ cause: { type: 'task_closed' } });

    const { changes, path } = await c.paths([a0, a1, a2]);
    expect(path(a0)).toEqual(['applied', 'withdrawn']);
    expect(changes.find((x) => x.application_id === a0 && x.to_status === 'withdrawn')?.reason).toBe('本人放弃');
    expect(path(a1)).toEqual(decision.status === 'fulfilled' ? ['applied', 'recommended'] : ['applied', 'withdrawn']);
    expect(path(a2)).toEqual(['applied', 'recommended', 'withdrawn']);
    const processes = await h.db
      .selectFrom('processes')
      .select(['id', 'status'])
      .where(
        'id',
        'in',
        [a0, a2].map((a) => applicantId('trw1-', a)),
      )
      .execute();
    expect(processes.map((p) => p.status)).toEqual(['ended_early', 'ended_early']);
    const events = await h.db
      .selectFrom('task_events')
      .select(['process_id', 'comment'])
      .where('action', '=', 'withdrawn')
      .where(
        'process_id',
        'in',
        [a0, a2].map((a) => applicantId('trw1-', a)),
      )
      .orderBy('process_id')
      .execute();
    expect(events.map((e) => e.comment).sort()).toEqual(['本人放弃', '本人放弃']);
    expect(await openTasks([a0, a2].map((a) => applicantId('trw1-', a)))).toEqual([]);
    await h.recordHistory(applicantId('trw1-', a0));
    await c.handle.cancel();
  }, 240_000);

  it('a withdrawal during 体检与考察 moves the next in rank up', async () => {
    const c = await startCampaign(h, t, 'trw2-');
    const [a0, a1, a2] = await throughReview(h, t, c, 'trw2-', 3);
    await scoreExams(h, c, [a0, a1, a2]);
    await h.openTask(c.id, `inspection.a${a0}`);
    // the applicant and their officer register it at the same moment: one stands, one place is freed
    const both = await Promise.allSettled([
      withdraw(c.id, a0, t.people[0].username),
      withdraw(c.id, a0, 'trw-township_officer', '本人电话告知放弃'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(both.find((r) => r.status === 'rejected')).toMatchObject({ reason: { cause: { type: 'task_closed' } } });

    // the county's 体检与考察 of a0 is closed; a1 is called in its place
    await h.act(c.id, `inspection.a${a1}`, 'admin', { action: 'approve', form: { findings: '体检、考察合格' } });
    await c.phase('hire_notice');
    await h.env.sleep(8 * DAY);
    await h.act(c.id, 'approval.r1', 'admin', { action: 'approve', form: {} });
    expect(await c.handle.result()).toEqual({ hired: [a1], replacements: 1, objections: 0 });

    const { path } = await c.paths([a0, a1, a2]);
    expect(path(a0)).toEqual([
      'applied',
      'recommended',
      'qualified',
      'shortlisted',
      'ranked',
      'inspection',
      'withdrawn',
    ]);
    expect(path(a1).slice(-3)).toEqual(['inspection', 'proposed', 'hired']);
    expect(path(a2).slice(-1)).toEqual(['not_selected']);
    expect((await replacementOf(c)).map((r) => r.detail)).toMatchObject([
      { replaced: t.people[0].name, reason: expect.stringMatching(/^本人放弃/), applicationId: a1, rank: 2 },
    ]);
    const closed = await c.stepTasks(`inspection.a${a0}`);
    expect(closed.map((r) => r.status)).toEqual(['cancelled']);
    expect(await openTasks([c.id, applicantId('trw2-', a0)])).toEqual([]);
  }, 240_000);

  it('a withdrawal during 拟录用公示 closes its objection and moves the next in rank up', async () => {
    const c = await startCampaign(h, t, 'trw3-');
    const [a0, a1, a2] = await throughReview(h, t, c, 'trw3-', 3);
    await scoreExams(h, c, [a0, a1, a2]);
    await h.act(c.id, `inspection.a${a0}`, 'admin', { action: 'approve', form: { findings: '体检、考察合格' } });
    await c.phase('hire_notice');
    await fileObjection(h, c, a0, '反映其学历材料有疑问');
    await h.openTask(c.id, 'objection.o1');
    await withdraw(c.id, a0, 'trw-township_officer', '已考取其他单位');
    await h.env.sleep(8 * DAY);

    // second round: a1 moves up, passes and is hired
    await h.act(c.id, `inspection.a${a1}`, 'admin', { action: 'approve', form: { findings: '体检、考察合格' } });
    await c.phase('hire_notice');
    await h.env.sleep(8 * DAY);
    await h.act(c.id, 'approval.r2', 'admin', { action: 'approve', form: {} });
    expect(await c.handle.result()).toEqual({ hired: [a1], replacements: 1, objections: 1 });

    const { changes, path } = await c.paths([a0, a1, a2]);
    expect(path(a0).slice(-3)).toEqual(['inspection', 'proposed', 'withdrawn']);
    expect(changes.find((x) => x.application_id === a0 && x.to_status === 'withdrawn')?.reason).toBe(
      '本人放弃：已考取其他单位',
    );
    expect(path(a1).slice(-1)).toEqual(['hired']);
    expect((await replacementOf(c)).map((r) => r.detail)).toMatchObject([
      { replaced: t.people[0].name, reason: '本人放弃：已考取其他单位', applicationId: a1 },
    ]);
    const [objection] = await c.stepTasks('objection.o1');
    expect(objection.status).toBe('cancelled');
    expect(await openTasks([c.id, applicantId('trw3-', a0)])).toEqual([]);
    const applicant = await h.db
      .selectFrom('processes')
      .select('status')
      .where('id', '=', applicantId('trw3-', a0))
      .executeTakeFirstOrThrow();
    expect(applicant.status).toBe('ended_early');
    await h.recordHistory(c.id);
  }, 300_000);
});
