// An application's status and its history row are written together, always: the row says
// from what, to what, why, who and when. Shared by the workflows' activity and the closing of
// a campaign that ended without saying so.
import { sql, type Transaction } from 'kysely';
import type { ApplicationStatus, Database } from '../../db/schema.js';

export interface ApplicationStatusChange {
  applicationId: number;
  to: ApplicationStatus;
  reason: string;
  /** 'YYYY-MM-DD', China day. */
  on: string;
  actorUserId: number | null;
  workflowId: string;
  /** Unique per decision of the workflow (a retry writes nothing twice). */
  changeKey: string;
}

/**
 * Moves the application from `from` (read under lock by the caller) and records the change;
 * `at` is when it changed, the transaction's time if not given.
 */
export async function writeApplicationStatus(
  trx: Transaction<Database>,
  from: ApplicationStatus,
  change: ApplicationStatusChange,
  at?: Date,
): Promise<void> {
  await trx
    .updateTable('recruitment_applications')
    .set({ status: change.to, updated_at: at ?? sql`now()` })
    .where('id', '=', change.applicationId)
    .execute();
  await trx
    .insertInto('recruitment_status_changes')
    .values({
      application_id: change.applicationId,
      from_status: from,
      to_status: change.to,
      reason: change.reason,
      changed_on: change.on,
      actor_user_id: change.actorUserId,
      workflow_id: change.workflowId,
      change_key: change.changeKey,
    })
    .execute();
}
