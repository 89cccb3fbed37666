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
  const actor = actorOf(user);
  let urged = 0;
  let failed = 0;
  for (const task of overdue) {
    try {
      await withUpdateDeadline(c.var.deps.temporal, () =>
        c.var.deps.temporal.client.workflow.getHandle(task.process_id).executeUpdate(actOnTaskUpdate, {
          args: [{ taskKey: task.task_key, action: 'urge', actor, comment: body.comment ?? '逾期未办，请尽快办理' }],
          updateId: randomUUID(),
        }),
      );
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
