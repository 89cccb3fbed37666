// 异常 on the time-skipping server with the real activities: a pairing whose first step cannot
// be opened (a database trigger refuses its task row, as a broken constraint would) fails past
// the retry policy, waits as an incident, and goes on when the county retries it; a pairing
// started with an impossible deadline fails at once (non-retryable) and is withdrawn.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pairingInput } from '../../test/support/pairing-input.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import { REFUSAL, refuseTasks } from '../../test/support/refuse-tasks.js';
import type { MentorPairingInput } from '../mentor-pairing/mentor-pairing-definition.js';
import { mentorPairing } from '../mentor-pairing/mentor-pairing-workflow.js';
import { retryIncidentUpdate } from './incident-messages.js';

let h: ProcessHarness;
let input: MentorPairingInput;

beforeAll(async () => {
  h = await createProcessHarness();
  ({ input } = await pairingInput(h.db, (await h.actor('officer-01')).userId));
}, 120_000);
afterAll(() => h?.close());

async function openIncident(processId: string) {
  return vi.waitFor(
    async () => {
      const row = await h.db
        .selectFrom('incidents')
        .selectAll()
        .where('process_id', '=', processId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      expect(row).toBeDefined();
      return row!;
    },
    { timeout: 60_000, interval: 250 },
  );
}

const statusOf = async (id: string) =>
  (await h.db.selectFrom('processes').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('incidents', () => {
  it('turns a failure past the retry policy into an incident; the county’s retry resumes the process', async () => {
    const id = 'mentor-pairing-incident-retried';
    const mend = await refuseTasks(h.db, id);
    const handle = await h.env.client.workflow.start(mentorPairing, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [input],
    });

    const incident = await openIncident(id);
    expect(incident).toMatchObject({ activity: 'openScheduledStep', non_retryable: false, attempts: 4 });
    expect(incident.error_message).toContain('开启办理步骤失败（已重试 4 次）');
    expect(incident.error_message).toContain(REFUSAL);
    expect(incident.failed_at.getTime()).toBeGreaterThan(incident.first_failed_at.getTime());
    expect(await statusOf(id)).toBe('incident');
    const told = await h.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select('u.username')
      .where('n.kind', '=', 'process_incident')
      .where('n.link', '=', `/processes/${id}/show`)
      .execute();
    expect(told.map((r) => r.username)).toEqual(expect.arrayContaining(['admin', 'officer-01']));

    // The county mends the cause, then retries: the step opens and the process goes on to its end.
    await mend();
    const admin = await h.actor('admin');
    const retry = () =>
      handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id, actorUserId: admin.userId }] });
    expect(await retry()).toEqual({ incidentId: incident.id, status: 'retrying' });
    // A second retry of the same incident is refused by the workflow's validator.
    const refused = (await retry().catch((e: unknown) => e)) as { cause?: Error };
    expect(refused.cause?.message).toMatch(/not open/);
    await h.act(id, 'proposal.approval', 'secretary-01', { action: 'reject', comment: '导师工作任务较重', form: {} });
    expect(await handle.result()).toMatchObject({ status: 'rejected' });
    expect(await statusOf(id)).toBe('rejected');
    expect(
      await h.db
        .selectFrom('incidents')
        .select(['status', 'resolved_by'])
        .where('id', '=', incident.id)
        .executeTakeFirst(),
    ).toEqual({ status: 'retried', resolved_by: admin.userId });
    const actions = await h.db
      .selectFrom('task_events')
      .select('action')
      .where('process_id', '=', id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['incident', 'incident_retried']));
    await h.recordHistory(id);
  }, 180_000);

  it('makes a non-retryable error an incident at once; withdrawing the process ends it as 已撤销', async () => {
    const id = 'mentor-pairing-incident-withdrawn';
    const handle = await h.env.client.workflow.start(mentorPairing, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [{ ...input, settings: { approvalWorkingDays: 0.5 } }],
    });
    const incident = await openIncident(id);
    expect(incident).toMatchObject({ error_type: 'InvalidStepSchedule', non_retryable: true, attempts: 1 });
    expect(incident.error_message).toContain('开启办理步骤失败（不可重试的错误）：办理期限无法计算');
    expect(await statusOf(id)).toBe('incident');

    await handle.cancel();
    await expect(handle.result()).rejects.toThrow();
    await vi.waitFor(async () => expect(await statusOf(id)).toBe('cancelled'), { timeout: 30_000, interval: 250 });
    expect(
      (await h.db.selectFrom('incidents').select('status').where('id', '=', incident.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('closed');
  }, 120_000);
});
