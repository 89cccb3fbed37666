// Runs a bulk operation in the background of the API, from its rows in PostgreSQL.
//
// Why a table-driven job in the API rather than a Temporal workflow of its own: each item is one
// call of an action the API already owns (撤销 and 强制终止 talk to Temporal from the API, 重试 and
// 催办 are Updates the API sends for a signed-in clerk), and each of those is durable the moment
// it returns. What a bulk operation adds is only the list and the bookkeeping, and both are rows
// written before anything runs: the operation, one item per matched process, each item marked
// as it ends. A lease says which API runs it; an API that dies leaves the lease to lapse, and the
// next API start, or the next read of the operation, takes the rest up again. An item cut off
// mid-way runs again safely: every action checks first (已结束, 已在撤销中, no open incident) and
// the urge's Update id is fixed per operation and task. The requestId is a unique key on the
// operation, so a second submission finds the first. A workflow would add a second way to run
// API code in the worker, for no step that waits on anything.
import { sql } from 'kysely';
import type { AppDeps } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { toSessionUser } from '../../auth/sessions.js';
import { scopeOf } from '../../scope/scope.js';
import type { Acting } from '../acting.js';
import { processesInScope } from '../process-queries.js';
import { BULK_ACTIONS, selectTargets } from './bulk-actions.js';

type Deps = Pick<AppDeps, 'db' | 'temporal' | 'logger'>;

const LEASE = sql<Date>`now() + interval '60 seconds'`;
/** Items run a few at a time: fast enough for a county's list, gentle on the worker. */
const PARALLEL = 4;

/** Starts the operation unless an API holds it already; returns at once. */
export function startBulkOperation(deps: Deps, operationId: number): void {
  runBulkOperation(deps, operationId).catch((error: unknown) =>
    deps.logger.error({ err: error, operationId }, 'bulk operation stopped; it resumes when its lease lapses'),
  );
}

/** Operations whose API stopped before they finished (at start, every running one has lapsed or will). */
export async function resumeBulkOperations(deps: Deps): Promise<void> {
  const lapsed = await deps.db
    .selectFrom('bulk_operations')
    .select('id')
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .execute();
  for (const op of lapsed) startBulkOperation(deps, op.id);
}

export async function runBulkOperation(deps: Deps, operationId: number): Promise<void> {
  const { db } = deps;
  const claim = () =>
    db
      .updateTable('bulk_operations')
      .set({ lease_until: LEASE })
      .where('id', '=', operationId)
      .where('status', '=', 'running')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
      .returningAll()
      .executeTakeFirst();
  const op = await claim();
  if (!op) return;
  const userRow = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'township_id', 'village_id', 'person_id'])
    .where('id', '=', op.created_by)
    .executeTakeFirstOrThrow();
  const user = toSessionUser(userRow);
  const acting: Acting = { db, temporal: deps.temporal, user, requestId: `bulk-${op.id}`, ip: op.ip };
  const action = BULK_ACTIONS[op.action];

  const runItem = async (item: { position: number; process_id: string }) => {
    // Scope and state are read again when the item runs, not taken from the submission.
    const target = await selectTargets(
      processesInScope(db, user, scopeOf(user)).where('p.id', '=', item.process_id),
    ).executeTakeFirst();
    const skip = target ? action.skip(user, target) : '不在管辖范围内';
    let status: 'succeeded' | 'skipped' | 'failed' = skip ? 'skipped' : 'succeeded';
    let message = skip;
    if (target && !skip) {
      try {
        await action.run(acting, target, op);
      } catch (error) {
        status = 'failed';
        message = errorText(error);
      }
    }
    await db
      .updateTable('bulk_operation_items')
      .set({ status, message, finished_at: new Date() })
      .where('operation_id', '=', op.id)
      .where('position', '=', item.position)
      .execute();
  };

  for (;;) {
    const batch = await db
      .selectFrom('bulk_operation_items')
      .select(['position', 'process_id'])
      .where('operation_id', '=', op.id)
      .where('status', '=', 'pending')
      .orderBy('position')
      .limit(PARALLEL)
      .execute();
    if (batch.length === 0) break;
    await Promise.all(batch.map(runItem));
    await db.updateTable('bulk_operations').set({ lease_until: LEASE }).where('id', '=', op.id).execute();
  }
  await db
    .updateTable('bulk_operations')
    .set({ status: 'done', finished_at: new Date(), lease_until: null })
    .where('id', '=', op.id)
    .execute();
}

/** The clerk's words for a failure: the field messages of qinglan's own errors, else the error. */
function errorText(error: unknown): string {
  if (error instanceof AppError) return error.fields?.map((f) => f.message).join('；') || error.messageZh;
  return error instanceof Error ? error.message : String(error);
}
