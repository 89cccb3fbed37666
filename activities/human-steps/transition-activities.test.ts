// A transition is one write, and a retried one changes nothing twice: the same task, event and
// notification rows after a second attempt, the process's current step said once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { approvalTaskInput } from './approval-task-input.js';
import { createTaskActivities } from './task-activities.js';
import {
  createTransitionActivities,
  type OpenScheduledStepInput,
  type OpenStepInput,
} from './transition-activities.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const PROCESS = 'one-write-test';

/** A pairing's process row in the first township, and that township's Party secretary. */
async function registerPairing(id: string, title: string) {
  const db = database.db;
  const secretary = await db
    .selectFrom('users')
    .select(['id', 'township_id'])
    .where('role', '=', 'township_secretary')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const townshipId = secretary.township_id!;
  await createTaskActivities(db).registerProcess({
    id,
    type: 'mentor-pairing',
    title,
    townshipId,
    villageId: null,
    subjectPersonId: null,
    startedBy: null,
    params: {},
  });
  return { secretary, townshipId };
}

describe('transition activities', () => {
  it('open a step and decide its task in one write each, idempotent by their keys', async () => {
    const db = database.db;
    const { secretary, townshipId } = await registerPairing(PROCESS, '测试');
    const acts = createTransitionActivities(db, { mailFrom: 'test@qinglan.local', publicUrl: 'http://localhost' });
    const taskKey = `${PROCESS}:proposal.approval:1`;
    const input: OpenStepInput = {
      tasks: [
        {
          open: approvalTaskInput(PROCESS, townshipId),
          event: { eventKey: `${PROCESS}:e1`, processId: PROCESS, at: '2026-11-26T01:00:00.000Z', action: 'opened' },
          notice: {
            key: `${PROCESS}:n2`,
            kind: 'task_assigned',
            recipients: [{ role: 'township_secretary', townshipId, villageId: null }],
            title: '新待办：结对审批',
            body: '测试 · 结对审批',
            townshipId,
          },
        },
      ],
      cc: [],
      process: { id: PROCESS, currentStep: '结对审批' },
    };
    const [first] = await acts.openStep(input);
    const [again] = await acts.openStep(input);
    expect(again).toBe(first);

    const decide = {
      close: {
        taskKey,
        status: 'done' as const,
        decision: { decision: 'approve' },
        decidedBy: secretary.id,
        at: '2026-11-27T01:00:00.000Z',
      },
      event: {
        eventKey: `${PROCESS}:e3`,
        processId: PROCESS,
        taskKey,
        at: '2026-11-27T01:00:00.000Z',
        action: 'approve',
      },
    };
    await acts.decideTask(decide);
    await acts.decideTask({ ...decide, close: { ...decide.close, at: '2026-11-28T01:00:00.000Z' } });

    const task = await db
      .selectFrom('tasks')
      .select(['id', 'status', 'decided_at'])
      .where('process_id', '=', PROCESS)
      .execute();
    expect(task).toEqual([{ id: first, status: 'done', decided_at: new Date('2026-11-27T01:00:00.000Z') }]);
    const events = await db
      .selectFrom('task_events')
      .select(['action', 'task_id'])
      .where('process_id', '=', PROCESS)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { action: 'opened', task_id: first },
      { action: 'approve', task_id: first },
    ]);
    const bells = await db
      .selectFrom('notifications')
      .select(['user_id', 'task_id', 'link'])
      .where('notification_key', '=', `${PROCESS}:n2`)
      .execute();
    expect(bells).toContainEqual({ user_id: secretary.id, task_id: first, link: `/tasks/${first}/show` });
    expect(new Set(bells.map((b) => b.user_id)).size).toBe(bells.length);
    const row = await db
      .selectFrom('processes')
      .select('current_step')
      .where('id', '=', PROCESS)
      .executeTakeFirstOrThrow();
    expect(row.current_step).toBe('结对审批');
  });

  it('open a step with its schedule resolved in the same write, and a decision ending it says what the process waits on', async () => {
    const db = database.db;
    const id = `${PROCESS}-scheduled`;
    const { secretary, townshipId } = await registerPairing(id, '导师帮带：测试');
    const acts = createTransitionActivities(db, { mailFrom: 'test@qinglan.local', publicUrl: 'http://localhost' });
    const { dueAt: _dueAt, ...open } = approvalTaskInput(id, townshipId);
    // Opened on Friday 2026-03-13 at 10:00 China time: 2 working days end with Tuesday (the 17th).
    const input: OpenScheduledStepInput = {
      schedule: {
        openedAt: '2026-03-13T10:00:00+08:00',
        deadline: { workingDays: 2 },
        remindBefore: { workingDays: 1 },
      },
      about: { processTitle: '导师帮带：测试', stepName: '结对审批' },
      tasks: [
        {
          open,
          event: { eventKey: `${id}:e1`, processId: id, at: '2026-03-13T02:00:00.000Z', action: 'opened' },
          notice: {
            key: `${id}:n2`,
            kind: 'task_assigned',
            recipients: [{ role: 'township_secretary', townshipId, villageId: null }],
            title: '新待办：结对审批',
            townshipId,
          },
        },
      ],
      cc: [],
      process: { id, currentStep: '结对审批' },
    };
    const opened = await acts.openScheduledStep(input);
    expect(opened.schedule).toEqual({
      dueAt: '2026-03-17T16:00:00.000Z',
      remindAt: '2026-03-16T16:00:00.000Z',
      escalateAt: [],
    });
    expect(await acts.openScheduledStep(input)).toEqual(opened);
    const [taskId] = opened.taskIds;
    const task = await db.selectFrom('tasks').select(['due_at']).where('process_id', '=', id).execute();
    expect(task).toEqual([{ due_at: new Date('2026-03-17T16:00:00.000Z') }]);
    const event = await db
      .selectFrom('task_events')
      .select(['task_id', 'detail'])
      .where('event_key', '=', `${id}:e1`)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ task_id: taskId, detail: { dueAt: '2026-03-17T16:00:00.000Z' } });
    const bell = await db
      .selectFrom('notifications')
      .select(['body', 'task_id'])
      .where('notification_key', '=', `${id}:n2`)
      .where('user_id', '=', secretary.id)
      .executeTakeFirstOrThrow();
    expect(bell).toEqual({ body: '导师帮带：测试 · 结对审批，截止 2026-03-18 00:00', task_id: taskId });

    const taskKey = open.taskKey;
    const at = '2026-03-16T01:00:00.000Z';
    await acts.decideTask({
      close: { taskKey, status: 'done', decision: { decision: 'approve' }, decidedBy: secretary.id, at },
      event: { eventKey: `${id}:e3`, processId: id, taskKey, at, action: 'approve' },
      process: { id, currentStep: null },
    });
    const after = await db
      .selectFrom('processes')
      .innerJoin('tasks', 'tasks.process_id', 'processes.id')
      .select(['processes.current_step', 'tasks.status'])
      .where('processes.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ current_step: null, status: 'done' });
  });
});
