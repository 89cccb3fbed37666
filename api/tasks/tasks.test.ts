// The inbox and task actions through the API, on the real dev server with a real worker:
// who sees and may act on what, and what happens when two people act at once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chinaDayOf } from '../../domain/china-time.js';
import { createTestApp, listQuery, type Session, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
let as: Record<string, Session>;
let menteeId: number;
let mentorId: number;

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  as = {};
  for (const u of ['admin', 'auditor', 'officer-01', 'secretary-01', 'officer-02', 'secretary-02'])
    as[u] = await t.login(u);
  const mentee = await t.db
    .selectFrom('people as p')
    .innerJoin('users as u', 'u.person_id', 'p.id')
    .select(['p.id', 'u.username'])
    .where('p.township_id', '=', 1)
    .where('p.newly_elected', '=', true)
    .where('u.role', '=', 'cadre')
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
  menteeId = mentee.id;
  mentorId = (
    await t.db
      .selectFrom('people as p')
      .innerJoin('users as u', 'u.person_id', 'p.id')
      .select('p.id')
      .where('u.role', '=', 'mentor')
      .where('p.township_id', '=', 1)
      .orderBy('p.id')
      .executeTakeFirstOrThrow()
  ).id;
  as.mentee = await t.login(mentee.username);
}, 120_000);
afterAll(() => t.close());

async function inbox(user: string) {
  const res = await t.request(`/api/tasks?${listQuery({ filter: { mine: true } })}`, { as: as[user] });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: number; stepKey: string; processId: string; canAct: boolean; status: string }[];
}

async function waitForTask(user: string, stepKey: string, processId: string) {
  return vi.waitFor(
    async () => {
      const task = (await inbox(user)).find((x) => x.stepKey === stepKey && x.processId === processId);
      if (!task) throw new Error(`${stepKey} is not in ${user}'s inbox yet`);
      return task;
    },
    { timeout: 60_000, interval: 100 },
  );
}

const act = (user: string, taskId: number, body: Record<string, unknown>) =>
  t.request(`/api/tasks/${taskId}/actions`, { method: 'POST', as: as[user], body: JSON.stringify(body) });

