// 强制终止 of a campaign stops its workflow only: the applicant workflows it started live on
// (Temporal abandons them, as a hire's probation must outlive its campaign), each waiting for
// a word from a campaign that is gone. They are withdrawn (撤销) here, and each closes its own
// open tasks and row as a withdrawn process does; a hire's probation goes on.
import { WorkflowNotFoundError } from '@temporalio/common';
import { sql } from 'kysely';
import { RECRUITMENT_APPLICANT } from '../../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import type { Acting } from '../acting.js';

/** Withdraws the running applicant workflows of the campaign `campaignProcessId`; returns how many. */
export async function withdrawApplicantsOf(a: Acting, campaignProcessId: string): Promise<number> {
  const applicants = await a.db
    .selectFrom('processes as p')
    .innerJoin('recruitment_applications as r', (j) =>
      j.on(sql<number>`(p.params->>'applicationId')::int`, '=', sql.ref('r.id')),
    )
    .select('p.id')
    .where('p.type', '=', RECRUITMENT_APPLICANT)
    .where(sql<string>`p.params->>'campaign'`, '=', campaignProcessId)
    .where('p.status', 'in', ['running', 'incident'])
    .where('r.status', '!=', 'hired')
    .execute();
  for (const { id } of applicants)
    await a.temporal.client.workflow
      .getHandle(id)
      .cancel()
      // Closed in Temporal already, its row not yet repaired: the reconciler will.
      .catch((error: unknown) => {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      });
  return applicants.length;
}
