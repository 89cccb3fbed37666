// Every way a process ends reaches the read model: a cancellation the workflow answers itself
// (with the reason on the timeline), a termination from the console (written at once, with
// who and why), and one from outside qinglan (an operator's CLI), repaired by the reconciler.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/support/test-app.js';
import { DEFAULT_ASSESSMENT_SETTINGS } from '../../workflows/annual-assessment/annual-assessment-definition.js';
import { DEFAULT_RUBRIC } from '../../workflows/annual-assessment/rubric.js';
import { reconcileProcessStatuses } from './status-reconciler.js';

let t: TestApp;
let admin: Session;
let cadres: { personId: number; userId: number; name: string; villageId: number; townshipId: number }[];

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  admin = await t.login('admin');
  cadres = await t.db
    .selectFrom('users as u')
    .innerJoin('people as p', 'p.id', 'u.person_id')
    .innerJoin('villages as v', 'v.id', 'p.village_id')
    .select(['p.id as personId', 'u.id as userId', 'p.name', 'v.id as villageId', 'v.township_id as townshipId'])
    .where('u.role', '=', 'cadre')
    .orderBy('u.id')
    .limit(3)
    .execute();
}, 120_000);
afterAll(() => t?.close());

/** A cadre's assessment (one of the workflows that once ended silently), waiting on its first task. */
async function startAssessment(n: number): Promise<string> {
  const cadre = cadres[n];
  const id = `${t.temporal.idPrefix}status-${n}-${Date.now()}`;
  await t.temporal.client.workflow.start('cadreAssessment', {
    taskQueue: t.temporal.taskQueue,
    workflowId: id,
    args: [
      {
        year: 2026,
        townshipId: cadre.townshipId,
        villageId: cadre.villageId,
        person: { personId: cadre.personId, userId: cadre.userId, name: cadre.name },
        isSecretary: false,
        rubric: DEFAULT_RUBRIC,
        settings: DEFAULT_ASSESSMENT_SETTINGS,
        startedBy: null,
      },
    ],
  });
  await vi.waitFor(
    async () => {
      const task = await t.db.selectFrom('tasks').select('status').where('process_id', '=', id).executeTakeFirst();
      expect(task?.status).toBe('open');
    },
    { timeout: 60_000, interval: 200 },
  );
  return id;
}

const rowOf = (id: string) =>
  t.db.selectFrom('processes').select(['status', 'ended_at', 'outcome']).where('id', '=', id).executeTakeFirstOrThrow();
const openTasks = async (id: string) =>
  (await t.db.selectFrom('tasks').select('id').where('process_id', '=', id).where('status', '=', 'open').execute())
    .length;
const events = (id: string) =>
  t.db
    .selectFrom('task_events')
    .select(['action', 'comment', 'actor_user_id'])
    .where('process_id', '=', id)
    .orderBy('id')
    .execute();

describe('process status tells the truth', () => {
  it('a cancelled assessment ends 已撤销 with its task closed and the reason on its timeline', async () => {
    const id = await startAssessment(0);
    const res = await t.request(`/api/processes/${id}/cancel`, {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ reason: '考核对象已调离' }),
    });
    expect(res.status).toBe(200);
    await vi.waitFor(async () => expect((await rowOf(id)).status).toBe('cancelled'), {
      timeout: 60_000,
      interval: 200,
    });
    expect(await openTasks(id)).toBe(0);
    expect(await events(id)).toContainEqual({
      action: 'cancel_requested',
      comment: '考核对象已调离',
      actor_user_id: admin.userId,
    });
  });

  it('terminating from the console writes 已强制终止 at once, with who and why; a second time is 409', async () => {
    const id = await startAssessment(1);
    const res = await t.request(`/api/processes/${id}/terminate`, {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ reason: '流程数据录入错误，重新发起' }),
    });
    expect(res.status).toBe(200);
    const row = await rowOf(id);
    expect(row.status).toBe('terminated');
    expect(row.ended_at).not.toBeNull();
    expect(await openTasks(id)).toBe(0);
    expect(await events(id)).toContainEqual({
      action: 'terminated',
      comment: '流程数据录入错误，重新发起',
      actor_user_id: admin.userId,
    });
    const { status } = await t.temporal.client.workflow.getHandle(id).describe();
    expect(status.name).toBe('TERMINATED');
    const again = await t.request(`/api/processes/${id}/terminate`, {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ reason: '再次终止' }),
    });
    expect(again.status).toBe(409);
  });

  it('a township officer may not terminate', async () => {
    const id = await startAssessment(2);
    const officer = await t.login(
      (
        await t.db
          .selectFrom('users')
          .select('username')
          .where('role', '=', 'township_officer')
          .where('township_id', '=', cadres[2].townshipId)
          .executeTakeFirstOrThrow()
      ).username,
    );
    const res = await t.request(`/api/processes/${id}/terminate`, {
      method: 'POST',
      as: officer,
      body: JSON.stringify({ reason: '试图终止' }),
    });
    expect(res.status).toBe(403);
    expect((await rowOf(id)).status).toBe('running');

    // Terminated outside qinglan (an operator's CLI): the reconciler writes it, once.
    await t.temporal.client.workflow.getHandle(id).terminate('运维人员手工终止');
    await vi.waitFor(
      async () => {
        await reconcileProcessStatuses({ db: t.db, client: t.temporal.client });
        expect((await rowOf(id)).status).toBe('terminated');
      },
      { timeout: 60_000, interval: 500 },
    );
    expect(await openTasks(id)).toBe(0);
    expect(await events(id)).toContainEqual({ action: 'terminated', comment: '运维人员手工终止', actor_user_id: null });
    const second = await reconcileProcessStatuses({ db: t.db, client: t.temporal.client });
    expect(second.repaired).toBe(0);
    expect((await events(id)).filter((e) => e.action === 'terminated')).toHaveLength(1);
  }, 120_000);
});
