// Repairs the read model of processes whose workflow closed without saying so (see
// close-process.ts). A process sets its search attribute ProcessStatus when it ends; one that
// is closed in Temporal while the attribute still says `running` ended some other way, and
// the last event of its run says how, why and by whom. Runs at every worker start over all
// of history, then every minute over what closed since.
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { DB } from '../../db/database.js';
import { ProcessStatus } from '../../workflows/search-attributes.js';
import { closeAndTell, type ClosedStatus } from './close-process.js';
import { tellOwed } from './owed-tellings.js';

/** Temporal's end states as our statuses; a run continued as new is not an end. */
const STATUS_OF: Partial<Record<WorkflowExecutionInfo['status']['name'], ClosedStatus>> = {
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
  TERMINATED: 'terminated',
  FAILED: 'failed',
  TIMED_OUT: 'timed_out',
};

export interface ReconcileOutcome {
  /** Closed workflows whose search attribute still said running. */
  checked: number;
  /** Rows that were still 进行中 here and now say how they ended. */
  repaired: number;
  /** Tellings owed by ended processes (a campaign's applicants, an applicant's campaign) told in this round. */
  told?: number;
}

export async function reconcileProcessStatuses(deps: {
  db: DB;
  client: Client;
  /** Only runs closed after this moment; all of history when absent. */
  closedSince?: Date;
}): Promise<ReconcileOutcome> {
  let query = `${ProcessStatus.name} = 'running' AND ExecutionStatus != 'Running' AND ExecutionStatus != 'ContinuedAsNew'`;
  if (deps.closedSince) query += ` AND CloseTime > '${deps.closedSince.toISOString()}'`;
  const outcome: ReconcileOutcome = { checked: 0, repaired: 0 };
  let batch: WorkflowExecutionInfo[] = [];
  const flush = async () => {
    outcome.repaired += await repairBatch(deps, batch);
    batch = [];
  };
  for await (const execution of deps.client.workflow.list({ query })) {
    outcome.checked++;
    batch.push(execution);
    if (batch.length === 100) await flush();
  }
  await flush();
  return outcome;
}

async function repairBatch(deps: { db: DB; client: Client }, executions: WorkflowExecutionInfo[]): Promise<number> {
  if (executions.length === 0) return 0;
  // One server shares many databases in tests and staging: only rows this database holds count.
  const open = new Set(
    (
      await deps.db
        .selectFrom('processes')
        .select('id')
        .where(
          'id',
          'in',
          executions.map((e) => e.workflowId),
        )
        .where('status', 'in', ['running', 'incident'])
        .execute()
    ).map((r) => r.id),
  );
  let repaired = 0;
  for (const execution of executions) {
    const status = STATUS_OF[execution.status.name];
    if (!status || !open.has(execution.workflowId)) continue;
    const { reason, identity } = await howItClosed(deps.client, execution);
    const { closed } = await closeAndTell(deps, {
      processId: execution.workflowId,
      runId: execution.runId,
      status,
      at: execution.closeTime ?? new Date(),
      reason,
      actorUserId: null,
      identity,
    });
    if (closed) repaired++;
  }
  return repaired;
}

/** The run's last event: the reason an operator gave, or the failure's message. */
async function howItClosed(
  client: Client,
  execution: WorkflowExecutionInfo,
): Promise<{ reason: string | null; identity: string | null }> {
  const page = await client.workflowService.getWorkflowExecutionHistoryReverse({
    namespace: client.options.namespace,
    execution: { workflowId: execution.workflowId, runId: execution.runId },
    maximumPageSize: 1,
  });
  const last: temporal.api.history.v1.IHistoryEvent | undefined = page.history?.events?.[0];
  const terminated = last?.workflowExecutionTerminatedEventAttributes;
  if (terminated) return { reason: terminated.reason || null, identity: terminated.identity || null };
  const failed = last?.workflowExecutionFailedEventAttributes;
  if (failed) return { reason: failed.failure?.message || null, identity: null };
  if (last?.workflowExecutionTimedOutEventAttributes) return { reason: '流程运行超时', identity: null };
  return { reason: null, identity: null };
}

export interface StatusReconciler {
  stop(): Promise<void>;
}

/**
 * At start over all of history, then every `intervalMs` over what closed since the last round;
 * each round then tells again what an ended process still owes (a telling that failed).
 */
export function startStatusReconciler(deps: {
  db: DB;
  client: Client;
  intervalMs?: number;
  onRun?: (outcome: ReconcileOutcome) => void;
  onError?: (error: unknown) => void;
}): StatusReconciler {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let since: Date | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const round = () => {
    // A margin for clocks and for visibility catching up with a close.
    const started = new Date(Date.now() - 5 * 60_000);
    running = reconcileProcessStatuses({ db: deps.db, client: deps.client, closedSince: since })
      .then(async (outcome) => {
        since = started;
        const tellings = await tellOwed(deps);
        if (tellings.firstError !== undefined) deps.onError?.(tellings.firstError);
        if (outcome.repaired > 0 || tellings.told > 0) deps.onRun?.({ ...outcome, told: tellings.told });
      })
      .catch((error: unknown) => deps.onError?.(error))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(round, deps.intervalMs ?? 60_000);
          timer.unref();
        }
      });
  };
  round();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
