// 待办: the inbox, one task, and every action on a task (decide, transfer, urge …), which
// goes to the process's workflow as the `actOnTask` Update.
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor.js';
import { requireUser } from '../auth/authenticate.js';
import type { AppEnv } from '../context.js';
import { fail, invalidField } from '../errors/errors.js';
import { withUpdateDeadline } from '../temporal/update-deadline.js';
import { errorResponses } from '../openapi/responses.js';
import { IdParam, jsonBody } from '../resources/common.js';
import { ListQuerySchema, parseListQuery, setContentRange } from '../resources/list-query.js';
import { createRouter } from '../router.js';
import { scopeOf } from '../scope/scope.js';
import { fieldErrors } from '../validation/bilingual-errors.js';
import { actOnTaskUpdate } from '../../workflows/human-step/messages.js';
import { PROCESS_TYPES } from '../../workflows/process-types.js';
import type { Context } from 'hono';
import type { Role } from '../../db/schema.js';
import { listTasks } from './task-list.js';
import { delegatorsOf, selectTask, standingInFor, tasksInScope } from './task-queries.js';
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

async function loadTask(c: Context<AppEnv>, id: number) {
  const user = c.var.user;
  const delegators = await delegatorsOf(c.var.deps.db, user.id);
  const task = await selectTask(
    tasksInScope(c.var.deps.db, user, scopeOf(user), delegators).where('t.id', '=', id),
    user,
    delegators,
  ).executeTakeFirst();
  if (!task) throw fail('not_found');
  return { task, delegators };
}

export function createTaskRoutes() {
  const app = createRouter();

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
    // A retry whose first try took effect (its answer lost to a network error or a restarted API)
    // carries the same request id: Temporal answers it with the first outcome, so it goes on to
    // the Update. Without one, or when the id is new, the workflow's validator refuses it (409).
    if (task.status !== 'open' && !body.requestId)
      throw fail('conflict', [
        { field: 'task', message: '该待办已办结或已撤销，不能再操作', messageEn: 'The task is already closed' },
      ]);
    if ((body.action === 'submit' || body.action === 'approve') && PROCESS_TYPES[task.processType]) {
      // The workflow checks the form too; here it gets the clerk's wording and field names.
      const schema = PROCESS_TYPES[task.processType].forms[task.form];
      const parsed = schema?.safeParse(body.form ?? {});
      if (parsed && !parsed.success) throw fail('validation_failed', fieldErrors(parsed.error, 'form'));
    }
    if ((body.action === 'reject' || body.action === 'return') && !body.comment)
      throw invalidField('comment', '退回或驳回须填写理由', 'a reason is required');
    if (body.userIds?.length) {
      // A task must never be handed to someone who cannot sign in: the write would fail on every retry.
      const found = await c.var.deps.db
        .selectFrom('users')
        .select(['id', 'role', 'township_id as townshipId', 'village_id as villageId'])
        .where('id', 'in', body.userIds)
        .where('active', '=', true)
        .execute();
      if (found.length !== new Set(body.userIds).size)
        throw invalidField('userIds', '所选人员不存在或已停用', 'unknown or inactive user');
      // 转交, 加签 and 抄送 reach only people who may see the task: its township's or village's, or the county's.
      if (found.some((u) => !mayBeGivenTask(u, task)))
        throw fail('forbidden', [
          {
            field: 'userIds',
            message: '所选人员不在该待办所属乡镇(村)范围内，不能转交、加签或抄送给他',
            messageEn: 'a chosen person is outside the task’s township or village',
          },
        ]);
    }
    const onBehalfOf = standingInFor(task, c.var.user, delegators);
    const { requestId, ...request } = body;
    // A refusal (already decided, not yours, a bad form) is answered by the error handler.
    const { temporal } = c.var.deps;
    const result = await withUpdateDeadline(temporal, () =>
      temporal.client.workflow.getHandle(task.processId).executeUpdate(actOnTaskUpdate, {
        args: [{ ...request, taskKey: task.taskKey, actor: actorOf(c.var.user, onBehalfOf) }],
        updateId: requestId ? `${task.taskKey}:${requestId}` : randomUUID(),
      }),
    );
    return c.json(result, 200);
  });

  return app;
}

/** Whether this user's scope covers the task (the rule scope.ts applies to every read). */
function mayBeGivenTask(
  u: { role: Role; townshipId: number | null; villageId: number | null },
  task: { townshipId: number | null; villageId: number | null },
) {
  if (u.role === 'county_admin' || u.role === 'auditor') return u.role === 'county_admin';
  if (task.townshipId == null || u.townshipId !== task.townshipId) return false;
  if (u.role === 'village_secretary') return task.villageId == null ? false : u.villageId === task.villageId;
  return true;
}

function serialise<T extends { dueAt: Date; decidedAt: Date | null; createdAt: Date; canAct: unknown }>(row: T) {
  return {
    ...row,
    canAct: Boolean(row.canAct),
    dueAt: row.dueAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
