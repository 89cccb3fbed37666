// A retried activity finds what its first attempt wrote: no second task, no second event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { approvalTaskInput } from './approval-task-input.js';
import { createTaskActivities } from './task-activities.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('task activities', () => {
  it('are idempotent by their keys', async () => {
    const acts = createTaskActivities(database.db);
    const process = {
      id: 'retry-test',
      type: 'mentor-pairing',
      title: '测试',
      townshipId: 1,
      villageId: null,
      subjectPersonId: null,
      startedBy: null,
      params: {},
    };
    await acts.registerProcess(process);
    await acts.registerProcess({ ...process, title: '第二次' });
    const open = approvalTaskInput('retry-test', 1);
    const first = await acts.openTask(open);
    const second = await acts.openTask(open);
    expect(second).toBe(first);
    const event = {
      eventKey: 'retry-test:e1',
      processId: 'retry-test',
      taskKey: open.taskKey,
      at: '2026-11-26T01:00:00.000Z',
      action: 'opened',
    };
    await acts.recordEvent(event);
    await acts.recordEvent(event);
    await acts.closeTask({ taskKey: open.taskKey, status: 'done', decidedBy: null, at: '2026-11-27T01:00:00.000Z' });
    // A late retry of the close cannot reopen or re-decide it.
    await acts.closeTask({ taskKey: open.taskKey, status: 'cancelled', at: '2026-11-28T01:00:00.000Z' });
    const tasks = await database.db
      .selectFrom('tasks')
      .select(['id', 'status', 'decided_at'])
      .where('process_id', '=', 'retry-test')
      .execute();
    expect(tasks).toEqual([{ id: first, status: 'done', decided_at: new Date('2026-11-27T01:00:00.000Z') }]);
    expect(
      await database.db.selectFrom('task_events').select('id').where('process_id', '=', 'retry-test').execute(),
    ).toHaveLength(1);
    expect(
      (
        await database.db
          .selectFrom('processes')
          .select('title')
          .where('id', '=', 'retry-test')
          .executeTakeFirstOrThrow()
      ).title,
    ).toBe('测试');
  });
});
