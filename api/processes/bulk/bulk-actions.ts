// The four actions a bulk operation can run, each by the single action's own code (撤销 by
// withdrawProcess, 强制终止 by terminateProcess, 重试 by retryIncident, 催办 by urgeTask), with
// the same rule of who may use it, and the reason a process is skipped rather than acted on.
// The preview and the run read the same skip rules, so what the preview says is what happens.
import { sql } from 'kysely';
import type { BulkAction } from '../../../db/schema.js';
import type { SessionUser } from '../../context.js';
import type { Acting } from '../acting.js';
import { mayRetry, retryIncident } from '../process-incidents.js';
import type { ProcessQuery } from '../process-queries.js';
import { terminateProcess } from '../terminate-process.js';
import { urgeTask } from '../urge-overdue.js';
import { mayWithdraw, withdrawProcess } from '../withdraw-process.js';

/** A matched process as the skip rules and the preview read it. */
export function selectTargets(query: ProcessQuery) {
  return query.select([
    'p.id',
    'p.type',
    'p.title',
    'p.status',
    'p.started_by as startedBy',
    'p.current_step as currentStep',
    'tw.name as townshipName',
    's.name as subjectName',
    sql<boolean>`exists (select 1 from incidents i where i.process_id = p.id and i.status = 'open')`.as('hasIncident'),
    sql<boolean>`exists (select 1 from task_events e where e.process_id = p.id and e.action = 'cancel_requested')`.as(
      'cancelRequested',
    ),
    sql<number>`(select count(*)::int from tasks t where t.process_id = p.id and t.status = 'open')`.as('openTasks'),
  ]);
}

export type Target = Awaited<ReturnType<ReturnType<typeof selectTargets>['execute']>>[number];

interface ActionDef {
  /** Whether the role may use the action at all (else 403), as the single route decides. */
  allowed(user: SessionUser): boolean;
  /** 撤销 and 强制终止 are written on each timeline with their reason. */
  needsReason: boolean;
  /** Why this process is skipped (shown after 跳过：), or null when the action applies. */
  skip(user: SessionUser, t: Target): string | null;
  run(a: Acting, t: Target, op: { id: number; reason: string | null }): Promise<void>;
}

const ended = (t: Target) => (t.status !== 'running' && t.status !== 'incident' ? '已结束' : null);

export const BULK_ACTIONS: Record<BulkAction, ActionDef> = {
  cancel: {
    allowed: (u) => u.role === 'county_admin' || u.role === 'township_officer',
    needsReason: true,
    skip: (u, t) =>
      ended(t) ??
      (t.cancelRequested ? '已在撤销中' : null) ??
      (mayWithdraw(u, t.startedBy) ? null : '只有发起人或县委组织部可以撤销'),
    async run(a, t, op) {
      await withdrawProcess(a, t.id, op.reason!);
    },
  },
  terminate: {
    allowed: (u) => u.role === 'county_admin',
    needsReason: true,
    skip: (_u, t) => ended(t),
    async run(a, t, op) {
      await terminateProcess(a, t, op.reason!);
    },
  },
  retry: {
    allowed: mayRetry,
    needsReason: false,
    skip: (_u, t) => (t.hasIncident ? null : '没有待处理的异常'),
    async run(a, t) {
      await retryIncident(a, t.id);
    },
  },
  urge: {
    allowed: (u) => u.role === 'county_admin' || u.role === 'township_officer',
    needsReason: false,
    skip: (_u, t) => ended(t) ?? (t.openTasks > 0 ? null : '没有待办'),
    async run(a, t, op) {
      const tasks = await a.db
        .selectFrom('tasks')
        .select(['task_key', 'process_id'])
        .where('process_id', '=', t.id)
        .where('status', '=', 'open')
        .orderBy('id')
        .execute();
      // One update id per operation and task: the same urge sent again is taken once.
      for (const task of tasks) await urgeTask(a, task, op.reason ?? '请尽快办理', `bulk-${op.id}-${task.task_key}`);
    },
  },
};
