// A campaign that ended without saying so (强制终止 by the county, or by an operator's CLI that
// the reconciler repairs; a failure) stops its own workflow only: the applicant workflows it
// started live on (Temporal abandons them, as a hire's probation must outlive its campaign),
// each waiting for a word from a campaign that is gone. They are withdrawn (撤销) as a telling
// the campaign's end owes (owed-tellings.ts), so a withdrawal that fails is made again; each
// applicant closes its own open tasks and row as a withdrawn process does, and a hire's
// probation goes on.
import { WorkflowNotFoundError } from '@temporalio/common';
import { sql } from 'kysely';
import { RECRUITMENT_APPLICANT } from '../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import type { ProcessClosed } from '../process-status/close-process.js';
import type { TellingDeps } from '../process-status/owed-tellings.js';
import { campaignEndedReason } from './recruitment-closed.js';

/** Withdraws the running applicant workflows of the campaign process `closed`. */
export async function withdrawCampaignApplicants(deps: TellingDeps, closed: ProcessClosed): Promise<void> {
  if (!campaignEndedReason(closed)) return;
  const applicants = await deps.db
    .selectFrom('processes as p')
    .innerJoin('recruitment_applications as r', (j) =>
      j.on(sql<number>`(p.params->>'applicationId')::int`, '=', sql.ref('r.id')),
    )
    .select('p.id')
    .where('p.type', '=', RECRUITMENT_APPLICANT)
    .where(sql<string>`p.params->>'campaign'`, '=', closed.processId)
    .where('p.status', 'in', ['running', 'incident'])
    .where('r.status', '!=', 'hired')
    .execute();
  for (const { id } of applicants)
    await deps.client.workflow
      .getHandle(id)
      .cancel()
      // Closed in Temporal already, its row not yet repaired: the reconciler will.
      .catch((error: unknown) => {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      });
}
