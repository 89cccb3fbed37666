// When a workflow ends without saying so itself (terminated by an operator, failed, timed out,
// or cancelled by a workflow version that did not answer cancellation), its read-model row
// would stay 进行中 and its tasks in inboxes for ever. This writes what Temporal already knows.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Database, ProcessStatus } from '../../db/schema.js';
import type { Actor } from '../../workflows/human-step/types.js';
import { RECRUITMENT_CLOSINGS } from '../targeted-recruitment/recruitment-closed.js';
import { oweTelling, tellOwed, type TellingDeps } from './owed-tellings.js';

export type ClosedStatus = Extract<ProcessStatus, 'completed' | 'cancelled' | 'terminated' | 'failed' | 'timed_out'>;

export interface ProcessClosed {
  processId: string;
  /** The run that closed: keeps the timeline entry one per run, however often it is written. */
  runId: string;
  status: ClosedStatus;
  at: Date;
  reason: string | null;
  actorUserId: number | null;
  /** Who Temporal says did it (a worker, the API, an operator's CLI). */
  identity?: string | null;
}

/** What a type's own records need besides the row when its process ends without saying so. */
export type ProcessClosing = (trx: Transaction<Database>, closed: ProcessClosed, params: unknown) => Promise<void>;

/** Each process type's closing, declared beside its own activities. */
const CLOSING_BY_TYPE: Record<string, ProcessClosing> = { ...RECRUITMENT_CLOSINGS };

export interface CloseOutcome {
  /** The row was still open, and now says how the process ended. */
  closed: boolean;
  /** Why its telling failed: it stays owed, and the status reconciler tells it again. */
  tellingError?: unknown;
}

/**
 * Writes a run's end (the API's 强制终止, or the reconciler's repair) and owes what its type must
 * tell (an applicant's campaign), then tells it. The second of the two to get there finds the
 * row closed and changes nothing.
 */
export async function closeAndTell(
  deps: TellingDeps,
  closed: ProcessClosed,
  actor: Actor | null = null,
): Promise<CloseOutcome> {
  const owes = await recordProcessClosed(deps.db, closed, actor);
  if (owes === null) return { closed: false };
  if (!owes) return { closed: true };
  const { firstError } = await tellOwed(deps, closed.processId);
  return firstError === undefined ? { closed: true } : { closed: true, tellingError: firstError };
}

/**
 * Closes the row, its open tasks and writes the timeline entry in one transaction; a row
 * that already ended is left alone, so running it twice (reconciler and API) changes nothing.
 * Returns null when the row had already ended, else whether a telling is now owed.
 */
async function recordProcessClosed(db: DB, closed: ProcessClosed, actor: Actor | null): Promise<boolean | null> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('processes')
      .set({
        status: closed.status,
        current_step: null,
        ended_at: closed.at,
        outcome: JSON.stringify({ status: closed.status, reason: closed.reason }),
      })
      .where('id', '=', closed.processId)
      .where('status', 'in', ['running', 'incident'])
      .returning(['type', 'params'])
      .executeTakeFirst();
    if (!updated) return null;
    // An incident the process waited on ends with it.
    await trx
      .updateTable('incidents')
      .set({ status: 'closed', resolved_at: closed.at, resolved_by: closed.actorUserId, reason: closed.reason })
      .where('process_id', '=', closed.processId)
      .where('status', '=', 'open')
      .execute();
    await trx
      .updateTable('tasks')
      .set({ status: 'cancelled', decided_at: closed.at })
      .where('process_id', '=', closed.processId)
      .where('status', '=', 'open')
      .execute();
    await trx
      .insertInto('task_events')
      .values({
        event_key: `${closed.processId}:${closed.runId}:${closed.status}`,
        process_id: closed.processId,
        task_id: null,
        at: closed.at,
        actor_user_id: closed.actorUserId,
        action: closed.status,
        comment: closed.reason,
        detail: JSON.stringify(closed.identity ? { identity: closed.identity } : {}),
      })
      .onConflict((oc) => oc.column('event_key').doNothing())
      .execute();
    await CLOSING_BY_TYPE[updated.type]?.(trx, closed, updated.params);
    return oweTelling(trx, updated.type, closed, actor);
  });
}
