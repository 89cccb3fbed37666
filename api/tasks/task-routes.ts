// 待办: the inbox, one task, and every action on a task (decide, transfer, urge …), which
// goes to the process's workflow as the `actOnTask` Update.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/authenticate.js';
import { errorResponses } from '../openapi/responses.js';
import { IdParam, jsonBody } from '../resources/common.js';
import { ListQuerySchema, parseListQuery, setContentRange } from '../resources/list-query.js';
import { createRouter } from '../router.js';
import { actOnTask, loadTask } from './act-on-task.js';
import { approvesWithoutForm } from './batch-eligibility.js';
import { registerBatchDecide } from './batch-decide.js';
import { delegatorsOf } from './task-queries.js';
import { listTasks } from './task-list.js';
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
    const delegators = await delegatorsOf(c.var.deps.db, c.var.user.id);
    const { rows, total } = await listTasks(c.var.deps.db, c.var.user, delegators, query);
    setContentRange(c, 'tasks', query.offset, rows.length, total);
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
