// 一键催办: urge every overdue open task of a township at once. Each urge is the same
// `actOnTask` Update a single urge uses, so the timeline records it the same way.
import { randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { writeAudit } from '../audit/audit.js';
import { actorOf } from '../auth/actor.js';
import type { AppEnv } from '../context.js';
import { fail } from '../errors/errors.js';
import { withUpdateDeadline } from '../temporal/update-deadline.js';
import { actOnTaskUpdate } from '../../workflows/human-step/messages.js';
import { actingOf, type Acting } from './acting.js';

export const UrgeOverdueBody = z
  .object({ townshipId: z.number().int().positive().max(2147483647), comment: z.string().trim().max(500).optional() })
  .strict()
  .openapi('UrgeOverdue');

export async function urgeOverdue(c: Context<AppEnv>, body: z.infer<typeof UrgeOverdueBody>) {
  const user = c.var.user;
  const mayUrge =
    user.role === 'county_admin' || (user.role === 'township_officer' && user.townshipId === body.townshipId);
  if (!mayUrge) throw fail('forbidden');
  const overdue = await c.var.deps.db
    .selectFrom('tasks')
    .select(['task_key', 'process_id'])
    .where('township_id', '=', body.townshipId)
    .where('status', '=', 'open')
    .where('due_at', '<', new Date())
    .execute();
  let urged = 0;
  let failed = 0;
  for (const task of overdue) {
    try {
      await urgeTask(actingOf(c), task, body.comment ?? '逾期未办，请尽快办理', randomUUID());
      urged++;
    } catch {
      // Decided or closed meanwhile: nothing to urge.
      failed++;
    }
  }
  await writeAudit(c, {
    action: 'tasks.urged',
    resource: 'tasks',
    detail: { townshipId: body.townshipId, urged, failed },
  });
  return { urged, failed };
}

/**
 * 催办 one open task: the `actOnTask` Update a single urge sends, so the timeline records it the
 * same way. The update id makes a second send of the same urge (a bulk item run again) a no-op.
 */
export async function urgeTask(
  a: Acting,
  task: { task_key: string; process_id: string },
  comment: string,
  updateId: string,
) {
  await withUpdateDeadline(a.temporal, () =>
    a.temporal.client.workflow.getHandle(task.process_id).executeUpdate(actOnTaskUpdate, {
      args: [{ taskKey: task.task_key, action: 'urge', actor: actorOf(a.user), comment }],
      updateId,
    }),
  );
}
