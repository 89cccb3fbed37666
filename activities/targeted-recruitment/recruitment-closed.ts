// A campaign that ended without saying so (强制终止 by the county, a failure, a time-out) could
// not cancel its applications itself: they would read 进行中 for ever, and the campaign 已发布.
// Written in the transaction that closes the campaign's row, as its own withdrawal (撤销) would:
// every application still under way is cancelled with why, an outcome already reached stands.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { chinaDayOf } from '../../domain/china-time.js';
import { APPLICATION_UNDER_WAY } from '../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import type { ProcessClosed } from '../process-status/close-process.js';
import { writeApplicationStatus } from './application-status.js';

const HOW: Partial<Record<ProcessClosed['status'], string>> = {
  terminated: '考录流程已强制终止',
  failed: '考录流程运行失败',
  timed_out: '考录流程已超时',
  cancelled: '考录方案已撤销',
};

export async function closeCampaignApplications(
  trx: Transaction<Database>,
  closed: ProcessClosed,
  /** The process row's params: the campaign's id among them. */
  params: unknown,
): Promise<void> {
  const how = HOW[closed.status];
  // A campaign that completed wrote every outcome itself.
  if (!how) return;
  const reason = closed.reason ? `${how}：${closed.reason}` : how;
  const open = await trx
    .selectFrom('recruitment_applications')
    .select(['id', 'status'])
    .where('workflow_id', '=', closed.processId)
    .where('status', 'in', APPLICATION_UNDER_WAY)
    .forUpdate()
    .execute();
  for (const a of open)
    await writeApplicationStatus(
      trx,
      a.status,
      {
        applicationId: a.id,
        to: 'cancelled',
        reason,
        on: chinaDayOf(closed.at.getTime()),
        actorUserId: closed.actorUserId,
        workflowId: closed.processId,
        changeKey: `${closed.processId}:${closed.runId}:${closed.status}:a${a.id}`,
      },
      closed.at,
    );
  const campaignId = (params as { campaignId?: unknown } | null)?.campaignId;
  if (typeof campaignId === 'number')
    await trx
      .updateTable('recruitment_campaigns')
      .set({ status: 'cancelled' })
      .where('id', '=', campaignId)
      .where('status', '=', 'published')
      .execute();
}
