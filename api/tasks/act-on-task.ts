// One action on one task, as the single action route and 批量同意 both send it: the checks the
// API makes for a clerk's wording, then the `actOnTask` Update, whose validator has the last word.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor.js';
import type { AppEnv } from '../context.js';
import { fail, invalidField } from '../errors/errors.js';
import { withUpdateDeadline } from '../temporal/update-deadline.js';
import { scopeOf } from '../scope/scope.js';
import { fieldErrors } from '../validation/bilingual-errors.js';
import { actOnTaskUpdate } from '../../workflows/human-step/messages.js';
import type { Delegator, TaskActionResult } from '../../workflows/human-step/types.js';
import { PROCESS_TYPES } from '../../workflows/process-types.js';
import type { Role } from '../../db/schema.js';
import { delegatorsOf, selectTask, standingInFor, tasksInScope, type TaskQuery } from './task-queries.js';
import type { TaskActionBody } from './task-schemas.js';

export type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTask>['executeTakeFirstOrThrow']>>;

/** The task by id inside the caller's scope, narrowed further by `narrow`; 404 when not there. */
export async function loadTask(
  c: Context<AppEnv>,
  id: number,
  narrow: (q: TaskQuery, delegators: Delegator[]) => TaskQuery = (q) => q,
) {
  const user = c.var.user;
  const delegators = await delegatorsOf(c.var.deps.db, user.id);
  const task = await selectTask(
    narrow(tasksInScope(c.var.deps.db, user, scopeOf(user), delegators).where('t.id', '=', id), delegators),
    user,
    delegators,
  ).executeTakeFirst();
  if (!task) throw fail('not_found');
  return { task, delegators };
}

export async function actOnTask(
  c: Context<AppEnv>,
  task: TaskRow,
  delegators: Delegator[],
  body: z.infer<typeof TaskActionBody>,
): Promise<TaskActionResult> {
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
  // A refusal (already decided, not yours, a bad form) comes back as Temporal's error.
  const { temporal } = c.var.deps;
  return withUpdateDeadline(temporal, () =>
    temporal.client.workflow.getHandle(task.processId).executeUpdate(actOnTaskUpdate, {
      args: [{ ...request, taskKey: task.taskKey, actor: actorOf(c.var.user, onBehalfOf) }],
      updateId: requestId ? `${task.taskKey}:${requestId}` : randomUUID(),
    }),
  );
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
