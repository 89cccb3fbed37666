// Start and end of every process: the read model row and the search attributes that make
// "all running pairings in township 3" one query.
import { CancellationScope, isCancellation, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { boundedActivities, boundedLocalActivities } from './activity-incidents.js';
import type { RegisterProcessInput, TaskActivities } from '../../activities/human-steps/task-activities.js';
import type { ProcessStatus as Status } from '../../db/schema.js';
import { ProcessStatus, ProcessType, SubjectPersonId, TownshipId, VillageId } from '../search-attributes.js';

const acts = boundedActivities<TaskActivities>({ startToCloseTimeout: '30 seconds' });

/** The same writes, run in the worker within the workflow task (see LOCAL_LIFECYCLE). */
const local = boundedLocalActivities<TaskActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * A process's read-model row is written at its start and end by a local activity: one short
 * upsert, no round trip through Temporal before the first step can open (a county-wide start
 * paid one per cadre). Runs recorded before replay their activities as they were.
 */
export const LOCAL_LIFECYCLE = 'process-lifecycle-local';

function lifecycleWrites(): TaskActivities {
  return patched(LOCAL_LIFECYCLE) ? local : acts;
}

/** What a process says about itself when it starts; its id is the workflow's. */
export type ProcessIdentity = Omit<RegisterProcessInput, 'id'>;

export async function beginProcess(identity: ProcessIdentity): Promise<void> {
  upsertSearchAttributes([
    { key: ProcessType, value: identity.type },
    { key: ProcessStatus, value: 'running' },
    ...(identity.townshipId != null ? [{ key: TownshipId, value: identity.townshipId }] : []),
    ...(identity.villageId != null ? [{ key: VillageId, value: identity.villageId }] : []),
    ...(identity.subjectPersonId != null ? [{ key: SubjectPersonId, value: identity.subjectPersonId }] : []),
  ]);
  await lifecycleWrites().registerProcess({ id: workflowInfo().workflowId, ...identity });
}

export async function endProcess(status: Status, outcome: Record<string, unknown>): Promise<void> {
  upsertSearchAttributes([{ key: ProcessStatus, value: status }]);
  await lifecycleWrites().updateProcess({
    id: workflowInfo().workflowId,
    status,
    outcome,
    currentStep: null,
    endedAt: new Date().toISOString(),
  });
}

/** What must finish before a withdrawn process says it ended: its open steps closing their tasks. */
interface Settling {
  settle(): Promise<void>;
}

/**
 * The one way a process answers the county withdrawing it (撤销): once its open steps have
 * closed their tasks, the read model says 已撤销, then the cancellation goes on to Temporal.
 * Anything else is rethrown untouched. Call from the workflow's outermost catch.
 */
export async function endIfCancelled(error: unknown, steps: Settling): Promise<never> {
  if (isCancellation(error)) {
    await steps.settle();
    await CancellationScope.nonCancellable(() => endProcess('cancelled', { status: 'cancelled' }));
  }
  throw error;
}

/** The patch of workflows that ended silently when cancelled, before they said 已撤销. */
export const ENDS_AS_CANCELLED = 'process-ends-as-cancelled';

/**
 * For workflows that let a cancellation end them silently before: histories already cancelled
 * that way replay unchanged, new ones end as 已撤销 (the reconciler repairs the old rows).
 */
export async function endIfCancelledSince(patch: string, error: unknown, steps: Settling): Promise<never> {
  if (isCancellation(error) && patched(patch)) await endIfCancelled(error, steps);
  throw error;
}