async function startPairing(mentee = menteeId) {
  const res = await t.request('/api/processes/mentor-pairing', {
    method: 'POST',
    as: as['officer-01'],
    body: JSON.stringify({ menteePersonId: mentee, mentorPersonId: mentorId, reason: '结对' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

describe('tasks through the API', () => {
  let processId: string;

  it('a started pairing puts the approval in the township secretary’s inbox, and nobody else’s', async () => {
    processId = await startPairing();
    const task = await waitForTask('secretary-01', 'proposal.approval', processId);
    expect(task.canAct).toBe(true);
    expect((await inbox('secretary-02')).some((x) => x.processId === processId)).toBe(false);
    expect((await inbox('officer-01')).some((x) => x.processId === processId)).toBe(false);
    // Another township's officer cannot even read it.
    expect((await t.request(`/api/tasks/${task.id}`, { as: as['officer-02'] })).status).toBe(404);
  });

  it('a second pairing for the same cadre is refused while one runs', async () => {
    const res = await t.request('/api/processes/mentor-pairing', {
      method: 'POST',
      as: as['officer-01'],
      body: JSON.stringify({ menteePersonId: menteeId, mentorPersonId: mentorId }),
    });
    expect(res.status).toBe(409);
    expect((await res.json()).fields[0].field).toBe('menteePersonId');
  });

  it('refuses someone else’s decision with 403 and a reject without reason with 400', async () => {
    const task = await waitForTask('secretary-01', 'proposal.approval', processId);
    const byOfficer = await act('officer-01', task.id, { action: 'approve', form: {} });
    expect(byOfficer.status).toBe(403);
    const noReason = await act('secretary-01', task.id, { action: 'reject', form: {} });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).fields[0].field).toBe('comment');
  });

  it('two approvers at once: one decision takes effect, the other gets 409', async () => {
    // A second township Party secretary for township 1, so two people hold the role.
    const create = await t.request('/api/users', {
      method: 'POST',
      as: as.admin,
      body: JSON.stringify({
        username: 'secretary-01b',
        password: 'second-secretary',
        displayName: '副书记',
        role: 'township_secretary',
        townshipId: 1,
      }),
    });
    expect(create.status).toBe(201);
    as['secretary-01b'] = await t.login('secretary-01b', 'second-secretary');
    const task = await waitForTask('secretary-01', 'proposal.approval', processId);
    const [a, b] = await Promise.all([
      act('secretary-01', task.id, { action: 'approve', form: { opinion: '同意' } }),
      act('secretary-01b', task.id, { action: 'approve', form: { opinion: '同意' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const decided = await t.db
      .selectFrom('task_events')
      .select('action')
      .where('process_id', '=', processId)
      .where('action', '=', 'approve')
      .execute();
    expect(decided).toHaveLength(1);
  });

  it('a double submit with the same request id takes effect once', async () => {
    const task = await waitForTask('mentee', 'growth-plan.draft', processId);
    const body = { action: 'submit', form: { goals: ['熟悉村务'] }, requestId: 'double-click-0001' };
    const [a, b] = await Promise.all([act('mentee', task.id, body), act('mentee', task.id, body)]);
    expect(a.status).toBe(200);
    expect([200, 409]).toContain(b.status);
    const submits = await t.db
      .selectFrom('task_events')
      .select('id')
      .where('process_id', '=', processId)
      .where('action', '=', 'submit')
      .execute();
    expect(submits).toHaveLength(1);
  });

  it('a bad form names its fields in Chinese', async () => {
    // The review is the mentor's.
    const mentorUser = (
      await t.db
        .selectFrom('users')
        .select('username')
        .where('person_id', '=', mentorId)
        .where('role', '=', 'mentor')
        .executeTakeFirstOrThrow()
    ).username;
    as.mentor = await t.login(mentorUser);
    const review = await waitForTask('mentor', 'growth-plan.review', processId);
    const res = await act('mentor', review.id, { action: 'return', returnTo: 'nowhere', comment: '请修改' });
    expect(res.status).toBe(400);
    expect((await res.json()).fields[0].field).toBe('returnTo');
  });

  it('the supervisor urges and comments; the timeline shows who, when and why', async () => {
    const review = await waitForTask('mentor', 'growth-plan.review', processId);
    expect((await act('officer-01', review.id, { action: 'urge', comment: '请尽快审阅' })).status).toBe(200);
    expect((await act('officer-01', review.id, { action: 'comment', comment: '计划可再具体些' })).status).toBe(200);
    const nobody = await act('officer-01', review.id, {
      action: 'transfer',
      userIds: [999_999],
      comment: '转给不存在的人',
    });
    expect(nobody.status).toBe(400);
    expect((await nobody.json()).fields[0].field).toBe('userIds');
    // 转交 and 抄送 stay inside the task's township: another township's officer may not see it.
    const otherTownship = (
      await t.db.selectFrom('users').select('id').where('username', '=', 'officer-02').executeTakeFirstOrThrow()
    ).id;
    for (const action of ['transfer', 'cc']) {
      const outside = await act('officer-01', review.id, { action, userIds: [otherTownship], comment: '给外乡镇的人' });
      expect(outside.status, action).toBe(403);
      const error = await outside.json();
      expect(error.fields[0].field).toBe('userIds');
      expect(error.fields[0].message).toContain('范围');
    }
    const mentorUserId = (
      await t.db
        .selectFrom('users')
        .select('id')
        .where('person_id', '=', mentorId)
        .where('role', '=', 'mentor')
        .executeTakeFirstOrThrow()
    ).id;
    const urged = await t.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', mentorUserId)
      .where('kind', '=', 'task_urged')
      .execute();
    expect(urged.length).toBeGreaterThan(0);
    const detail = await (await t.request(`/api/processes/${processId}`, { as: as['officer-01'] })).json();
    const actions = detail.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['opened', 'approve', 'submit', 'urged', 'commented']));
    const urgedEntry = detail.timeline.find((e: { action: string }) => e.action === 'urged');
    expect(urgedEntry).toMatchObject({
      actorName: expect.any(String),
      comment: '请尽快审阅',
      stepName: '导师审阅成长计划',
    });
    expect(detail.path).toEqual(
      expect.arrayContaining(['proposal.approval', 'growth-plan.draft', 'growth-plan.review']),
    );
    expect(detail.current).toContain('growth-plan.review');
  });

  it('the auditor reads the raw history; a township officer may not', async () => {
    const raw = await t.request(`/api/processes/${processId}/history`, { as: as.auditor });
    expect(raw.status).toBe(200);
    const { events, masked } = await raw.json();
    expect(events[0].eventType).toMatch(/WORKFLOW_EXECUTION_STARTED/);
    expect(masked).toBe(true);
    expect((await t.request(`/api/processes/${processId}/history`, { as: as['officer-01'] })).status).toBe(403);
  });

  it('a decision after the process is cancelled is refused with 409', async () => {
    const review = await waitForTask('mentor', 'growth-plan.review', processId);
    expect(
      (
        await t.request(`/api/processes/${processId}/cancel`, {
          method: 'POST',
          as: as.admin,
          body: JSON.stringify({ reason: '重新安排' }),
        })
      ).status,
    ).toBe(200);
    await vi.waitFor(
      async () => {
        const row = await t.db
          .selectFrom('processes')
          .select('status')
          .where('id', '=', processId)
          .executeTakeFirstOrThrow();
        expect(row.status).toBe('cancelled');
      },
      { timeout: 60_000, interval: 100 },
    );
    const res = await act('mentor', review.id, { action: 'approve', form: {} });
    expect(res.status).toBe(409);
    const open = await t.db
      .selectFrom('tasks')
      .select('id')
      .where('process_id', '=', processId)
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
  });

  it('lists processes in scope and filters those waiting on me', async () => {
    const again = await startPairing();
    await waitForTask('secretary-01', 'proposal.approval', again);
    const mine = await (
      await t.request(`/api/processes?${listQuery({ filter: { waitingOnMe: true } })}`, { as: as['secretary-01'] })
    ).json();
    expect(mine.map((p: { id: string }) => p.id)).toContain(again);
    const other = await (await t.request(`/api/processes?${listQuery({})}`, { as: as['officer-02'] })).json();
    expect(other.map((p: { id: string }) => p.id)).not.toContain(again);
  });

  it('a colleague stands in while the township Party secretary is on leave (请假委托), and the timeline says so', async () => {
    const mentee2 = await t.db
      .selectFrom('people as p')
      .innerJoin('users as u', 'u.person_id', 'p.id')
      .select('p.id')
      .where('p.township_id', '=', 2)
      .where('p.newly_elected', '=', true)
      .where('u.role', '=', 'cadre')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const mentor2 = await t.db
      .selectFrom('people as p')
      .innerJoin('users as u', 'u.person_id', 'p.id')
      .select('p.id')
      .where('p.township_id', '=', 2)
      .where('u.role', '=', 'mentor')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const started = await t.request('/api/processes/mentor-pairing', {
      method: 'POST',
      as: as['officer-02'],
      body: JSON.stringify({ menteePersonId: mentee2.id, mentorPersonId: mentor2.id }),
    });
    const pid = (await started.json()).id;
    const task = await waitForTask('secretary-02', 'proposal.approval', pid);
    // Before the delegation the officer cannot decide it.
    expect((await act('officer-02', task.id, { action: 'approve', form: {} })).status).toBe(403);
    const today = chinaDayOf();
    const officer2 = (
      await t.db.selectFrom('users').select('id').where('username', '=', 'officer-02').executeTakeFirstOrThrow()
    ).id;
    const delegated = await t.request('/api/delegations', {
      method: 'POST',
      as: as['secretary-02'],
      body: JSON.stringify({ delegateUserId: officer2, startsOn: today, endsOn: today, reason: '外出学习' }),
    });
    expect(delegated.status).toBe(201);
    expect((await inbox('officer-02')).some((x) => x.id === task.id)).toBe(true);
    expect((await act('officer-02', task.id, { action: 'approve', form: { opinion: '代为审批' } })).status).toBe(200);
    const event = await t.db
      .selectFrom('task_events')
      .select(['actor_user_id', 'detail'])
      .where('process_id', '=', pid)
      .where('action', '=', 'approve')
      .executeTakeFirstOrThrow();
    expect(event.actor_user_id).toBe(officer2);
    expect(event.detail).toMatchObject({ onBehalfOf: { role: 'township_secretary', townshipId: 2 } });
    // A delegate from another township is refused.
    const far = (
      await t.db.selectFrom('users').select('id').where('username', '=', 'officer-03').executeTakeFirstOrThrow()
    ).id;
    const refused = await t.request('/api/delegations', {
      method: 'POST',
      as: as['secretary-02'],
      body: JSON.stringify({ delegateUserId: far, startsOn: today, endsOn: today }),
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).fields[0].field).toBe('delegateUserId');
  });

  it('加签 makes the step wait for the added signer too; 抄送 and 调整时限 are recorded', async () => {
    const second = await t.db
      .selectFrom('people as p')
      .innerJoin('users as u', 'u.person_id', 'p.id')
      .select('p.id')
      .where('p.township_id', '=', 1)
      .where('p.newly_elected', '=', true)
      .where('u.role', '=', 'cadre')
      .where('p.id', '!=', menteeId)
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const pid = await startPairing(second.id);
    const task = await waitForTask('secretary-01', 'proposal.approval', pid);
    const officer1 = (
      await t.db.selectFrom('users').select('id').where('username', '=', 'officer-01').executeTakeFirstOrThrow()
    ).id;
    const admin = (
      await t.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
    ).id;
    expect(
      (await act('secretary-01', task.id, { action: 'add_signer', userIds: [officer1], comment: '请组织委员会签' }))
        .status,
    ).toBe(200);
    expect((await act('secretary-01', task.id, { action: 'cc', userIds: [admin] })).status).toBe(200);
    // A deadline already passed is the clerk's mistake, named on the field; the step keeps its own.
    const past = await act('admin', task.id, { action: 'change_deadline', deadline: { at: '2000-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
    expect((await past.json()).fields).toEqual([{ field: 'deadline', message: '须晚于现在', messageEn: 'past' }]);
    expect(
      (
        await act('admin', task.id, {
          action: 'change_deadline',
          deadline: { workingDays: 10 },
          comment: '节后统一审批',
        })
      ).status,
    ).toBe(200);
    expect((await act('secretary-01', task.id, { action: 'approve', form: {} })).status).toBe(200);
    const added = await waitForTask('officer-01', 'proposal.approval', pid);
    const still = await t.db
      .selectFrom('processes')
      .select('current_step')
      .where('id', '=', pid)
      .executeTakeFirstOrThrow();
    expect(still.current_step).toBe('结对审批');
    expect((await act('officer-01', added.id, { action: 'approve', form: {} })).status).toBe(200);
    // Both signed: the pairing moves on to the mentee's growth plan.
    as.mentee2 = await t.login(
      (
        await t.db
          .selectFrom('users')
          .select('username')
          .where('person_id', '=', second.id)
          .where('role', '=', 'cadre')
          .executeTakeFirstOrThrow()
      ).username,
    );
    await waitForTask('mentee2', 'growth-plan.draft', pid);
    const actions = (await t.db.selectFrom('task_events').select('action').where('process_id', '=', pid).execute()).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['signer_added', 'cc', 'deadline_changed']));
    expect(actions.filter((a) => a === 'approve')).toHaveLength(2);
    const cc = await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', admin)
      .where('kind', '=', 'task_cc')
      .execute();
    expect(cc.length).toBeGreaterThan(0);
  });

  it('what waits on whom is one visibility query on the search attributes', async () => {
    const pid = (
      await t.db
        .selectFrom('processes')
        .select('id')
        .where('status', '=', 'running')
        .where('township_id', '=', 2)
        .executeTakeFirstOrThrow()
    ).id;
    const client = t.temporal.client;
    // Visibility is eventually consistent: wait until it lists the process.
    await vi.waitFor(
      async () => {
        const ids: string[] = [];
        for await (const w of client.workflow.list({
          query: `QinglanProcessType = 'mentor-pairing' AND QinglanTownshipId = 2 AND QinglanStatus = 'running'`,
        }))
          ids.push(w.workflowId);
        expect(ids).toContain(pid);
      },
      { timeout: 60_000, interval: 200 },
    );
    const waiting: string[] = [];
    for await (const w of client.workflow.list({ query: `QinglanWaitingOn = 'role:township_secretary@1'` }))
      waiting.push(w.workflowId);
    expect(waiting).not.toContain(pid); // township 2's pairing waits on township 2's people
  });
});

describe('a request sent again after its answer was lost', () => {
  it('gets the first answer, not a refusal, and takes effect once', async () => {
    const other = await t.db
      .selectFrom('people')
      .select('id')
      .where('township_id', '=', 1)
      .where('newly_elected', '=', true)
      .where('id', '!=', menteeId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const pid = await startPairing(other.id);
    const task = await waitForTask('secretary-01', 'proposal.approval', pid);
    const body = { action: 'approve', form: { opinion: '同意' }, requestId: 'lost-answer-0001' };
    const first = await act('secretary-01', task.id, body);
    expect(first.status).toBe(200);
    // the answer was lost on the way (a restarted API, a dropped line): the same request again
    const again = await act('secretary-01', task.id, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    const approvals = await t.db
      .selectFrom('task_events')
      .select('id')
      .where('task_id', '=', task.id)
      .where('action', '=', 'approve')
      .execute();
    expect(approvals).toHaveLength(1);
    // a new request on the closed task is still refused
    const late = await act('secretary-01', task.id, { ...body, requestId: 'another-request-0002' });
    expect(late.status).toBe(409);
  });
});
