// When a workflow ends without saying so itself (terminated by an operator, failed, timed out,
// or cancelled by a workflow version that did not answer cancellation), its read-model row
// would stay 进行中 and its tasks in inboxes for ever. This writes what Temporal already knows.
import type { Client } from '@temporalio/client';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Database, ProcessStatus } from '../../db/schema.js';
import type { Actor } from '../../workflows/human-step/types.js';
import { RECRUITMENT_TELLINGS } from '../targeted-recruitment/applicant-ended.js';
import { RECRUITMENT_CLOSINGS } from '../targeted-recruitment/recruitment-closed.js';

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

/** What a type's other workflows must hear once one of its processes has been closed so, and by whom. */
export type ProcessTelling = (
  deps: { db: DB; client: Client },
  closed: ProcessClosed,
  actor?: Actor | null,
) => Promise<void>;

/** Each process type's telling, declared beside its own activities; run after the transaction. */
const TELLING_BY_TYPE: Record<string, ProcessTelling> = { ...RECRUITMENT_TELLINGS };

/**
 * Writes a run's end (the API's 强制终止, or the reconciler's repair), then tells what its type
 * must tell (an applicant's campaign). Returns whether its row was still open: the second of
 * the two to get there finds it closed and tells nothing again.
 */
export async function closeAndTell(
  deps: { db: DB; client: Client },
  closed: ProcessClosed,
  actor: Actor | null = null,
): Promise<boolean> {
  const type = await recordProcessClosed(deps.db, closed);
  if (!type) return false;
  await TELLING_BY_TYPE[type]?.(deps, closed, actor);
  return true;
}

/**
 * Closes the row, its open tasks and writes the timeline entry in one transaction; a row
 * that already ended is left alone, so running it twice (reconciler and API) changes nothing.
 * Returns the process's type when the row was still open, null otherwise.
 */
async function recordProcessClosed(db: DB, closed: ProcessClosed): Promise<string | null> {
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
    return updated.type;
  });
}
