// 批量同意 through the API, on the dev server with a real worker: a township Party secretary
// approves several pairing proposals at once; what needs a form, someone else's task and a
// repeated request are each answered per task, with no second decision.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, listQuery, type Session, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
const as: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  for (const u of ['admin', 'officer-01', 'secretary-01', 'officer-02', 'secretary-02']) as[u] = await t.login(u);
}, 120_000);
afterAll(() => t.close());

type TaskRow = { id: number; stepKey: string; processId: string; status: string; quickApprove: boolean };

async function inbox(user: string) {
  const res = await t.request(`/api/tasks?${listQuery({ filter: { mine: true }, range: [0, 99] })}`, { as: as[user] });
  expect(res.status).toBe(200);
  return (await res.json()) as TaskRow[];
}

const waitForTask = (user: string, stepKey: string, processId: string) =>
  vi.waitFor(
    async () => {
      const task = (await inbox(user)).find((x) => x.stepKey === stepKey && x.processId === processId);
      if (!task) throw new Error(`${stepKey} is not in ${user}'s inbox yet`);
      return task;
    },
    { timeout: 60_000, interval: 100 },
  );

async function newCadres(townshipId: number, n: number) {
  const rows = await t.db
    .selectFrom('people as p')
    .innerJoin('users as u', 'u.person_id', 'p.id')
    .select('p.id')
    .where('p.township_id', '=', townshipId)
    .where('p.newly_elected', '=', true)
    .where('u.role', '=', 'cadre')
    .orderBy('p.id')
    .limit(n)
    .execute();
  return rows.map((r) => r.id);
}

