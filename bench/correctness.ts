// The check after each scenario: what the database holds for the processes the run touched must
// match what their workflows did. Every task has its 'opened' event and its 新待办 notification
// owed, every decided task its decision on the timeline, and the tasks per step and status are
// the counts the scenario expects. A mismatch fails the run.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { DB } from '../db/database.js';
import { BenchFailure, log } from './bench-run.js';

export interface Accounting {
  processes: number;
  tasks: Record<string, number>;
  events: Record<string, number>;
  notificationKeys: number;
  tasksWithoutOpenedEvent: number;
  tasksWithoutNotification: number;
  decidedWithoutEvent: number;
}

export async function accountFor(db: DB, processIds: string[]): Promise<Accounting> {
  const ids = processIds.length ? processIds : [''];
  const tasks = await db
    .selectFrom('tasks')
    .select(['step_key', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('process_id', 'in', ids)
    .groupBy(['step_key', 'status'])
    .execute();
  const events = await db
    .selectFrom('task_events')
    .select(['action', (eb) => eb.fn.countAll<number>().as('n')])
    .where('process_id', 'in', ids)
    .groupBy('action')
    .execute();
  const one = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0].n);
  const list = sql.join(ids);
  return {
    processes: await one(sql`select count(*)::int as n from processes where id in (${list})`),
    tasks: Object.fromEntries(tasks.map((r) => [`${r.step_key} ${r.status}`, Number(r.n)])),
    events: Object.fromEntries(events.map((r) => [r.action, Number(r.n)])),
    notificationKeys: await one(
      sql`select count(distinct notification_key)::int as n from notifications n join tasks t on t.id = n.task_id where t.process_id in (${list})`,
    ),
    tasksWithoutOpenedEvent: await one(
      sql`select count(*)::int as n from tasks t where t.process_id in (${list}) and not exists (select 1 from task_events e where e.task_id = t.id and e.action = 'opened')`,
    ),
    tasksWithoutNotification: await one(
      sql`select count(*)::int as n from tasks t where t.process_id in (${list}) and not exists (select 1 from notifications n where n.task_id = t.id and n.kind = 'task_assigned')`,
    ),
    decidedWithoutEvent: await one(
      sql`select count(*)::int as n from tasks t where t.process_id in (${list}) and t.status = 'done' and not exists (select 1 from task_events e where e.task_id = t.id and e.action = t.decision->>'decision')`,
    ),
  };
}

type Expected = { processes: number; tasks: Record<string, number>; events: Record<string, number> };

/**
 * Fails the run unless the accounting shows exactly what the workflows did. The workflows may
 * still be finishing a transition (an event or a notification after the task row), so it reads
 * again until the figures match, and fails once they have stopped changing for SETTLE_MS.
 */
export async function expectAccounting(db: DB, what: string, processIds: string[], expected: Expected): Promise<void> {
  let last = '';
  let since = Date.now();
  for (;;) {
    const got = await accountFor(db, processIds);
    const problems = mismatches(got, expected);
    if (problems.length === 0) {
      log(
        `correctness check after ${what}: ok (${JSON.stringify({ tasks: got.tasks, events: got.events, notificationKeys: got.notificationKeys })})`,
      );
      return;
    }
    const now = JSON.stringify(got);
    if (now !== last) [last, since] = [now, Date.now()];
    if (Date.now() - since > SETTLE_MS)
      throw new BenchFailure(`correctness check after ${what} failed:\n  ${problems.join('\n  ')}`);
    await sleep(500);
  }
}

const SETTLE_MS = 15_000;

function mismatches(got: Accounting, expected: Expected): string[] {
  const problems: string[] = [];
  const same = (name: string, a: number | undefined, b: number) => {
    if ((a ?? 0) !== b) problems.push(`${name}: ${a ?? 0}, expected ${b}`);
  };
  same('processes', got.processes, expected.processes);
  for (const key of new Set([...Object.keys(got.tasks), ...Object.keys(expected.tasks)]))
    same(`tasks ${key}`, got.tasks[key], expected.tasks[key] ?? 0);
  for (const key of new Set([...Object.keys(got.events), ...Object.keys(expected.events)]))
    same(`events ${key}`, got.events[key], expected.events[key] ?? 0);
  const taskCount = Object.values(got.tasks).reduce((a, b) => a + b, 0);
  same('notification keys owed for tasks', got.notificationKeys, taskCount);
  same('tasks without their opened event', got.tasksWithoutOpenedEvent, 0);
  same('tasks without their 新待办 notification', got.tasksWithoutNotification, 0);
  same('decided tasks without their decision on the timeline', got.decidedWithoutEvent, 0);
  return problems;
}
