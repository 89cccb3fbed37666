// A campaign or an applicant that ended without saying so (强制终止 by the county or an operator,
// a failure, a time-out) could not close its applications itself: they would read 进行中 for
// ever, and the campaign 已发布. Written in the transaction that closes the process's row, as a
// withdrawal (撤销) would: every application still under way is cancelled with why, an outcome
// already reached (a hire among them) stands.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { chinaDayOf } from '../../domain/china-time.js';
import {
  APPLICATION_UNDER_WAY,
  RECRUITMENT_APPLICANT,
  RECRUITMENT_CAMPAIGN,
} from '../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import type { ProcessClosed, ProcessClosing } from '../process-status/close-process.js';
import { writeApplicationStatus } from './application-status.js';

const CAMPAIGN_ENDED: Partial<Record<ProcessClosed['status'], string>> = {
  terminated: '考录流程已强制终止',
  failed: '考录流程运行失败',
  timed_out: '考录流程已超时',
  cancelled: '考录方案已撤销',
};

const APPLICANT_ENDED: Partial<Record<ProcessClosed['status'], string>> = {
  terminated: '报考人流程已强制终止',
  failed: '报考人流程运行失败',
  timed_out: '报考人流程已超时',
};

const withReason = (how: string, closed: ProcessClosed) => (closed.reason ? `${how}：${closed.reason}` : how);

/** Why a campaign's applications are cancelled when it ended so; null when it completed (it wrote every outcome). */
export function campaignEndedReason(closed: ProcessClosed): string | null {
  const how = CAMPAIGN_ENDED[closed.status];
  return how ? withReason(how, closed) : null;
}

/** Why an applicant's application is cancelled when its workflow ended so; null when it ended otherwise. */
export function applicantEndedReason(closed: ProcessClosed): string | null {
  const how = APPLICANT_ENDED[closed.status];
  return how ? withReason(how, closed) : null;
}

/** Cancels the applications under way that `which` picks, each with a status change saying why. */
async function cancelUnderWay(
  trx: Transaction<Database>,
  closed: ProcessClosed,
  reason: string,
  which: { column: 'workflow_id' | 'id'; value: string | number },
): Promise<void> {
  const open = await trx
    .selectFrom('recruitment_applications')
    .select(['id', 'status'])
    .where(which.column, '=', which.value)
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
}

/** The campaign's closing; its params carry the campaign's id. */
const closeCampaignApplications: ProcessClosing = async (trx, closed, params) => {
  const reason = campaignEndedReason(closed);
  if (!reason) return;
  await cancelUnderWay(trx, closed, reason, { column: 'workflow_id', value: closed.processId });
  const campaignId = (params as { campaignId?: unknown } | null)?.campaignId;
  if (typeof campaignId === 'number')
    await trx
      .updateTable('recruitment_campaigns')
      .set({ status: 'cancelled' })
      .where('id', '=', campaignId)
      .where('status', '=', 'published')
      .execute();
};

/**
 * An applicant's workflow ended on its own (an operator's 强制终止 of that one applicant): its
 * application, if still under way, is cancelled, and stays so whatever the campaign decides
 * for it until it is told (applicant-ended.ts; setApplicationStatus keeps it cancelled).
 */
const closeApplicantApplication: ProcessClosing = async (trx, closed, params) => {
  const reason = applicantEndedReason(closed);
  const applicationId = (params as { applicationId?: unknown } | null)?.applicationId;
  if (!reason || typeof applicationId !== 'number') return;
  await cancelUnderWay(trx, closed, reason, { column: 'id', value: applicationId });
};

/** 定向考录's closings, by process type. */
export const RECRUITMENT_CLOSINGS: Record<string, ProcessClosing> = {
  [RECRUITMENT_CAMPAIGN]: closeCampaignApplications,
  [RECRUITMENT_APPLICANT]: closeApplicantApplication,
};
