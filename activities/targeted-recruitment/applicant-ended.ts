// An applicant's workflow ended from outside (强制终止 in the console, an operator's CLI repaired
// by the reconciler, a failure): once its row is closed and its application cancelled, its
// campaign is told, and counts, ranks and proposes the applicant no further. Telling twice
// (the API and the reconciler both) changes nothing; a campaign that has ended is not told.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Actor } from '../../workflows/human-step/types.js';
import {
  RECRUITMENT_APPLICANT,
  applicantEndedSignal,
} from '../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import type { ProcessClosed } from '../process-status/close-process.js';
import type { TellingDeps } from '../process-status/owed-tellings.js';
import { applicantEndedReason } from './recruitment-closed.js';

/** Tells the campaign of the applicant process `closed`, with who ended it when known. */
export async function tellCampaignApplicantEnded(
  deps: TellingDeps,
  closed: ProcessClosed,
  actor: Actor | null = null,
): Promise<void> {
  const reason = applicantEndedReason(closed);
  if (!reason) return;
  const row = await deps.db
    .selectFrom('processes')
    .select('params')
    .where('id', '=', closed.processId)
    .where('type', '=', RECRUITMENT_APPLICANT)
    .executeTakeFirst();
  const { applicationId, campaign } = (row?.params ?? {}) as { applicationId?: unknown; campaign?: unknown };
  if (typeof applicationId !== 'number' || typeof campaign !== 'string') return;
  await deps.client.workflow
    .getHandle(campaign)
    .signal(applicantEndedSignal, { applicationId, reason, actor })
    .catch((error: unknown) => {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    });
}
