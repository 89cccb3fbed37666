// The task list (待办, and 我的待办 with {"mine":true}): one page and how many tasks match, in one
// statement. The page's ids are chosen from the tasks table alone, with the total as a window
// count beside them; only the page's rows are then joined for what a task shows. The window
// count also keeps the planner from walking every open task in due order to fill a short page:
// it must find all matches first, which the indexes on open tasks by assignee do in a few pages.
// Every row returned passes the full scope rule again (tasksInScope) before it is shown.
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { SessionUser } from '../context.js';
import type { ListQuery } from '../resources/list-query.js';
import { scopeOf } from '../scope/scope.js';
import type { Delegator } from '../../workflows/human-step/types.js';
import { actionableBy, selectTask, tasksInScope, visibleTo } from './task-queries.js';
import type { TASK_SORTS, TaskFilterValue } from './task-schemas.js';

type Tables = Database & { t: Database['tasks']; p: Database['processes'] };
type Eb = ExpressionBuilder<Tables, 't' | 'p'>;
type Sort = (typeof TASK_SORTS)[number];

const SORT_COLUMNS = {
  id: 't.id',
  dueAt: 't.due_at',
  createdAt: 't.created_at',
  stepName: 't.step_name',
  status: 't.status',
} as const satisfies Record<Sort, string>;

const overdue = sql<boolean>`(t.status = 'open' and t.due_at < now())`;

/**
 * The tasks the caller may see that the filter asks for. 我的待办 ({"mine":true}) is the open tasks
 * the caller may act on (their own, their role's in their unit, a colleague's on leave): in scope
 * by the scope rule's own first clause, and read through the indexes on open tasks alone. Other
 * lists apply the scope rule, joining processes only where it needs them (a person's scope).
 */
function matching(db: DB, user: SessionUser, delegators: Delegator[], f: TaskFilterValue) {
  const scope = scopeOf(user);
  const tasks = db.selectFrom('tasks as t') as unknown as SelectQueryBuilder<Tables, 't' | 'p', object>;
  let q = f.mine
    ? tasks.where('t.status', '=', 'open').where((eb) => actionableBy(eb as Eb, user, delegators))
    : (scope.level === 'person' ? tasks.innerJoin('processes as p', 'p.id', 't.process_id') : tasks).where((eb) =>
        visibleTo(eb as Eb, user, scope, delegators),
      );
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.processType) q = q.where('t.process_type', '=', f.processType);
  if (f.processId) q = q.where('t.process_id', '=', f.processId);
  if (f.townshipId) q = q.where('t.township_id', '=', f.townshipId);
  if (f.overdue !== undefined) q = q.where(overdue, '=', f.overdue);
  if (f.id !== undefined) q = q.where('t.id', 'in', ([] as number[]).concat(f.id));
  return q;
}

export async function listTasks(
  db: DB,
  user: SessionUser,
  delegators: Delegator[],
  query: ListQuery<TaskFilterValue, Sort>,
) {
  const found = matching(db, user, delegators, query.filter);
  const page = found
    .select(['t.id', sql<number>`count(*) over ()`.as('total')])
    .orderBy(SORT_COLUMNS[query.sort.field], query.sort.order)
    .orderBy('t.id')
    .offset(query.offset)
    .limit(query.limit);
  const rows = await selectTask(tasksInScope(db, user, scopeOf(user), delegators), user, delegators)
    .innerJoin(page.as('page'), 'page.id', 't.id')
    .select('page.total')
    .orderBy(SORT_COLUMNS[query.sort.field], query.sort.order)
    .orderBy('t.id')
    .execute();
  // A page past the end has no row to carry the total: count apart (offset 0 and nothing found is 0).
  const total =
    rows[0]?.total ??
    (query.offset === 0
      ? 0
      : (await found.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { rows: rows.map(({ total: _, ...task }) => task), total: Number(total) };
}
