// 待办: the inbox, one task, and every action on a task (decide, transfer, urge …), which
// goes to the process's workflow as the `actOnTask` Update.
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { requireUser } from '../auth/authenticate.js';
import { errorResponses } from '../openapi/responses.js';
import { IdParam, jsonBody } from '../resources/common.js';
import { ListQuerySchema, parseListQuery, setContentRange } from '../resources/list-query.js';
import { createRouter } from '../router.js';
import { scopeOf } from '../scope/scope.js';
import { actOnTask, loadTask } from './act-on-task.js';
import { approvesWithoutForm } from './batch-eligibility.js';
import { registerBatchDecide } from './batch-decide.js';
import { delegatorsOf, selectTask, tasksInScope } from './task-queries.js';
import { TASK_SORTS, TaskActionBody, TaskActionResultSchema, TaskFilter, TaskSchema } from './task-schemas.js';

const tags = ['tasks 待办'];
const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  middleware: requireUser,
  summary: 'Tasks in scope; filter {"mine":true} for the inbox',
  request: { query: ListQuerySchema },
  responses: {
    200: { description: 'A page of tasks', content: { 'application/json': { schema: z.array(TaskSchema) } } },
    ...errorResponses(400, 401),
  },
});
const show = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  middleware: requireUser,
  summary: 'One task',
  request: { params: IdParam },
  responses: {
    200: { description: 'The task', content: { 'application/json': { schema: TaskSchema } } },
    ...errorResponses(400, 401, 404),
  },
});
const act = createRoute({
  method: 'post',
  path: '/{id}/actions',
  tags,
  middleware: requireUser,
  summary: 'Act on a task: approve, reject, return, transfer, add a signer, urge, CC, comment, change the deadline',
  request: { params: IdParam, ...jsonBody(TaskActionBody) },
  responses: {
    200: { description: 'Accepted', content: { 'application/json': { schema: TaskActionResultSchema } } },
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});

export function createTaskRoutes() {
  const app = createRouter();
  registerBatchDecide(app);

  app.openapi(list, async (c) => {
    const query = parseListQuery(c, { filter: TaskFilter, sortable: TASK_SORTS, defaultSort: 'dueAt' });
    const user = c.var.user;
    const db = c.var.deps.db;
    const delegators = await delegatorsOf(db, user.id);
    const f = query.filter;
    let q = tasksInScope(db, user, scopeOf(user), delegators);
    if (f.mine) {
      const mine = await selectTask(q, user, delegators).where('t.status', '=', 'open').execute();
      q = q.where('t.id', 'in', [0, ...mine.filter((t) => t.canAct).map((t) => t.id)]);
    }
    if (f.status) q = q.where('t.status', '=', f.status);
    if (f.processType) q = q.where('t.process_type', '=', f.processType);
    if (f.processId) q = q.where('t.process_id', '=', f.processId);
    if (f.townshipId) q = q.where('t.township_id', '=', f.townshipId);
    if (f.overdue !== undefined) q = q.where(sql<boolean>`(t.status = 'open' and t.due_at < now())`, '=', f.overdue);
    if (f.id !== undefined) q = q.where('t.id', 'in', ([] as number[]).concat(f.id));
    const [rows, total] = await Promise.all([
      selectTask(q, user, delegators)
        .orderBy(sql.ref(query.sort.field), query.sort.order)
        .orderBy('t.id')
        .offset(query.offset)
        .limit(query.limit)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    setContentRange(c, 'tasks', query.offset, rows.length, total.n);
    return c.json(rows.map(serialise), 200);
  });

  app.openapi(show, async (c) => {
    const { task } = await loadTask(c, c.req.valid('param').id);
    return c.json(serialise(task), 200);
  });

  app.openapi(act, async (c) => {
    const body = c.req.valid('json');
    const { task, delegators } = await loadTask(c, c.req.valid('param').id);
    // A refusal (already decided, not yours, a bad form) is answered by the error handler.
    return c.json(await actOnTask(c, task, delegators, body), 200);
  });

  return app;
}

function serialise<
  T extends {
    dueAt: Date;
    decidedAt: Date | null;
    createdAt: Date;
    canAct: unknown;
    processType: string;
    form: string;
    actions: string[];
  },
>(row: T) {
  return {
    ...row,
    canAct: Boolean(row.canAct),
    quickApprove: approvesWithoutForm(row),
    dueAt: row.dueAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
