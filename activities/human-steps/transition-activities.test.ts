// A transition is one write, and a retried one changes nothing twice: the same task, event and
// notification rows after a second attempt, the process's current step said once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { approvalTaskInput } from './approval-task-input.js';
import { createTaskActivities } from './task-activities.js';
import { createTransitionActivities, type OpenStepInput } from './transition-activities.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const PROCESS = 'one-write-test';

describe('transition activities', () => {
  it('open a step and decide its task in one write each, idempotent by their keys', async () => {
    const db = database.db;
    const secretary = await db
      .selectFrom('users')
      .select(['id', 'township_id'])
      .where('role', '=', 'township_secretary')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const townshipId = secretary.township_id!;
    await createTaskActivities(db).registerProcess({
      id: PROCESS,
      type: 'mentor-pairing',
      title: '测试',
      townshipId,
      villageId: null,
      subjectPersonId: null,
      startedBy: null,
      params: {},
    });
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
});