async function startPairing(officer: string, townshipId: number, mentee: number) {
  const mentor = await t.db
    .selectFrom('people as p')
    .innerJoin('users as u', 'u.person_id', 'p.id')
    .select('p.id')
    .where('u.role', '=', 'mentor')
    .where('p.township_id', '=', townshipId)
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
  const res = await t.request('/api/processes/mentor-pairing', {
    method: 'POST',
    as: as[officer],
    body: JSON.stringify({ menteePersonId: mentee, mentorPersonId: mentor.id, reason: '结对' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

const batch = (user: string, body: Record<string, unknown>) =>
  t.request('/api/tasks/batch-decide', { method: 'POST', as: as[user], body: JSON.stringify(body) });

describe('批量同意', () => {
  let approvals: TaskRow[];
  let draft: TaskRow;
  let strangers: TaskRow;
  let first: unknown;

  /** The secretary's one batch: the same request id each time. */
  async function theBatch(ids: number[]) {
    const res = await batch('secretary-01', {
      ids,
      decision: 'approve',
      comment: '同意结对',
      requestId: 'batch-00000001',
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ succeeded: approvals.length, failed: 2 });
    return body;
  }

  beforeAll(async () => {
    const [first, ...rest] = await newCadres(1, 4);
    // One pairing goes ahead alone; its mentee's growth plan (a form) is handed to the secretary.
    const ahead = await startPairing('officer-01', 1, first);
    const proposal = await waitForTask('secretary-01', 'proposal.approval', ahead);
    const single = await t.request(`/api/tasks/${proposal.id}/actions`, {
      method: 'POST',
      as: as['secretary-01'],
      body: JSON.stringify({ action: 'approve', form: {} }),
    });
    expect(single.status).toBe(200);
    const plan = await vi.waitFor(
      () =>
        t.db
          .selectFrom('tasks')
          .select('id')
          .where('process_id', '=', ahead)
          .where('step_key', '=', 'growth-plan.draft')
          .executeTakeFirstOrThrow(),
      { timeout: 60_000, interval: 100 },
    );
    const handed = await t.request(`/api/tasks/${plan.id}/actions`, {
      method: 'POST',
      as: as.admin,
      body: JSON.stringify({ action: 'transfer', userIds: [as['secretary-01'].userId], comment: '代为填写' }),
    });
    expect(handed.status).toBe(200);
    draft = await waitForTask('secretary-01', 'growth-plan.draft', ahead);
    const ids = await Promise.all(rest.map((mentee) => startPairing('officer-01', 1, mentee)));
    approvals = await Promise.all(ids.map((id) => waitForTask('secretary-01', 'proposal.approval', id)));
    const [other] = await newCadres(2, 1);
    strangers = await waitForTask('secretary-02', 'proposal.approval', await startPairing('officer-02', 2, other));
  }, 180_000);

  it('marks which inbox tasks 批量同意 may take', () => {
    expect(approvals.every((a) => a.quickApprove)).toBe(true);
    expect(draft.quickApprove).toBe(false);
  });

  it('approves every own approval, refuses the form and the stranger’s task per task', async () => {
    const ids = [...approvals.map((a) => a.id), draft.id, strangers.id];
    const body = await theBatch(ids);
    first = body;
    expect(body.results.map((r: { id: number }) => r.id)).toEqual(ids);
    const byId = new Map(body.results.map((r: { id: number }) => [r.id, r]));
    for (const a of approvals) expect(byId.get(a.id)).toMatchObject({ ok: true, stepOpen: false, code: null });
    expect(byId.get(draft.id)).toMatchObject({ ok: false, code: 'form_required', stepName: expect.any(String) });
    expect((byId.get(draft.id) as { message: string }).message).toMatch(/表单/);
    // Not the caller's: told as not found, with nothing of the task shown.
    expect(byId.get(strangers.id)).toMatchObject({ ok: false, code: 'not_found', taskKey: null, stepName: null });

    const processIds = approvals.map((a) => a.processId);
    const tasks = await t.db
      .selectFrom('tasks')
      .select(['id', 'status'])
      .where('id', 'in', [...approvals.map((a) => a.id), draft.id, strangers.id])
      .execute();
    const status = new Map(tasks.map((x) => [x.id, x.status]));
    for (const a of approvals) expect(status.get(a.id)).toBe('done');
    expect(status.get(draft.id)).toBe('open');
    expect(status.get(strangers.id)).toBe('open');
    // The next step opened for every approved pairing …
    await vi.waitFor(
      async () => {
        const next = await t.db
          .selectFrom('tasks')
          .select('process_id')
          .where('process_id', 'in', processIds)
          .where('step_key', '=', 'growth-plan.draft')
          .execute();
        expect(new Set(next.map((n) => n.process_id))).toEqual(new Set(processIds));
      },
      { timeout: 60_000, interval: 100 },
    );
    // … and every decision is on its own timeline, by the secretary, with the batch's comment.
    const events = await t.db
      .selectFrom('task_events')
      .select(['process_id', 'actor_user_id', 'comment'])
      .where('process_id', 'in', processIds)
      .where('action', '=', 'approve')
      .execute();
    expect(events).toHaveLength(processIds.length);
    expect(new Set(events.map((e) => e.process_id))).toEqual(new Set(processIds));
    expect(events.every((e) => e.actor_user_id === as['secretary-01'].userId && e.comment === '同意结对')).toBe(true);
  });

  it('the same request again answers the same, with no second decision and one audit entry', async () => {
    const body = await theBatch([...approvals.map((a) => a.id), draft.id, strangers.id]);
    expect(body).toEqual(first);
    const approves = await t.db
      .selectFrom('task_events')
      .select('id')
      .where(
        'process_id',
        'in',
        approvals.map((a) => a.processId),
      )
      .where('action', '=', 'approve')
      .execute();
    expect(approves).toHaveLength(approvals.length);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'tasks.batch_decided')
      .where('user_id', '=', as['secretary-01'].userId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ requestId: 'batch-00000001', succeeded: approvals.map((a) => a.id) });
    // A new request on decided tasks is refused per task: already decided.
    const again = await (
      await batch('secretary-01', { ids: [approvals[0].id], decision: 'approve', requestId: 'batch-00000002' })
    ).json();
    expect(again.results[0]).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/已办结/) });
  });

  it('refuses an empty list, an oversized list and a missing request id with 400 naming the field', async () => {
    const empty = await batch('secretary-01', { ids: [], decision: 'approve', requestId: 'batch-00000003' });
    expect(empty.status).toBe(400);
    expect((await empty.json()).fields[0]).toMatchObject({ field: 'ids', message: expect.stringMatching(/至少/) });
    const big = Array.from({ length: 101 }, (_, i) => i + 1);
    const tooMany = await batch('secretary-01', { ids: big, decision: 'approve', requestId: 'batch-00000004' });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).fields[0]).toMatchObject({ field: 'ids', message: expect.stringMatching(/100/) });
    const noId = await batch('secretary-01', { ids: [draft.id], decision: 'approve' });
    expect(noId.status).toBe(400);
    expect((await noId.json()).fields[0].field).toBe('requestId');
    const reject = await batch('secretary-01', { ids: [draft.id], decision: 'reject', requestId: 'batch-00000005' });
    expect(reject.status).toBe(400);
  });
});
