// 撤销: the one way the API withdraws a process, from the process page or from its incident
// (取消流程), alone or in bulk. The workflow answers the cancellation itself (its steps close, its row says
// 已撤销); the reason goes on the timeline, where those who worked the process read it.
import type { AppEnv } from '../context.js';
import { fail } from '../errors/errors.js';
import { auditAs, type Acting } from './acting.js';

/** Who may withdraw: the county admin, or the township officer who started the process. */
export function mayWithdraw(user: AppEnv['Variables']['user'], startedBy: number | null): boolean {
  return user.role === 'county_admin' || (user.role === 'township_officer' && startedBy === user.id);
}

export function refuseEnded(status: string, zh: string, en: string) {
  if (status !== 'running' && status !== 'incident')
    throw fail('conflict', [{ field: 'status', message: zh, messageEn: en }]);
}

export async function withdrawProcess(a: Acting, id: string, reason: string) {
  await a.temporal.client.workflow.getHandle(id).cancel();
  // A process waiting on an incident (异常) is no longer waiting: its incident closes with the same reason.
  await a.db
    .updateTable('incidents')
    .set({ status: 'cancelled', resolved_by: a.user.id, resolved_at: new Date(), reason })
    .where('process_id', '=', id)
    .where('status', '=', 'open')
    .execute();
  await a.db
    .insertInto('task_events')
    .values({
      event_key: `${id}:cancel-requested:${a.requestId}`,
      process_id: id,
      at: new Date(),
      actor_user_id: a.user.id,
      action: 'cancel_requested',
      comment: reason,
      detail: '{}',
    })
    // A bulk item run again after a restart asks once more; the timeline keeps one entry.
    .onConflict((oc) => oc.column('event_key').doNothing())
    .execute();
  await auditAs(a, { action: 'process.cancelled', resource: 'processes', recordId: id, detail: { reason } });
  return { id, status: 'cancelling' };
}
